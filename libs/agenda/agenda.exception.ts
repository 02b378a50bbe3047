import { DomainException, ErrorKind } from '../common/index.js';

export enum AgendaReason {
  INVALID_TIMES = 'INVALID_TIMES',
  OUTSIDE_EVENT = 'OUTSIDE_EVENT',
  UNKNOWN_ROOM = 'UNKNOWN_ROOM',
  UNKNOWN_TRACK = 'UNKNOWN_TRACK',
  UNKNOWN_PERSON = 'UNKNOWN_PERSON',
  UNKNOWN_ROUND_TABLE = 'UNKNOWN_ROUND_TABLE',
  NAME_TAKEN = 'NAME_TAKEN',
  ROOM_IN_USE = 'ROOM_IN_USE',
  HARD_CONFLICT = 'HARD_CONFLICT',
  SESSION_NOT_OPEN = 'SESSION_NOT_OPEN',
  NOT_A_ROUND_TABLE = 'NOT_A_ROUND_TABLE',
  ROUND_TABLE_REQUIRED = 'ROUND_TABLE_REQUIRED',
  ALREADY_SEATED = 'ALREADY_SEATED',
  NOT_SEATED = 'NOT_SEATED',
  SEATS_BELOW_TAKEN = 'SEATS_BELOW_TAKEN',
  TABLE_NOT_EMPTY = 'TABLE_NOT_EMPTY',
  ONLY_DRAFTS_DELETED = 'ONLY_DRAFTS_DELETED',
  TABLE_FULL = 'TABLE_FULL',
}

export class AgendaException extends DomainException<AgendaReason> {
  static invalidTimes(message: string, field = 'input.endsAt') {
    return new AgendaException(ErrorKind.BAD_USER_INPUT, AgendaReason.INVALID_TIMES, message, { field });
  }
  static outsideEvent(message: string, field: string, days: { startsOn: string; endsOn: string }) {
    return new AgendaException(ErrorKind.BAD_USER_INPUT, AgendaReason.OUTSIDE_EVENT, message, { field, details: { ...days } });
  }
  static unknownRoom(id: string, field = 'input.roomId') {
    return new AgendaException(ErrorKind.BAD_USER_INPUT, AgendaReason.UNKNOWN_ROOM, `Room "${id}" is not a room of this event.`, { field });
  }
  static unknownTrack(id: string, field = 'input.trackId') {
    return new AgendaException(ErrorKind.BAD_USER_INPUT, AgendaReason.UNKNOWN_TRACK, `Track "${id}" is not a track of this event.`, { field });
  }
  static unknownPerson(id: string, field: string) {
    return new AgendaException(
      ErrorKind.BAD_USER_INPUT,
      AgendaReason.UNKNOWN_PERSON,
      `Account "${id}" is not an approved participant of this event.`,
      { field },
    );
  }
  static unknownRoundTable(id: string, field = 'roundTableId') {
    return new AgendaException(ErrorKind.BAD_USER_INPUT, AgendaReason.UNKNOWN_ROUND_TABLE, `Round table "${id}" is not a table of this session.`, { field });
  }
  static nameTaken(what: string, name: string) {
    return new AgendaException(ErrorKind.CONFLICT, AgendaReason.NAME_TAKEN, `This event already has a ${what} called "${name}".`, {
      field: 'input.name',
      details: { name },
    });
  }
  static roomInUse(name: string) {
    return new AgendaException(ErrorKind.CONFLICT, AgendaReason.ROOM_IN_USE, `Room "${name}" still has sessions; move them first.`, { details: { name } });
  }
  static hardConflict(message: string, details: Record<string, unknown>) {
    return new AgendaException(ErrorKind.CONFLICT, AgendaReason.HARD_CONFLICT, message, { details });
  }
  static sessionNotOpen(title: string) {
    return new AgendaException(ErrorKind.CONFLICT, AgendaReason.SESSION_NOT_OPEN, `"${title}" is not open for registration (it is not published, or cancelled).`, {
      details: { title },
    });
  }
  static notARoundTable() {
    return new AgendaException(ErrorKind.BAD_USER_INPUT, AgendaReason.NOT_A_ROUND_TABLE, 'Only round-table sessions have tables.', { field: 'roundTableId' });
  }
  static roundTableRequired() {
    return new AgendaException(ErrorKind.BAD_USER_INPUT, AgendaReason.ROUND_TABLE_REQUIRED, 'Choose one of the tables of this round-table session.', {
      field: 'roundTableId',
    });
  }
  static alreadySeated(waiting: boolean) {
    return new AgendaException(
      ErrorKind.CONFLICT,
      AgendaReason.ALREADY_SEATED,
      waiting ? 'You are already on a waiting list of this session; leave it first.' : 'You already hold a seat in this session; leave it first.',
      { details: { variant: waiting ? 'WAITING' : 'SEATED' } },
    );
  }
  static tableFull(table: string, keeping: 'seat' | 'place') {
    return new AgendaException(
      ErrorKind.CONFLICT,
      AgendaReason.TABLE_FULL,
      `Every seat at "${table}" is taken; you keep your ${keeping === 'seat' ? 'seat' : 'place in line'} where you are.`,
      { field: 'roundTableId', details: { table } },
    );
  }
  static notSeated() {
    return new AgendaException(ErrorKind.NOT_FOUND, AgendaReason.NOT_SEATED, 'You hold no seat and no place in line in this session.');
  }
  static seatsBelowTaken(taken: number) {
    return new AgendaException(ErrorKind.CONFLICT, AgendaReason.SEATS_BELOW_TAKEN, `${taken} seats are already taken; the capacity cannot go below that.`, {
      field: 'input.seats',
      details: { taken },
    });
  }
  static tableNotEmpty() {
    return new AgendaException(ErrorKind.CONFLICT, AgendaReason.TABLE_NOT_EMPTY, 'People hold seats or wait at this table; it cannot be removed.');
  }
  static onlyDraftsDeleted() {
    return new AgendaException(
      ErrorKind.CONFLICT,
      AgendaReason.ONLY_DRAFTS_DELETED,
      'Only draft sessions can be deleted; cancel a published session so calendars learn about it.',
    );
  }
}
