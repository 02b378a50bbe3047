import { DomainException, ErrorKind } from '../common/index.js';

export enum SchedulingRunReason {
  INVALID_RUN_OPTIONS = 'INVALID_RUN_OPTIONS',
  NO_DRAFT = 'NO_DRAFT',
  RUN_NOT_DRAFT = 'RUN_NOT_DRAFT',
  MEETING_NOT_IN_DRAFT = 'MEETING_NOT_IN_DRAFT',
  MEETING_ALREADY_BOOKED = 'MEETING_ALREADY_BOOKED',
  MEETING_NOT_PLACED = 'MEETING_NOT_PLACED',
  MEETING_CHANGED = 'MEETING_CHANGED',
  DRAFT_OUTDATED = 'DRAFT_OUTDATED',
}

/**
 * Failures of the organiser scheduler's runs and drafts. Per-meeting placement conflicts
 * (PARTICIPANT_BUSY, TABLE_TAKEN, PARTICIPANT_UNAVAILABLE, MEETING_LIMIT_REACHED,
 * TABLE_OUT_OF_RANGE) reuse MatchmakingException so clients switch on one set of codes.
 */
export class SchedulingRunException extends DomainException<SchedulingRunReason> {
  static invalidOptions(field: string, message: string) {
    return new SchedulingRunException(ErrorKind.BAD_USER_INPUT, SchedulingRunReason.INVALID_RUN_OPTIONS, message, { field });
  }
  static noDraft() {
    return new SchedulingRunException(ErrorKind.NOT_FOUND, SchedulingRunReason.NO_DRAFT, 'This event has no scheduling draft; start a scheduling run first.');
  }
  static notDraft(runId: string, status: string) {
    return new SchedulingRunException(
      ErrorKind.CONFLICT,
      SchedulingRunReason.RUN_NOT_DRAFT,
      `Scheduling run ${runId} is ${status}, not the current draft.`,
      { field: 'runId', details: { runId, status } },
    );
  }
  static meetingNotInDraft(meetingId: string) {
    return new SchedulingRunException(ErrorKind.NOT_FOUND, SchedulingRunReason.MEETING_NOT_IN_DRAFT, `Meeting ${meetingId} is not part of this draft.`, {
      field: 'meetingId',
    });
  }
  static alreadyBooked(meetingId: string) {
    return new SchedulingRunException(
      ErrorKind.CONFLICT,
      SchedulingRunReason.MEETING_ALREADY_BOOKED,
      'This meeting was already booked before the run; it stays where it is (move it with bookMeeting).',
      { field: 'meetingId', details: { meetingId } },
    );
  }
  static notPlaced(meetingId: string) {
    return new SchedulingRunException(
      ErrorKind.CONFLICT,
      SchedulingRunReason.MEETING_NOT_PLACED,
      'The draft does not place this meeting; move it into a slot to lock it there.',
      { field: 'meetingId', details: { meetingId } },
    );
  }
  static meetingChanged(meetingId: string, who: string, what: string) {
    return new SchedulingRunException(
      ErrorKind.CONFLICT,
      SchedulingRunReason.MEETING_CHANGED,
      `The meeting of ${who} changed since the draft was made (${what}); run the scheduler again.`,
      { details: { meetingId } },
    );
  }
  static outdated(message: string, details: Record<string, unknown>) {
    return new SchedulingRunException(
      ErrorKind.CONFLICT,
      SchedulingRunReason.DRAFT_OUTDATED,
      `${message} Something changed since the draft was made; run the scheduler again.`,
      { details },
    );
  }
}
