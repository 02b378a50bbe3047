import { type NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { type Logger } from 'pino';
import { currentRequestId } from '../../../libs/common/index.js';
import { type AppConfig } from '../../../libs/config/index.js';
import { IDE_INLINE_SOURCES } from '../graphql/graphiql.js';

/**
 * Security headers, CORS, the JSON body limit and the refusal of batched GraphQL requests.
 * Call before anything else is mounted: the body parser registered here is the app's only one.
 */
export function applyHttpHardening(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          // The offline IDE's one inline script and style are allowed by hash, nothing else inline.
          'script-src': ["'self'", IDE_INLINE_SOURCES.script],
          'style-src': ["'self'", IDE_INLINE_SOURCES.style],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
        },
      },
      // HSTS only makes sense behind HTTPS; production deployments terminate TLS in front.
      strictTransportSecurity: config.publicBaseUrl.startsWith('https:') ? { maxAge: 180 * 24 * 3600 } : false,
    }),
  );
  // Same-origin only unless origins are configured; credentials travel as a bearer header, not cookies.
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.useBodyParser('urlencoded', { limit: '64kb', extended: false });
  app.use(bodyErrorHandler(logger));
  app.use('/graphql', refuseBatchedOperations);
}

/** Body parser failures (too large, malformed JSON) as a small coded JSON answer, never a stack trace. */
function bodyErrorHandler(logger: Logger) {
  return (error: { status?: number; type?: string; limit?: number; length?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (!error || typeof error.status !== 'number' || error.status >= 500) return next(error);
    const tooLarge = error.type === 'entity.too.large';
    if (tooLarge) logger.warn({ length: error.length, limit: error.limit }, 'request body over the limit');
    res.status(error.status).json({
      errors: [
        {
          message: tooLarge
            ? `The request body is larger than the limit of ${error.limit} bytes.`
            : 'The request body is not valid JSON.',
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: tooLarge ? 'BODY_TOO_LARGE' : 'MALFORMED_BODY',
            ...(tooLarge ? { limit: error.limit } : {}),
            requestId: currentRequestId(),
          },
        },
      ],
    });
  };
}

/**
 * One operation per HTTP request: a JSON array (Apollo's batching, off here) would multiply the
 * work of one request past every per-operation limit, so it is refused with a clear error.
 */
function refuseBatchedOperations(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'POST' && Array.isArray(req.body)) {
    res.status(400).json({
      errors: [
        {
          message: 'Batched operations are not accepted: send one operation per request.',
          extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'BATCHING_DISABLED', limit: 1, actual: req.body.length },
        },
      ],
    });
    return;
  }
  next();
}

/**
 * The policy of the printable HTML pages (agenda, booklet, meeting plans): self-contained
 * documents whose only code is their own inline CSS. No script, no request anywhere (so a style
 * cannot send anything out), no frames, no forms; inline styles allowed, as the whole point of
 * the page is to print well. Replaces the app's policy, which refuses every inline style.
 */
export const PRINTABLE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
