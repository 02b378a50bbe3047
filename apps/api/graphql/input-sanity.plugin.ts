import { type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

/**
 * Refuses text PostgreSQL cannot store (the NUL character) anywhere in an operation's variables
 * or string literals, before anything runs, instead of letting it fail deep in a query.
 */
export function inputSanityPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let bad = containsNul(request.variables);
          if (!bad) {
            visit(document, {
              [Kind.STRING]: (node) => {
                if (node.value.includes('\u0000')) bad = true;
              },
            });
          }
          if (bad) {
            throw new GraphQLError('Text may not contain the NUL character (U+0000).', {
              extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 50 || value === null || typeof value !== 'object') return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    if (containsNul(item, depth + 1)) return true;
  }
  return false;
}
