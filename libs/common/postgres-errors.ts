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
