import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { type Logger } from 'pino';
import { type AppConfig } from '../../../libs/config/index.js';
import { EventsModule, EventsService } from '../../../libs/events/index.js';
import { AccountsService, IdentityModule, OrganisationsService } from '../../../libs/identity/index.js';
import { hardenDateTimeScalar } from './date-time.scalar.js';
import { createErrorFormatter, retryAfterPlugin } from './format-error.js';
import { createLoaders } from './loaders.js';
import { inputSanityPlugin } from './input-sanity.plugin.js';
import { noStorePlugins } from './no-store.plugin.js';
import { queryLimitsPlugin } from './query-limits.plugin.js';
import { type ApiRequest, type GraphQLContext } from './request.js';

hardenDateTimeScalar();

/** Code-first GraphQL on Apollo; the schema is written sorted to schema.gql outside production. */
export function graphqlModule(config: AppConfig, logger: Logger): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: [IdentityModule, EventsModule],
    inject: [AccountsService, OrganisationsService, EventsService],
    useFactory: (accounts: AccountsService, organisations: OrganisationsService, events: EventsService) => ({
      autoSchemaFile: config.nodeEnv === 'production' ? true : join(process.cwd(), 'schema.gql'),
      sortSchema: true,
      path: '/graphql',
      playground: false,
      introspection: config.graphqlIde,
      // The IDE is served by the app itself (see graphiql.ts), never from a CDN.
      plugins: [ApolloServerPluginLandingPageDisabled(), queryLimitsPlugin(config.graphqlLimits), inputSanityPlugin(), retryAfterPlugin(), ...noStorePlugins()],
      includeStacktraceInErrorResponses: false,
      formatError: createErrorFormatter(logger, config.nodeEnv === 'development'),
      context: ({ req }: { req: ApiRequest }): GraphQLContext => ({
        req,
        loaders: createLoaders({ accounts, organisations, events }),
      }),
    }),
  });
}
