import { Injectable } from '@nestjs/common';
import { type TransactionalListener, TransactionalEvents } from '../common/index.js';

/** The request as the listeners need it (entities stay inside matchmaking). */
export interface RequestSnapshot {
  id: string;
  eventId: string;
  requesterId: string;
  recipientId: string;
  message: string | null;
  declineReason: string | null;
}

export interface MeetingSnapshot {
  id: string;
  eventId: string;
  requesterId: string;
  recipientId: string;
  slotId: string | null;
  tableNumber: number | null;
  cancelReason: string | null;
}

export type MatchmakingDomainEvent =
  | { type: 'request.sent' | 'request.declined' | 'request.cancelled' | 'request.expired'; request: RequestSnapshot; actorId: string | null }
  | { type: 'request.accepted'; request: RequestSnapshot; meeting: MeetingSnapshot; actorId: string | null }
  /** The requester changed a pending request; `revision` numbers the changes, `proposedSlotId` is the slot now proposed. */
  | { type: 'request.updated'; request: RequestSnapshot; changed: ('message' | 'proposedSlot' | 'priority')[]; revision: number; proposedSlotId: string | null; actorId: string | null }
  /** Booked into a slot for the first time (`moved` false) or moved to another slot or table. */
  | { type: 'meeting.booked'; meeting: MeetingSnapshot; moved: boolean; actorId: string | null }
  | { type: 'meeting.cancelled'; meeting: MeetingSnapshot; wasBooked: boolean; actorId: string | null }
  | { type: 'meeting.reschedule-proposed'; meeting: MeetingSnapshot; proposedSlotId: string; actorId: string | null }
  /** The video link was set, changed or (`onlineUrl` null) removed; `revision` is the meeting's calendar revision after the change. */
  | { type: 'meeting.online-link-changed'; meeting: MeetingSnapshot; onlineUrl: string | null; previousUrl: string | null; revision: number; actorId: string | null };

export type MatchmakingListener = TransactionalListener<MatchmakingDomainEvent>;

/**
 * Matchmaking changes, emitted inside the changing transaction (see TransactionalEvents).
 * Matchmaking cannot call notifications' invitation building itself (the calendar lib sits above
 * matchmaking).
 */
@Injectable()
export class MatchmakingEvents extends TransactionalEvents<MatchmakingDomainEvent> {}

export function requestSnapshot(r: RequestSnapshot): RequestSnapshot {
  return { id: r.id, eventId: r.eventId, requesterId: r.requesterId, recipientId: r.recipientId, message: r.message ?? null, declineReason: r.declineReason ?? null };
}

export function meetingSnapshot(m: MeetingSnapshot): MeetingSnapshot {
  return { id: m.id, eventId: m.eventId, requesterId: m.requesterId, recipientId: m.recipientId, slotId: m.slotId, tableNumber: m.tableNumber, cancelReason: m.cancelReason ?? null };
}
