import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { type Response } from 'express';
import { type Logger } from 'pino';
import { currentRequestId, DomainException, ErrorKind, isDatabaseUnavailable, LOGGER } from '../../../libs/common/index.js';
import { MaterialsReason } from '../../../libs/materials/index.js';
import { SERVICE_UNAVAILABLE } from '../graphql/format-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '../http/database-unavailable.js';

const STATUS: Record<ErrorKind, number> = {
  [ErrorKind.BAD_USER_INPUT]: 400,
  [ErrorKind.UNAUTHENTICATED]: 401,
  [ErrorKind.FORBIDDEN]: 403,
  [ErrorKind.NOT_FOUND]: 404,
  [ErrorKind.CONFLICT]: 409,
  [ErrorKind.TOO_MANY_REQUESTS]: 429,
};

const REASON_STATUS: Partial<Record<string, number>> = {
  [MaterialsReason.FILE_TOO_LARGE]: 413,
  [MaterialsReason.TYPE_NOT_ALLOWED]: 415,
  [MaterialsReason.TYPE_NOT_RECOGNISED]: 415,
  [MaterialsReason.EXECUTABLE_REFUSED]: 415,
  [MaterialsReason.EXTENSION_MISMATCH]: 415,
  [MaterialsReason.RANGE_NOT_SATISFIABLE]: 416,
};

/**
 * The REST endpoints' twin of the GraphQL error formatter: the same codes and reasons, as
 * `{ "error": { code, reason, message, field?, details?, requestId } }` with a matching HTTP status.
 */
@Catch()
export class MaterialsHttpFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const requestId = currentRequestId();
    if (res.headersSent) {
      // A download failed mid-stream: the client must see a broken transfer, not a short file.
      this.logger.error({ err: exception, requestId }, 'materials response failed after it started');
      res.destroy();
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn({ err: exception, requestId }, 'database unavailable during a materials request');
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      res.status(503).json({ error: { code: SERVICE_UNAVAILABLE, message: DATABASE_UNAVAILABLE_MESSAGE, requestId } });
      return;
    }
    let status = 500;
    let body: Record<string, unknown>;
    if (exception instanceof DomainException) {
      status = REASON_STATUS[exception.reason] ?? STATUS[exception.kind] ?? 400;
      body = {
        code: exception.kind,
        reason: exception.reason,
        message: exception.message,
        ...(exception.field ? { field: exception.field } : {}),
        ...(exception.details ? { details: exception.details } : {}),
      };
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      if (status === 416 && typeof exception.details?.size === 'number') res.setHeader('Content-Range', `bytes */${exception.details.size}`);
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const response = exception.getResponse();
      // The rate-limit guard answers 429 with the domain's code and reason already in the body.
      const given = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      body = {
        code: given.code ?? (status === 404 ? ErrorKind.NOT_FOUND : status === 429 ? ErrorKind.TOO_MANY_REQUESTS : ErrorKind.BAD_USER_INPUT),
        ...(given.reason ? { reason: given.reason } : {}),
        message: exception.message,
        ...(given.retryAfterSeconds ? { details: { retryAfterSeconds: given.retryAfterSeconds } } : {}),
      };
    } else {
      this.logger.error({ err: exception, requestId }, 'unexpected error in a materials request');
      body = { code: 'INTERNAL_SERVER_ERROR', message: `Internal error. Quote request id ${requestId ?? 'unknown'} when reporting it.` };
    }
    res.status(status).json({ error: { ...body, requestId } });
  }
}
