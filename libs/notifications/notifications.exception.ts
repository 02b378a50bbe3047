import { DomainException, ErrorKind } from '../common/index.js';

export enum NotificationsReason {
  ESSENTIAL_KIND = 'ESSENTIAL_KIND',
  INVALID_TEMPLATE = 'INVALID_TEMPLATE',
  INVALID_REMINDER_RULE = 'INVALID_REMINDER_RULE',
  NOT_RESENDABLE = 'NOT_RESENDABLE',
  INVALID_UNSUBSCRIBE_TOKEN = 'INVALID_UNSUBSCRIBE_TOKEN',
  NO_RECIPIENTS = 'NO_RECIPIENTS',
}

export class NotificationsException extends DomainException<NotificationsReason> {
  static essentialKind(kind: string) {
    return new NotificationsException(
      ErrorKind.BAD_USER_INPUT,
      NotificationsReason.ESSENTIAL_KIND,
      `${kind} messages are essential and cannot be turned off.`,
      { field: 'kind' },
    );
  }
  /** `details` (a variant and its facts) lets a client word the refusal in the reader's language. */
  static invalidTemplate(field: string, message: string, details?: Record<string, unknown>) {
    return new NotificationsException(ErrorKind.BAD_USER_INPUT, NotificationsReason.INVALID_TEMPLATE, message, { field, details });
  }
  static invalidReminderRule(field: string, message: string, details?: Record<string, unknown>) {
    return new NotificationsException(ErrorKind.BAD_USER_INPUT, NotificationsReason.INVALID_REMINDER_RULE, message, { field, details });
  }
  static notResendable(status: string) {
    return new NotificationsException(
      ErrorKind.CONFLICT,
      NotificationsReason.NOT_RESENDABLE,
      `Only failed messages can be sent again; this one is ${status}.`,
    );
  }
  static invalidUnsubscribeToken() {
    return new NotificationsException(ErrorKind.NOT_FOUND, NotificationsReason.INVALID_UNSUBSCRIBE_TOKEN, 'This unsubscribe link is not valid.');
  }
  static noRecipients() {
    return new NotificationsException(ErrorKind.BAD_USER_INPUT, NotificationsReason.NO_RECIPIENTS, 'Nobody matches this group.', { field: 'filter' });
  }
}
