import { DomainException, ErrorKind } from '../common/index.js';

export enum EventsReason {
  SLUG_TAKEN = 'SLUG_TAKEN',
  INVALID_SLUG = 'INVALID_SLUG',
  INVALID_TIME_ZONE = 'INVALID_TIME_ZONE',
  INVALID_DATES = 'INVALID_DATES',
  EVENT_NOT_OPEN = 'EVENT_NOT_OPEN',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  REGISTRATION_DECLINED = 'REGISTRATION_DECLINED',
  LAST_ORGANISER = 'LAST_ORGANISER',
  IMPORT_TOO_LARGE = 'IMPORT_TOO_LARGE',
  IMPORT_MALFORMED = 'IMPORT_MALFORMED',
}

export class EventsException extends DomainException<EventsReason> {
  static slugTaken(slug: string) {
    return new EventsException(ErrorKind.CONFLICT, EventsReason.SLUG_TAKEN, `Another event already uses the address "${slug}".`, {
      field: 'slug',
      details: { slug },
    });
  }
  static invalidSlug(slug: string) {
    return new EventsException(
      ErrorKind.BAD_USER_INPUT,
      EventsReason.INVALID_SLUG,
      `"${slug}" is not a valid event address: use lower-case letters, digits and single hyphens (at most 80 characters).`,
      { field: 'slug', details: { slug } },
    );
  }
  static invalidTimeZone(zone: string) {
    return new EventsException(
      ErrorKind.BAD_USER_INPUT,
      EventsReason.INVALID_TIME_ZONE,
      `"${zone}" is not an IANA time zone; use a name such as Europe/Helsinki.`,
      { field: 'timeZone', details: { zone } },
    );
  }
  static invalidDates(message: string, field: string) {
    return new EventsException(ErrorKind.BAD_USER_INPUT, EventsReason.INVALID_DATES, message, { field });
  }
  static notOpen() {
    return new EventsException(ErrorKind.CONFLICT, EventsReason.EVENT_NOT_OPEN, 'This event is not open for registration.');
  }
  static alreadyRegistered() {
    return new EventsException(ErrorKind.CONFLICT, EventsReason.ALREADY_REGISTERED, 'You are already registered for this event.');
  }
  static registrationDeclined() {
    return new EventsException(ErrorKind.CONFLICT, EventsReason.REGISTRATION_DECLINED, 'The organisers declined your registration; contact them to reconsider.');
  }
  static lastOrganiser() {
    return new EventsException(ErrorKind.CONFLICT, EventsReason.LAST_ORGANISER, 'An event must keep at least one approved organiser.');
  }
  static importTooLarge(limitBytes: number, maxRows: number) {
    return new EventsException(
      ErrorKind.BAD_USER_INPUT,
      EventsReason.IMPORT_TOO_LARGE,
      `The file is larger than the import limit of ${Math.round(limitBytes / 1024)} KiB (or ${maxRows.toLocaleString('en-GB')} rows); split it.`,
      { field: 'csv', details: { limitBytes, maxRows } },
    );
  }
  static importMalformed(message: string) {
    return new EventsException(ErrorKind.BAD_USER_INPUT, EventsReason.IMPORT_MALFORMED, message, { field: 'csv' });
  }
}
