/**
 * The kinds of failure a client can switch on. They are the GraphQL `extensions.code`
 * values; the domain's own reason (e.g. SLUG_TAKEN) travels beside it as `extensions.reason`.
 */
export enum ErrorKind {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

export interface DomainExceptionOptions {
  /** The input field at fault, e.g. "timeZone" or "input.endsOn". */
  field?: string;
  /** Extra facts a client may show (never secrets). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * Base of every expected business failure. Each domain subclasses it once with its own
 * string-enum of reasons; one filter turns it into a GraphQL error.
 */
export abstract class DomainException<Reason extends string = string> extends Error {
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  protected constructor(
    readonly kind: ErrorKind,
    readonly reason: Reason,
    message: string,
    options: DomainExceptionOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.field = options.field;
    this.details = options.details;
  }
}

/** Failures shared by every domain: bad input, missing login, missing right, unknown id. */
export enum CommonReason {
  INVALID_INPUT = 'INVALID_INPUT',
  AUTHENTICATION_REQUIRED = 'AUTHENTICATION_REQUIRED',
  INVALID_TOKEN = 'INVALID_TOKEN',
  NOT_ALLOWED = 'NOT_ALLOWED',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

export class CommonException extends DomainException<CommonReason> {
  static invalidInput(field: string, message: string, details?: Record<string, unknown>) {
    return new CommonException(ErrorKind.BAD_USER_INPUT, CommonReason.INVALID_INPUT, message, { field, details });
  }
  /**
   * A text outside its length limits. The details (variant LENGTH with min and max, or TOO_LONG
   * with max) let a client word the refusal in the reader's language.
   */
  static textLength(field: string, message: string, limits: { min?: number; max: number }) {
    const details = limits.min ? { variant: 'LENGTH', min: limits.min, max: limits.max } : { variant: 'TOO_LONG', max: limits.max };
    return CommonException.invalidInput(field, message, details);
  }
  static authenticationRequired(message = 'You must be signed in to do this.') {
    return new CommonException(ErrorKind.UNAUTHENTICATED, CommonReason.AUTHENTICATION_REQUIRED, message);
  }
  static invalidToken(message = 'The access token is invalid or has expired; sign in again.') {
    return new CommonException(ErrorKind.UNAUTHENTICATED, CommonReason.INVALID_TOKEN, message);
  }
  static forbidden(message: string) {
    return new CommonException(ErrorKind.FORBIDDEN, CommonReason.NOT_ALLOWED, message);
  }
  static notFound(what: string, id?: string) {
    return new CommonException(
      ErrorKind.NOT_FOUND,
      CommonReason.NOT_FOUND,
      id === undefined ? `${what} not found.` : `${what} "${id}" not found.`,
      { details: { what } },
    );
  }
  static conflict(message: string, field?: string) {
    return new CommonException(ErrorKind.CONFLICT, CommonReason.CONFLICT, message, { field });
  }
}
