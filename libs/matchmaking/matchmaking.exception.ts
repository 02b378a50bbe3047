import { DomainException, ErrorKind } from '../common/index.js';

export enum MatchmakingReason {
  INVALID_SETTINGS = 'INVALID_SETTINGS',
  SLOTS_IN_USE = 'SLOTS_IN_USE',
  TABLES_IN_USE = 'TABLES_IN_USE',
  UNKNOWN_TERM = 'UNKNOWN_TERM',
  NOT_TAKING_PART = 'NOT_TAKING_PART',
  UNKNOWN_PERSON = 'UNKNOWN_PERSON',
  NOT_A_PARTICIPANT = 'NOT_A_PARTICIPANT',
  REQUEST_TO_SELF = 'REQUEST_TO_SELF',
  DUPLICATE_REQUEST = 'DUPLICATE_REQUEST',
  MEETING_LIMIT_REACHED = 'MEETING_LIMIT_REACHED',
  MATCHMAKING_CLOSED = 'MATCHMAKING_CLOSED',
  SLOT_OUTSIDE_WINDOWS = 'SLOT_OUTSIDE_WINDOWS',
  TABLE_OUT_OF_RANGE = 'TABLE_OUT_OF_RANGE',
  PARTICIPANT_BUSY = 'PARTICIPANT_BUSY',
  TABLE_TAKEN = 'TABLE_TAKEN',
  NO_FREE_TABLE = 'NO_FREE_TABLE',
  PARTICIPANT_UNAVAILABLE = 'PARTICIPANT_UNAVAILABLE',
  SLOTS_CHOSEN_BY_ORGANISER = 'SLOTS_CHOSEN_BY_ORGANISER',
  INVALID_STATE = 'INVALID_STATE',
  MEETING_LOCKED = 'MEETING_LOCKED',
  BLOCK_OVERLAPS_MEETING = 'BLOCK_OVERLAPS_MEETING',
  INVALID_ONLINE_LINK = 'INVALID_ONLINE_LINK',
}

