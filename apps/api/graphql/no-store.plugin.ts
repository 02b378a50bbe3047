import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * GraphQL answers are never HTTP-cached (the schema has no cache hints). Apollo's cache-control
 * plugin would say so too, but it hooks every field resolver (a wrapper and a plugin call per
 * field, about a fifth of a sequential agenda request), so it is switched off and this plugin sends the
 * same `cache-control: no-store` it sent.
 */
export function noStorePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
          },
        };
      },
    },
  ];
}
