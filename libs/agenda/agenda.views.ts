import { type SeatStatus } from './entities/seat.entity.js';
import { type SessionRole } from './entities/session-person.entity.js';
import { type SessionStatus, type SessionType } from './entities/session.entity.js';

/** Read models returned by the agenda services: public facts only (no e-mail addresses). */

export interface RoomView {
  id: string;
  eventId: string;
  name: string;
  capacity: number | null;
  location: string | null;
  position: number;
}

export interface TrackView {
  id: string;
  eventId: string;
  name: string;
  colour: string;
}

export interface SessionPersonView {
  accountId: string;
  name: string;
  jobTitle: string | null;
  organisationName: string | null;
  role: SessionRole;
  position: number;
}

/** Someone at my round table (see readTableMates): no e-mail, fields as their profile allows. */
export interface TableMateView {
  accountId: string;
  name: string;
  organisationName: string | null;
  jobTitle: string | null;
  isHost: boolean;
}

export interface RoundTableView {
  id: string;
  sessionId: string;
  topic: string;
  hostAccountId: string | null;
  hostName: string | null;
  seats: number;
  seated: number;
  waiting: number;
  position: number;
}

export interface SessionView {
  id: string;
  eventId: string;
  title: string;
  description: string | null;
  type: SessionType;
  startsAt: Date;
  endsAt: Date;
  /** YYYY-MM-DD in the event's zone. */
  day: string;
  timeZone: string;
  room: RoomView | null;
  track: TrackView | null;
  capacity: number | null;
  /** Seats taken in the session itself (round tables count their own). */
  seated: number;
  waiting: number;
  language: string | null;
  status: SessionStatus;
  revision: number;
  people: SessionPersonView[];
  roundTables: RoundTableView[];
}

export interface AgendaDayView {
  date: string;
  sessions: SessionView[];
}

export interface AgendaView {
  eventId: string;
  timeZone: string;
  days: AgendaDayView[];
  rooms: RoomView[];
  tracks: TrackView[];
}

export interface AgendaFilter {
  day?: string | null;
  trackId?: string | null;
  type?: SessionType | null;
  roomId?: string | null;
  personId?: string | null;
  text?: string | null;
}

export enum MyAgendaReason {
  BOOKMARKED = 'BOOKMARKED',
  SEATED = 'SEATED',
  WAITING = 'WAITING',
  SPEAKER = 'SPEAKER',
  MODERATOR = 'MODERATOR',
  PANELLIST = 'PANELLIST',
  HOST = 'HOST',
  TABLE_HOST = 'TABLE_HOST',
}

export interface MyAgendaItemView {
  session: SessionView;
  reasons: MyAgendaReason[];
  seatStatus: SeatStatus | null;
  roundTableId: string | null;
  /** 1 for the first in line; null unless waiting. */
  waitingPosition: number | null;
  /** Other items of my agenda at the same time (cancelled sessions never overlap). */
  overlapsWith: string[];
}

export enum CommitmentReason {
  SPEAKER = 'SPEAKER',
  MODERATOR = 'MODERATOR',
  PANELLIST = 'PANELLIST',
  HOST = 'HOST',
  TABLE_HOST = 'TABLE_HOST',
  SEATED = 'SEATED',
}

/** A time someone is expected somewhere: matchmaking blocks these slots. */
export interface Commitment {
  accountId: string;
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  reason: CommitmentReason;
}

export enum ConflictKind {
  PERSON_DOUBLE_BOOKED = 'PERSON_DOUBLE_BOOKED',
  ROOM_DOUBLE_BOOKED = 'ROOM_DOUBLE_BOOKED',
  OVER_ROOM_CAPACITY = 'OVER_ROOM_CAPACITY',
  OUTSIDE_EVENT = 'OUTSIDE_EVENT',
}

export enum ConflictSeverity {
  /** Refuses publication. */
  HARD = 'HARD',
  WARNING = 'WARNING',
}

export interface AgendaConflict {
  kind: ConflictKind;
  severity: ConflictSeverity;
  message: string;
  sessionIds: string[];
  accountId: string | null;
  roomId: string | null;
}

export interface SeatView {
  id: string;
  sessionId: string;
  roundTableId: string | null;
  accountId: string;
  accountName: string;
  status: SeatStatus;
  waitingPosition: number | null;
  createdAt: Date;
}

export interface SessionChangeView {
  id: string;
  sessionId: string;
  revision: number;
  changedBy: string | null;
  changedAt: Date;
  changes: { field: string; old: string | null; new: string | null }[];
}
