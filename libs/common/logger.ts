import { type LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { currentRequestId } from './request-context.js';

/**
 * Paths whose values never reach a log line: credentials in headers, bodies and GraphQL
 * variables, at the top level and up to three levels down.
 */
const SECRET_KEYS = ['authorization', 'cookie', 'password', 'newPassword', 'currentPassword', 'token', 'accessToken', 'authSecret', 'secret', 'databaseUrl'];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`, `headers["${key}"]`, `*.headers["${key}"]`]);

/** Hides the values of secret-looking query parameters (feed tokens and the like) in a logged URL. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token|key|secret|password)=)[^&#]*/gi, '$1[redacted]');
}

/** One structured (JSON) logger for the process; every line carries the request id when there is one. */
export function createLogger(level: string, name = 'clustermeet', destination?: { write(line: string): void }): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { pid: process.pid },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  }, destination as never);
}

/** Lets Nest's own messages go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