/** Every expected failure of matchmaking, each with a reason a client can switch on. */
export class MatchmakingException extends DomainException<MatchmakingReason> {
  /** `details` (a variant and its facts) lets a client word the refusal in the reader's language. */
  static invalidSettings(field: string, message: string, details?: Record<string, unknown>) {
    return new MatchmakingException(ErrorKind.BAD_USER_INPUT, MatchmakingReason.INVALID_SETTINGS, message, { field, details });
  }
  static slotsInUse(slots: { startsAt: Date; meetings: number }[]) {
    const list = slots.map((s) => `${s.startsAt.toISOString()} (${s.meetings} meeting${s.meetings === 1 ? '' : 's'})`).join(', ');
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.SLOTS_IN_USE,
      `These settings would remove slots that already hold meetings: ${list}. Move or cancel those meetings first.`,
      { field: 'windows', details: { slots: slots.map((s) => ({ startsAt: s.startsAt.toISOString(), meetings: s.meetings })) } },
    );
  }
  static tablesInUse(highestUsed: number) {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.TABLES_IN_USE,
      `Table ${highestUsed} already holds a meeting; keep at least ${highestUsed} tables or move those meetings first.`,
      { field: 'tableCount', details: { highestUsed } },
    );
  }
  static unknownTerm(field: string, value: string, allowed: readonly string[]) {
    return new MatchmakingException(
      ErrorKind.BAD_USER_INPUT,
      MatchmakingReason.UNKNOWN_TERM,
      `"${value}" is not in this event's list of ${field}${allowed.length ? ` (${allowed.join(', ')})` : ' (the organisers have defined none yet)'}.`,
      { field, details: { value, allowed } },
    );
  }
  static notTakingPart(whose: 'you' | 'them', field = 'recipientId') {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.NOT_TAKING_PART,
      whose === 'you'
        ? 'Join matchmaking first (set "takingPart" in your matchmaking profile).'
        : 'This person does not take part in matchmaking.',
      { field, details: { variant: whose === 'you' ? 'YOU' : 'THEM' } },
    );
  }
  static unknownPerson(field: string, id: string) {
    return new MatchmakingException(ErrorKind.NOT_FOUND, MatchmakingReason.UNKNOWN_PERSON, `No person "${id}" is registered for this event.`, { field });
  }
  static notAParticipant(field: string) {
    return new MatchmakingException(
      ErrorKind.BAD_USER_INPUT,
      MatchmakingReason.NOT_A_PARTICIPANT,
      'This person is not an approved participant of the event.',
      { field },
    );
  }
  static requestToSelf() {
    return new MatchmakingException(ErrorKind.BAD_USER_INPUT, MatchmakingReason.REQUEST_TO_SELF, 'You cannot request a meeting with yourself.', {
      field: 'recipientId',
    });
  }
  static duplicateRequest() {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.DUPLICATE_REQUEST,
      'There is already an open request or an accepted meeting between these two people.',
      { field: 'recipientId' },
    );
  }
  static limitReached(who: string, limit: number) {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.MEETING_LIMIT_REACHED,
      `${who} already ${who === 'You' ? 'have' : 'has'} the maximum of ${limit} meetings for this event.`,
      { details: { limit, variant: who === 'You' ? 'YOU' : 'OTHER' } },
    );
  }
  static closed(opensAt: Date | null, closesAt: Date | null) {
    const hasClosed = !!closesAt && closesAt.getTime() <= Date.now();
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.MATCHMAKING_CLOSED,
      hasClosed
        ? `Meeting requests closed at ${closesAt.toISOString()}.`
        : `Meeting requests open at ${opensAt?.toISOString() ?? 'a time the organisers have not set'}.`,
      { details: { opensAt: opensAt?.toISOString() ?? null, closesAt: closesAt?.toISOString() ?? null, variant: hasClosed ? 'CLOSED' : 'NOT_YET_OPEN' } },
    );
  }
  static slotOutsideWindows(field: string, slotId: string) {
    return new MatchmakingException(
      ErrorKind.BAD_USER_INPUT,
      MatchmakingReason.SLOT_OUTSIDE_WINDOWS,
      `"${slotId}" is not one of this event's meeting slots (it lies outside the meeting windows or was removed).`,
      { field },
    );
  }
  static tableOutOfRange(tableNumber: number, tableCount: number) {
    return new MatchmakingException(
      ErrorKind.BAD_USER_INPUT,
      MatchmakingReason.TABLE_OUT_OF_RANGE,
      `Table ${tableNumber} does not exist: this event has tables 1 to ${tableCount}.`,
      { field: 'tableNumber', details: { tableNumber, tableCount } },
    );
  }
  static participantBusy(name: string, accountId: string, slot: { id: string; startsAt: Date }) {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.PARTICIPANT_BUSY,
      `${name} already has a meeting in the slot starting ${slot.startsAt.toISOString()}.`,
      { field: 'slotId', details: { name, accountId, slotId: slot.id, startsAt: slot.startsAt.toISOString() } },
    );
  }
  static tableTaken(tableNumber: number, slot: { id: string; startsAt: Date }) {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.TABLE_TAKEN,
      `Table ${tableNumber} is already taken in the slot starting ${slot.startsAt.toISOString()}.`,
      { field: 'tableNumber', details: { tableNumber, slotId: slot.id, startsAt: slot.startsAt.toISOString() } },
    );
  }
  static noFreeTable(slot: { id: string; startsAt: Date }) {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.NO_FREE_TABLE,
      `Every table is taken in the slot starting ${slot.startsAt.toISOString()}.`,
      { field: 'slotId', details: { slotId: slot.id, startsAt: slot.startsAt.toISOString() } },
    );
  }
  static unavailable(name: string, accountId: string, reason: string, slot: { id: string; startsAt: Date }) {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.PARTICIPANT_UNAVAILABLE,
      `${name} is not available in the slot starting ${slot.startsAt.toISOString()}: ${reason}.`,
      { field: 'slotId', details: { name, accountId, reason, slotId: slot.id, startsAt: slot.startsAt.toISOString() } },
    );
  }
  static slotsChosenByOrganiser() {
    return new MatchmakingException(
      ErrorKind.FORBIDDEN,
      MatchmakingReason.SLOTS_CHOSEN_BY_ORGANISER,
      'In this event the organisers place accepted meetings into slots; you cannot choose one.',
      { field: 'slotId' },
    );
  }
  static invalidState(message: string) {
    return new MatchmakingException(ErrorKind.CONFLICT, MatchmakingReason.INVALID_STATE, message);
  }
  static blockOverlapsMeeting(meetings: { meetingId: string; slotId: string; startsAt: Date }[]) {
    return new MatchmakingException(
      ErrorKind.CONFLICT,
      MatchmakingReason.BLOCK_OVERLAPS_MEETING,
      `A meeting is booked in this time (slot starting ${meetings[0].startsAt.toISOString()}); cancel or move it before blocking the time.`,
      { details: { meetings: meetings.map((m) => ({ meetingId: m.meetingId, slotId: m.slotId, startsAt: m.startsAt.toISOString() })) } },
    );
  }
  static invalidOnlineLink(maxLength: number) {
    return new MatchmakingException(
      ErrorKind.BAD_USER_INPUT,
      MatchmakingReason.INVALID_ONLINE_LINK,
      'A video link starts with https:// and is at most 2,000 characters, with no user name or password in it.',
      { field: 'url', details: { maxLength } },
    );
  }
  static locked() {
    return new MatchmakingException(ErrorKind.CONFLICT, MatchmakingReason.MEETING_LOCKED, 'The organisers locked this meeting in its slot.');
  }
}
