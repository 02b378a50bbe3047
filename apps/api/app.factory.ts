import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type Logger } from 'pino';
import { PinoNestLogger } from '../../libs/common/index.js';
import { type AppConfig } from '../../libs/config/index.js';
import { AppModule } from './app.module.js';
import { graphiqlMiddleware } from './graphql/graphiql.js';
import { applyHttpHardening } from './http/http-hardening.js';
import { graphqlUploadMiddleware } from './materials/graphql-upload.middleware.js';
import { requestIdMiddleware } from './http/request-id.middleware.js';
import { webAppMiddleware } from './http/web-app.middleware.js';

/** Builds the HTTP application; shared by main.ts and the end-to-end tests. */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, logger), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestIdMiddleware(logger));
  applyHttpHardening(app, config, logger);
  app.use('/graphql', graphqlUploadMiddleware(config));
  if (config.graphqlIde) app.use(graphiqlMiddleware());
  // The web app (apps/web/dist) at /, same origin; API paths are never shadowed.
  app.use(webAppMiddleware());
  await app.init();
  return app;
}
