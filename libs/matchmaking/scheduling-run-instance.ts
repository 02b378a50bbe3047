import { INSTANCE_SCHEMA, type SchedulingInstance, type SchedulingMeeting, type SchedulingSolution } from '../scheduling/index.js';

/** What the database says about an event, as the scheduler needs it. */
export interface SchedulingInputData {
  eventId: string;
  slots: { id: string; startsAt: Date; endsAt: Date }[];
  tableCount: number;
  maxMeetings: number;
  /** Confirmed meetings: booked ones (slotId + tableNumber) and those waiting for a place. */
  meetings: { id: string; requesterId: string; recipientId: string; priority: number | null; slotId: string | null; tableNumber: number | null }[];
  /** Per person, the slots they cannot meet in (agenda commitments and hand blocks). */
  unavailable: Map<string, Set<string>>;
  /** Places the organiser locked in the previous draft (meetings not booked yet). */
  locks: Map<string, { slotId: string; tableNumber: number }>;
}

/** The library works on dense integer ids; these map them back to the database's. */
export interface SchedulingInstanceMaps {
  slotIds: string[];
  accountIds: string[];
  meetingIds: string[];
  /** Per meeting index: already booked in the database (locked where it is). */
  booked: boolean[];
  /** Per meeting index: locked by the organiser in the previous draft. */
  draftLocked: boolean[];
}

/**
 * Builds the library's instance. Every numbered table is a table of the slot; booked meetings
 * are locked at their table, so the tables left to the scheduler are exactly those not taken by
 * booked (or organiser-locked) meetings. A booked meeting is a fact: its people count as
 * available in its slot and their limit is at least what they already have.
 */
export function buildSchedulingInstance(data: SchedulingInputData): { instance: SchedulingInstance; maps: SchedulingInstanceMaps } {
  const slotIds = data.slots.map((s) => s.id);
  const slotIndex = new Map(slotIds.map((id, i) => [id, i]));
  const accountIds: string[] = [];
  const accountIndex = new Map<string, number>();
  const personOf = (id: string) => {
    let i = accountIndex.get(id);
    if (i === undefined) {
      i = accountIds.length;
      accountIds.push(id);
      accountIndex.set(id, i);
    }
    return i;
  };
  // Booked meetings whose slot vanished cannot exist (foreign key); keep the guard anyway.
  const meetings = data.meetings.filter((m) => m.slotId === null || slotIndex.has(m.slotId));
  const bookedIn = new Map<string, Set<string>>();
  const bookedCount = new Map<string, number>();
  const tableTaken = new Set<string>();
  for (const m of meetings) {
    personOf(m.requesterId);
    personOf(m.recipientId);
    if (m.slotId === null) continue;
    tableTaken.add(`${m.slotId}/${m.tableNumber}`);
    for (const p of [m.requesterId, m.recipientId]) {
      if (!bookedIn.has(p)) bookedIn.set(p, new Set());
      bookedIn.get(p)!.add(m.slotId);
      bookedCount.set(p, (bookedCount.get(p) ?? 0) + 1);
    }
  }
  const isUnavailable = (p: string, slotId: string) => (data.unavailable.get(p)?.has(slotId) ?? false) && !bookedIn.get(p)?.has(slotId);
  const participants = accountIds.map((p, id) => ({
    id,
    maxMeetings: Math.max(data.maxMeetings, bookedCount.get(p) ?? 0),
    unavailable: slotIds.flatMap((s, i) => (isUnavailable(p, s) ? [i] : [])),
  }));
  const out: SchedulingMeeting[] = [];
  const meetingIds: string[] = [];
  const booked: boolean[] = [];
  const draftLocked: boolean[] = [];
  const lockedPlaces = new Set<string>();
  for (const m of meetings) {
    const id = out.length;
    const meeting: SchedulingMeeting = {
      id,
      a: accountIndex.get(m.requesterId)!,
      b: accountIndex.get(m.recipientId)!,
      requester: accountIndex.get(m.requesterId)!,
      // Unknown priority (no request row): the middle one.
      priority: m.priority === 1 || m.priority === 2 || m.priority === 3 ? m.priority : 2,
    };
    let isDraftLocked = false;
    if (m.slotId !== null && m.tableNumber !== null) {
      meeting.locked = { slot: slotIndex.get(m.slotId)!, table: m.tableNumber - 1 };
    } else {
      const lock = data.locks.get(m.id);
      // A lock that no longer fits (the table or a person got booked since, the agenda changed)
      // is dropped: the run places the meeting afresh instead of failing.
      if (
        lock &&
        slotIndex.has(lock.slotId) &&
        lock.tableNumber >= 1 &&
        lock.tableNumber <= data.tableCount &&
        !tableTaken.has(`${lock.slotId}/${lock.tableNumber}`) &&
        !lockedPlaces.has(`${lock.slotId}/${lock.tableNumber}`) &&
        ![m.requesterId, m.recipientId].some((p) => bookedIn.get(p)?.has(lock.slotId) || isUnavailable(p, lock.slotId))
      ) {
        meeting.locked = { slot: slotIndex.get(lock.slotId)!, table: lock.tableNumber - 1 };
        lockedPlaces.add(`${lock.slotId}/${lock.tableNumber}`);
        isDraftLocked = true;
      }
    }
    out.push(meeting);
    meetingIds.push(m.id);
    booked.push(m.slotId !== null);
    draftLocked.push(isDraftLocked);
  }
  const instance: SchedulingInstance = {
    schema: INSTANCE_SCHEMA,
    name: `event-${data.eventId}`,
    slots: slotIds.map((_, id) => ({ id, tables: data.tableCount })),
    participants,
    meetings: out,
  };
  return { instance, maps: { slotIds, accountIds, meetingIds, booked, draftLocked } };
}

/** A stored draft as a solution of a freshly built instance (for validateSolution). */
export function draftAsSolution(
  instance: SchedulingInstance,
  maps: SchedulingInstanceMaps,
  assignments: { meetingId: string; slotId: string; tableNumber: number }[],
): { solution: SchedulingSolution; missing: string[] } {
  const meetingIndex = new Map(maps.meetingIds.map((id, i) => [id, i]));
  const slotIndex = new Map(maps.slotIds.map((id, i) => [id, i]));
  const missing: string[] = [];
  const list = [];
  for (const a of assignments) {
    const m = meetingIndex.get(a.meetingId);
    const s = slotIndex.get(a.slotId);
    if (m === undefined || s === undefined) {
      missing.push(a.meetingId);
      continue;
    }
    list.push({ meeting: m, slot: s, table: a.tableNumber - 1 });
  }
  return { solution: { instance: instance.name, assignments: list }, missing };
}
