import { DomainException, ErrorKind } from '../common/index.js';

export enum SecurityReason {
  RATE_LIMITED = 'RATE_LIMITED',
  LOGIN_LOCKED = 'LOGIN_LOCKED',
}

/** Refusals that protect the platform; each tells the client how long to wait. */
export class SecurityException extends DomainException<SecurityReason> {
  get retryAfterSeconds(): number {
    return Number(this.details?.retryAfterSeconds ?? 1);
  }

  static rateLimited(action: string, retryAfterSeconds: number) {
    return new SecurityException(
      ErrorKind.TOO_MANY_REQUESTS,
      SecurityReason.RATE_LIMITED,
      `Too many ${action} requests; try again in ${retryAfterSeconds} s.`,
      { details: { action, retryAfterSeconds } },
    );
  }

  static loginLocked(retryAfterSeconds: number) {
    // Said the same way for every e-mail address, known or not.
    return new SecurityException(
      ErrorKind.TOO_MANY_REQUESTS,
      SecurityReason.LOGIN_LOCKED,
      `Too many failed sign-ins; try again in ${retryAfterSeconds} s.`,
      { details: { action: 'login', retryAfterSeconds } },
    );
  }
}
