import { type Logger } from 'pino';

/**
 * From the moment a process starts shutting down, an error of work the shutdown cuts off (a job's
 * query as its pool closes, a timer firing into a closed connection) is logged, not fatal: the
 * process is leaving anyway, and Node's default crash would turn a clean stop into exit code 1.
 */
export function tolerateLateErrors(logger: Logger): void {
  const late = (err: unknown) => logger.warn({ err }, 'error of work cut off by the shutdown');
  process.on('unhandledRejection', late);
  process.on('uncaughtException', late);
}
