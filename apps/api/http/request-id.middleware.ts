import { randomUUID } from 'node:crypto';
import { type NextFunction, type Response } from 'express';
import { type Logger } from 'pino';
import { redactUrl, requestContext } from '../../../libs/common/index.js';
import { type ApiRequest } from '../graphql/request.js';

/** Gives each request an id (or keeps a sane incoming X-Request-Id) and logs it once finished. */
export function requestIdMiddleware(logger: Logger) {
  return (req: ApiRequest, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    req.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId, method: req.method, url: redactUrl(req.originalUrl), status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    requestContext.run({ requestId }, next);
  };
}
