import { DomainException, ErrorKind } from '../common/index.js';

export enum IdentityReason {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_COUNTRY = 'INVALID_COUNTRY',
  ACCOUNT_SUSPENDED = 'ACCOUNT_SUSPENDED',
  NOT_PLATFORM_ADMIN = 'NOT_PLATFORM_ADMIN',
  INVALID_SUSPENSION_REASON = 'INVALID_SUSPENSION_REASON',
  INVALID_RESET_LINK = 'INVALID_RESET_LINK',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
}

export class IdentityException extends DomainException<IdentityReason> {
  static emailTaken(field = 'email') {
    return new IdentityException(ErrorKind.CONFLICT, IdentityReason.EMAIL_TAKEN, 'An account with this e-mail address already exists.', { field });
  }
  static invalidCredentials() {
    // Same message whether the e-mail exists or not: no account enumeration.
    return new IdentityException(ErrorKind.UNAUTHENTICATED, IdentityReason.INVALID_CREDENTIALS, 'E-mail or password is incorrect.');
  }
  static weakPassword(field = 'password') {
    return new IdentityException(ErrorKind.BAD_USER_INPUT, IdentityReason.WEAK_PASSWORD, 'The password must be at least 10 characters long.', { field });
  }
  static invalidEmail(field = 'email') {
    return new IdentityException(ErrorKind.BAD_USER_INPUT, IdentityReason.INVALID_EMAIL, 'This is not a valid e-mail address.', { field });
  }
  static invalidCountry(field = 'country') {
    return new IdentityException(ErrorKind.BAD_USER_INPUT, IdentityReason.INVALID_COUNTRY, 'The country must be a two-letter ISO 3166 code such as FI or ES.', { field });
  }
  static accountSuspended() {
    return new IdentityException(ErrorKind.UNAUTHENTICATED, IdentityReason.ACCOUNT_SUSPENDED, 'This account is suspended.');
  }
  static notPlatformAdmin() {
    return new IdentityException(ErrorKind.FORBIDDEN, IdentityReason.NOT_PLATFORM_ADMIN, 'Only platform administrators may do this.');
  }
  static invalidResetLink() {
    return new IdentityException(
      ErrorKind.BAD_USER_INPUT,
      IdentityReason.INVALID_RESET_LINK,
      'This link to set a password has expired or was already used. Ask for a new one.',
      { field: 'token' },
    );
  }
  static wrongPassword() {
    // Not UNAUTHENTICATED: the person is signed in, only the current password typed is wrong.
    return new IdentityException(ErrorKind.BAD_USER_INPUT, IdentityReason.WRONG_PASSWORD, 'Your current password is not this one.', { field: 'currentPassword' });
  }
  static invalidSuspensionReason(field = 'reason') {
    return new IdentityException(ErrorKind.BAD_USER_INPUT, IdentityReason.INVALID_SUSPENSION_REASON, 'The reason must be between 1 and 500 characters long.', { field });
  }
}
