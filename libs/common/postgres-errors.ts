/** PostgreSQL SQLSTATE codes the domains translate into their own errors. */
export const PgErrorCode = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  /** A referenced row with ON DELETE RESTRICT (checked at once, unlike NO ACTION's 23503). */
  RESTRICT_VIOLATION: '23001',
  CHECK_VIOLATION: '23514',
  EXCLUSION_VIOLATION: '23P01',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

interface PgDriverError {
  code?: string;
  constraint?: string;
}

/** The driver error behind a TypeORM QueryFailedError (or the error itself). */
function driverError(error: unknown): PgDriverError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { driverError?: PgDriverError }).driverError ?? (error as PgDriverError);
  return typeof candidate.code === 'string' ? candidate : undefined;
}

/** True when `error` is a violation of the named constraint (or of any constraint with that code). */
export function isConstraintViolation(error: unknown, code: string, constraint?: string): boolean {
  const pg = driverError(error);
  return pg?.code === code && (constraint === undefined || pg.constraint === constraint);
}

export function violatedConstraint(error: unknown): string | undefined {
  return driverError(error)?.constraint;
}

/** Socket errors of a database that is down, restarting or unreachable. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server shutting down or starting up: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
/** node-postgres says these in words only. */
const UNREACHABLE_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /Client has encountered a connection error/, /Connection terminated unexpectedly/];

/**
 * True when `error` says the database could not be reached (down, restarting, unreachable),
 * rather than that a statement failed. Looks through TypeORM's and GraphQL's wrappers
 * (`driverError`, `cause`, and `thrownValue` for non-Error values that node-postgres can reject with).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; thrownValue?: unknown };
  if (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || SHUTDOWN_STATES.has(e.code) || e.code.startsWith('08'))) return true;
  if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.some((m) => m.test(e.message as string))) return true;
  return [e.driverError, e.cause, e.thrownValue].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
