import { type EntityManager } from 'typeorm';
import { type AgendaConflict, ConflictKind, ConflictSeverity } from './agenda.views.js';
import { describeSpan, eventBounds } from '../common/index.js';

export interface ConflictScope {
  event: { id: string; startsOn: string; endsOn: string; timeZone: string };
  /** Only conflicts involving this session... */
  sessionId?: string;
  /** ...and only against published sessions (what publishing must not break). */
  againstPublishedOnly?: boolean;
}

interface SessionRef {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
}

/**
 * Every clash in a programme, in four statements: people in two overlapping sessions (as
 * speaker, moderator, panellist, host or table host), rooms used twice at once, registrations
 * above a room's capacity, sessions outside the event's days. Cancelled sessions never clash.
 */
export async function findConflicts(manager: EntityManager, scope: ConflictScope): Promise<AgendaConflict[]> {
  const { event } = scope;
  const tz = event.timeZone;
  const focus = scope.sessionId ?? null;
  const otherStatuses = scope.againstPublishedOnly ? ['PUBLISHED'] : ['DRAFT', 'PUBLISHED'];
  const conflicts: AgendaConflict[] = [];
  const span = (s: SessionRef) => describeSpan(s.starts_at, s.ends_at, tz);

  // Pairs (a, b) with a.id < b.id, or with a = the focus session.
  const pairCondition = `(($2::uuid IS NULL AND x.id < y.id) OR ($2::uuid IS NOT NULL AND x.id = $2 AND y.id <> $2 AND y.status = ANY($3)))`;

  const people: (Pair & { account_id: string; name: string })[] = await manager.query(
    `WITH on_stage AS (
       SELECT sp.account_id, sp.session_id FROM agenda_session_person sp JOIN agenda_session s ON s.id = sp.session_id WHERE s.event_id = $1
       UNION
       SELECT rt.host_account_id, rt.session_id FROM agenda_round_table rt JOIN agenda_session s ON s.id = rt.session_id
        WHERE s.event_id = $1 AND rt.host_account_id IS NOT NULL)
     SELECT a.account_id, acc.name, ${PAIR_COLUMNS}
       FROM on_stage a
       JOIN on_stage b ON b.account_id = a.account_id AND b.session_id <> a.session_id
       JOIN agenda_session x ON x.id = a.session_id
       JOIN agenda_session y ON y.id = b.session_id
       JOIN account acc ON acc.id = a.account_id
      WHERE x.status <> 'CANCELLED' AND y.status <> 'CANCELLED'
        AND x.starts_at < y.ends_at AND y.starts_at < x.ends_at AND ${pairCondition}
      ORDER BY x.starts_at, acc.name`,
    [event.id, focus, otherStatuses],
  );
  for (const p of people) {
    const [x, y] = refs(p);
    conflicts.push({
      kind: ConflictKind.PERSON_DOUBLE_BOOKED,
      severity: ConflictSeverity.HARD,
      message: `${p.name} is expected in "${x.title}" (${span(x)}) and "${y.title}" (${span(y)}) at the same time.`,
      sessionIds: [x.id, y.id],
      accountId: p.account_id,
      roomId: null,
    });
  }

  const rooms: (Pair & { room_id: string; room_name: string })[] = await manager.query(
    `SELECT r.id AS room_id, r.name AS room_name, ${PAIR_COLUMNS}
       FROM agenda_session x
       JOIN agenda_session y ON y.room_id = x.room_id AND y.id <> x.id
       JOIN agenda_room r ON r.id = x.room_id
      WHERE x.event_id = $1 AND x.status <> 'CANCELLED' AND y.status <> 'CANCELLED'
        AND x.starts_at < y.ends_at AND y.starts_at < x.ends_at AND ${pairCondition}
      ORDER BY x.starts_at, r.name`,
    [event.id, focus, otherStatuses],
  );
  for (const p of rooms) {
    const [x, y] = refs(p);
    conflicts.push({
      kind: ConflictKind.ROOM_DOUBLE_BOOKED,
      severity: ConflictSeverity.HARD,
      message: `Room "${p.room_name}" holds "${x.title}" (${span(x)}) and "${y.title}" (${span(y)}) at the same time.`,
      sessionIds: [x.id, y.id],
      accountId: null,
      roomId: p.room_id,
    });
  }

  const crowded: (SessionRef & { room_id: string; room_name: string; room_capacity: number; registered: number })[] = await manager.query(
    `SELECT s.id, s.title, s.starts_at, s.ends_at, r.id AS room_id, r.name AS room_name, r.capacity AS room_capacity,
            s.seated + coalesce((SELECT sum(rt.seated) FROM agenda_round_table rt WHERE rt.session_id = s.id), 0)::int AS registered
       FROM agenda_session s JOIN agenda_room r ON r.id = s.room_id
      WHERE s.event_id = $1 AND s.status <> 'CANCELLED' AND r.capacity IS NOT NULL AND ($2::uuid IS NULL OR s.id = $2)
        AND s.seated + coalesce((SELECT sum(rt.seated) FROM agenda_round_table rt WHERE rt.session_id = s.id), 0) > r.capacity
      ORDER BY s.starts_at`,
    [event.id, focus],
  );
  for (const s of crowded) {
    conflicts.push({
      kind: ConflictKind.OVER_ROOM_CAPACITY,
      severity: ConflictSeverity.WARNING,
      message: `"${s.title}" (${span(s)}) has ${s.registered} registrations but room "${s.room_name}" seats ${s.room_capacity}.`,
      sessionIds: [s.id],
      accountId: null,
      roomId: s.room_id,
    });
  }

  const bounds = eventBounds(event);
  const outside: SessionRef[] = await manager.query(
    `SELECT id, title, starts_at, ends_at FROM agenda_session
      WHERE event_id = $1 AND status <> 'CANCELLED' AND ($2::uuid IS NULL OR id = $2) AND (starts_at < $3 OR ends_at > $4)
      ORDER BY starts_at`,
    [event.id, focus, bounds.start, bounds.end],
  );
  for (const s of outside) {
    conflicts.push({
      kind: ConflictKind.OUTSIDE_EVENT,
      severity: ConflictSeverity.HARD,
      message: `"${s.title}" (${span(s)}) lies outside the event's days, ${event.startsOn} to ${event.endsOn}.`,
      sessionIds: [s.id],
      accountId: null,
      roomId: null,
    });
  }
  return conflicts;
}

interface Pair {
  x_id: string;
  x_title: string;
  x_starts_at: Date;
  x_ends_at: Date;
  y_id: string;
  y_title: string;
  y_starts_at: Date;
  y_ends_at: Date;
}

const PAIR_COLUMNS = `x.id AS x_id, x.title AS x_title, x.starts_at AS x_starts_at, x.ends_at AS x_ends_at,
                      y.id AS y_id, y.title AS y_title, y.starts_at AS y_starts_at, y.ends_at AS y_ends_at`;

function refs(p: Pair): [SessionRef, SessionRef] {
  return [
    { id: p.x_id, title: p.x_title, starts_at: p.x_starts_at, ends_at: p.x_ends_at },
    { id: p.y_id, title: p.y_title, starts_at: p.y_starts_at, ends_at: p.y_ends_at },
  ];
}
