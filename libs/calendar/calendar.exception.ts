import { DomainException, ErrorKind } from '../common/index.js';

export enum CalendarReason {
  FEED_NOT_FOUND = 'FEED_NOT_FOUND',
}

export class CalendarException extends DomainException<CalendarReason> {
  /** The same answer for an unknown, revoked or malformed token, a draft event or an unknown slug: no hint which. */
  static feedNotFound() {
    return new CalendarException(ErrorKind.NOT_FOUND, CalendarReason.FEED_NOT_FOUND, 'No such calendar feed.');
  }
}
