import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type Logger } from 'pino';
import { type ApolloServerPlugin } from '@apollo/server';
import { CommonException, currentRequestId, DomainException, ErrorKind, isDatabaseUnavailable } from '../../../libs/common/index.js';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '../http/database-unavailable.js';

/** `extensions.code` when the database cannot be reached (down, restarting): retry later. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/**
 * The one place where failures become GraphQL errors. Domain exceptions keep their kind as
 * `extensions.code`, their reason and field; GraphQL's own validation errors pass through;
 * anything else is logged and becomes a generic internal error with the request id.
 */
export function createErrorFormatter(logger: Logger, exposeStack: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const requestId = currentRequestId();
    if (original instanceof DomainException) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: original.kind,
          reason: original.reason,
          ...(original.field ? { field: original.field } : {}),
          ...(original.details ? { details: original.details } : {}),
          // A refusal for too many requests says when to come back, where clients look for it.
          ...(original.kind === ErrorKind.TOO_MANY_REQUESTS ? { retryAfterSeconds: original.details?.retryAfterSeconds ?? 1 } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // Errors of GraphQL itself (bad syntax, unknown field, wrong argument type).
      const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: exposeStack ? formatted.extensions : extensions };
    }
    if (original instanceof GraphQLError && !original.originalError && /^Argument "[^"]+" (of (non-null|required) type|has invalid value)/.test(original.message)) {
      // graphql-js refusing an argument while executing (e.g. null for an argument with a default).
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (isNestHttpError(original)) {
      const mapped = mapHttpStatus(original);
      if (mapped) return createErrorFormatter(logger, exposeStack)(formatted, mapped);
    }
    if (isDatabaseUnavailable(original)) {
      // Expected during a database restart or outage: a clear answer to retry, not an internal error.
      logger.warn({ err: original, path: formatted.path, requestId }, 'database unavailable during a GraphQL operation');
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS, requestId },
      };
    }
    logger.error({ err: original, path: formatted.path, requestId }, 'unexpected error in a GraphQL operation');
    return {
      message: `Internal error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        requestId,
        ...(exposeStack && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
      },
    };
  };
}

function isNestHttpError(error: unknown): error is { getStatus(): number; message: string } {
  return typeof (error as { getStatus?: unknown })?.getStatus === 'function';
}

function mapHttpStatus(error: { getStatus(): number; message: string }) {
  switch (error.getStatus()) {
    case 400:
      return CommonException.invalidInput('input', error.message);
    case 401:
      return CommonException.authenticationRequired(error.message);
    case 403:
      return CommonException.forbidden(error.message);
    case 404:
      return CommonException.notFound(error.message);
    default:
      return undefined;
  }
}

/**
 * Answers that say when to come back (`extensions.retryAfterSeconds`: the database being away,
 * too many requests) also say it in a Retry-After header, where HTTP clients and proxies look.
 */
export function retryAfterPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.http.headers.has('retry-after')) return;
          const seconds = response.body.singleResult.errors
            ?.map((e) => e.extensions?.retryAfterSeconds)
            .find((s): s is number => typeof s === 'number' && s > 0);
          if (seconds) response.http.headers.set('retry-after', String(Math.ceil(seconds)));
        },
      };
    },
  };
}
