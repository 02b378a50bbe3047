import { type Response } from 'express';
import { isDatabaseUnavailable } from '../../../libs/common/index.js';

/** Seconds a client is asked to wait when the database is away (GraphQL says the same). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** What every kind of answer (GraphQL, REST JSON, plain text) says while the database is away. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database cannot be reached right now. Please try again in a moment.';

/**
 * For REST endpoints: when `error` means the database cannot be reached (down, restarting),
 * answers 503 with Retry-After, which calendar apps and download managers honour, and returns
 * true; otherwise leaves the response alone and returns false.
 */
export function answerDatabaseUnavailable(error: unknown, res: Response): boolean {
  if (!isDatabaseUnavailable(error) || res.headersSent) return false;
  res
    .status(503)
    .set({ 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' })
    .type('text/plain')
    .send(DATABASE_UNAVAILABLE_MESSAGE);
  return true;
}
