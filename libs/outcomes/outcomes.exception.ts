import { DomainException, ErrorKind } from '../common/index.js';

export enum OutcomesReason {
  MEETING_NOT_HELD_YET = 'MEETING_NOT_HELD_YET',
  NOT_BOOKED = 'NOT_BOOKED',
  NOT_A_SIDE = 'NOT_A_SIDE',
  INVALID_RATING = 'INVALID_RATING',
  ROUND_NOT_OPEN = 'ROUND_NOT_OPEN',
  INVALID_ROUND = 'INVALID_ROUND',
  UNKNOWN_REPORT = 'UNKNOWN_REPORT',
  NOT_A_PARTICIPANT = 'NOT_A_PARTICIPANT',
  SESSION_NOT_STARTED = 'SESSION_NOT_STARTED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  SESSION_NOT_RATEABLE = 'SESSION_NOT_RATEABLE',
}

/** Every expected failure of outcomes and reports, each with a reason a client can switch on. */
export class OutcomesException extends DomainException<OutcomesReason> {
  static notBooked() {
    return new OutcomesException(ErrorKind.CONFLICT, OutcomesReason.NOT_BOOKED, 'This meeting is cancelled or has no slot and table, so it cannot be held.');
  }
  static notHeldYet(startsAt: Date) {
    return new OutcomesException(
      ErrorKind.CONFLICT,
      OutcomesReason.MEETING_NOT_HELD_YET,
      `This meeting starts at ${startsAt.toISOString()}; report on it once it has started.`,
      { details: { startsAt: startsAt.toISOString() } },
    );
  }
  static notASide() {
    return new OutcomesException(ErrorKind.FORBIDDEN, OutcomesReason.NOT_A_SIDE, 'Only the two people of a meeting give feedback on it.');
  }
  static invalidRating() {
    return new OutcomesException(ErrorKind.BAD_USER_INPUT, OutcomesReason.INVALID_RATING, 'The rating is a whole number from 1 to 5.', { field: 'rating' });
  }
  static roundNotOpen(opensAt: Date, closesAt: Date) {
    return new OutcomesException(
      ErrorKind.CONFLICT,
      OutcomesReason.ROUND_NOT_OPEN,
      `This follow-up round takes answers from ${opensAt.toISOString()} until ${closesAt.toISOString()}.`,
      { field: 'roundId' },
    );
  }
  static invalidRound(field: string, message: string) {
    return new OutcomesException(ErrorKind.BAD_USER_INPUT, OutcomesReason.INVALID_ROUND, message, { field });
  }
  static unknownReport(name: string, known: readonly string[]) {
    return new OutcomesException(ErrorKind.NOT_FOUND, OutcomesReason.UNKNOWN_REPORT, `There is no report "${name}" (known: ${known.join(', ')}).`, { details: { known } });
  }
  static notAParticipant(field: string) {
    return new OutcomesException(ErrorKind.BAD_USER_INPUT, OutcomesReason.NOT_A_PARTICIPANT, 'That person is not an approved participant of this event.', { field });
  }
  static sessionNotStarted(title: string, startsAt: Date) {
    return new OutcomesException(
      ErrorKind.CONFLICT,
      OutcomesReason.SESSION_NOT_STARTED,
      `"${title}" starts at ${startsAt.toISOString()}; rate it once it has started.`,
      { details: { title, startsAt: startsAt.toISOString() } },
    );
  }
  static sessionNotRateable(title: string, type: string) {
    return new OutcomesException(
      ErrorKind.CONFLICT,
      OutcomesReason.SESSION_NOT_RATEABLE,
      `"${title}" is a ${type.toLowerCase()} slot, which takes no feedback (meetings have their own).`,
      { details: { title, type } },
    );
  }
  static sessionCancelled(title: string) {
    return new OutcomesException(ErrorKind.CONFLICT, OutcomesReason.SESSION_CANCELLED, `"${title}" was cancelled, so it takes no feedback.`, { details: { title } });
  }
}
