import { DomainException, ErrorKind } from '../common/index.js';

export enum PrivacyReason {
  CONFIRMATION_MISMATCH = 'CONFIRMATION_MISMATCH',
  INVALID_RETENTION = 'INVALID_RETENTION',
}

export class PrivacyException extends DomainException<PrivacyReason> {
  static confirmationMismatch() {
    return new PrivacyException(ErrorKind.BAD_USER_INPUT, PrivacyReason.CONFIRMATION_MISMATCH, 'Type the e-mail address of your account to confirm the deletion.', {
      field: 'confirmEmail',
    });
  }

  static invalidRetention() {
    return new PrivacyException(ErrorKind.BAD_USER_INPUT, PrivacyReason.INVALID_RETENTION, 'The retention period must be a whole number of days from 1 to 3650.', {
      field: 'days',
    });
  }
}
