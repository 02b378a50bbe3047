import { type EntityManager } from 'typeorm';
import { type SessionStatus } from './entities/session.entity.js';
import { type AgendaFilter, type RoomView, type SessionView, type TableMateView, type TrackView } from './agenda.views.js';

/**
 * The read queries of the agenda. Sessions come back in ONE statement with their room, track,
 * people and round tables (json_agg sub-selects), so an agenda costs the same number of
 * statements whatever its size.
 */
export interface SessionQuery {
  eventId: string;
  timeZone: string;
  statuses: SessionStatus[];
  ids?: string[];
  filter?: AgendaFilter;
}

/**
 * People on stage are announced with their job title and organisation, as a programme does, unless
 * they narrowed that field of their event profile to meeting partners or organisers: then the
 * programme (agenda, exports, calendar) leaves it out too.
 */
const announced = (field: 'JOB_TITLE' | 'ORGANISATION') => `coalesce(mp.visibility->>'${field}', 'PARTICIPANTS') = 'PARTICIPANTS'`;

const SESSION_SELECT = `
  SELECT s.id, s.event_id, s.title, s.description, s.type, s.starts_at, s.ends_at, s.capacity, s.seated,
         s.language, s.status, s.revision,
         to_char(s.starts_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day,
         r.id AS room_id, r.name AS room_name, r.capacity AS room_capacity, r.location AS room_location, r.position AS room_position,
         t.id AS track_id, t.name AS track_name, t.colour AS track_colour,
         (SELECT count(*) FROM agenda_seat w
           WHERE w.session_id = s.id AND w.round_table_id IS NULL AND w.status = 'WAITING')::int AS waiting,
         coalesce((SELECT json_agg(json_build_object(
                     'accountId', sp.account_id, 'role', sp.role, 'position', sp.position, 'name', a.name,
                     'jobTitle', CASE WHEN ${announced('JOB_TITLE')} THEN a.job_title END,
                     'organisationName', CASE WHEN ${announced('ORGANISATION')} THEN o.name END) ORDER BY sp.position, a.name)
                   FROM agenda_session_person sp
                   JOIN account a ON a.id = sp.account_id
                   LEFT JOIN organisation o ON o.id = a.organisation_id
                   LEFT JOIN matchmaking_profile mp ON mp.event_id = s.event_id AND mp.account_id = sp.account_id
                  WHERE sp.session_id = s.id), '[]') AS people,
         coalesce((SELECT json_agg(json_build_object(
                     'id', rt.id, 'sessionId', rt.session_id, 'topic', rt.topic, 'hostAccountId', rt.host_account_id,
                     'hostName', h.name, 'seats', rt.seats, 'seated', rt.seated, 'position', rt.position,
                     'waiting', (SELECT count(*) FROM agenda_seat w WHERE w.round_table_id = rt.id AND w.status = 'WAITING'))
                     ORDER BY rt.position, rt.topic)
                   FROM agenda_round_table rt
                   LEFT JOIN account h ON h.id = rt.host_account_id
                  WHERE rt.session_id = s.id), '[]') AS round_tables
    FROM agenda_session s
    LEFT JOIN agenda_room r ON r.id = s.room_id
    LEFT JOIN agenda_track t ON t.id = s.track_id`;

export async function readSessions(manager: EntityManager, q: SessionQuery): Promise<SessionView[]> {
  const { sql, params } = sessionsSql(q);
  const rows: SessionRow[] = await manager.query(sql, params);
  return rows.map((row) => toSessionView(row, q.timeZone));
}

/**
 * A whole agenda in ONE statement and one row: the sessions as readSessions gives them, plus the
 * event's rooms and tracks. One JSON document to parse instead of a row per session, and one
 * round trip fewer (each statement also costs the API's single thread a socket write).
 */
export async function readAgenda(
  manager: EntityManager,
  q: SessionQuery,
): Promise<{ sessions: SessionView[]; rooms: RoomView[]; tracks: TrackView[] }> {
  const { sql, params } = sessionsSql(q);
  const [row]: { sessions: (Omit<SessionRow, 'starts_at' | 'ends_at'> & { starts_at: string; ends_at: string })[]; rooms: RoomView[]; tracks: TrackView[] }[] =
    await manager.query(
      `SELECT coalesce((SELECT json_agg(s ORDER BY s.starts_at, s.room_position NULLS LAST, s.room_name NULLS LAST, s.title)
                          FROM (${sql}) s), '[]') AS sessions, ${ROOMS_AND_TRACKS}`,
      params,
    );
  return {
    sessions: row.sessions.map((r) => toSessionView({ ...r, starts_at: new Date(r.starts_at), ends_at: new Date(r.ends_at) }, q.timeZone)),
    rooms: row.rooms,
    tracks: row.tracks,
  };
}

function sessionsSql(q: SessionQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [q.eventId, q.timeZone, q.statuses];
  const where = ['s.event_id = $1', 's.status = ANY($3)'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.ids) add((n) => `s.id = ANY(${n}::uuid[])`, q.ids);
  const f = q.filter ?? {};
  if (f.day) add((n) => `to_char(s.starts_at AT TIME ZONE $2, 'YYYY-MM-DD') = ${n}`, f.day);
  if (f.trackId) add((n) => `s.track_id = ${n}`, f.trackId);
  if (f.roomId) add((n) => `s.room_id = ${n}`, f.roomId);
  if (f.type) add((n) => `s.type = ${n}`, f.type);
  if (f.personId) {
    add(
      (n) => `(EXISTS (SELECT 1 FROM agenda_session_person sp WHERE sp.session_id = s.id AND sp.account_id = ${n})
          OR EXISTS (SELECT 1 FROM agenda_round_table rt WHERE rt.session_id = s.id AND rt.host_account_id = ${n}))`,
      f.personId,
    );
  }
  const text = f.text?.trim();
  if (text) {
    add(
      (n) => `(s.title ILIKE ${n} OR s.description ILIKE ${n}
          OR EXISTS (SELECT 1 FROM agenda_session_person sp JOIN account a ON a.id = sp.account_id
                      WHERE sp.session_id = s.id AND a.name ILIKE ${n})
          OR EXISTS (SELECT 1 FROM agenda_round_table rt LEFT JOIN account h ON h.id = rt.host_account_id
                      WHERE rt.session_id = s.id AND (rt.topic ILIKE ${n} OR h.name ILIKE ${n})))`,
      `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  }
  return {
    sql: `${SESSION_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.starts_at, r.position NULLS LAST, r.name NULLS LAST, s.title`,
    params,
  };
}

/**
 * "Who's at my table": the other people SEATED at the round table where `accountId` sits in the
 * session (or, failing a seat, the table they host), plus its host, in ONE statement; host first,
 * then by name. Nobody (not seated, waiting, no table) gives []. Job title and organisation follow
 * each person's event profile as the participant directory shows them: to every participant when
 * the field's audience is PARTICIPANTS, to meeting partners (a CONFIRMED meeting with the viewer)
 * when it is MEETING_PARTNERS, never when ORGANISERS. Organisers get no more than participants here.
 * The agenda reads matchmaking_profile and meeting directly (as `announced` does) so it need not
 * depend on the matchmaking library. Never e-mail addresses.
 */
export async function readTableMates(manager: EntityManager, q: { eventId: string; sessionId: string; accountId: string }): Promise<TableMateView[]> {
  const shown = (field: 'JOB_TITLE' | 'ORGANISATION') =>
    `(${announced(field)} OR (mp.visibility->>'${field}' = 'MEETING_PARTNERS' AND EXISTS (
        SELECT 1 FROM meeting m
         WHERE m.event_id = $1 AND m.status = 'CONFIRMED'
           AND ((m.requester_id = $3 AND m.recipient_id = x.account_id) OR (m.recipient_id = $3 AND m.requester_id = x.account_id)))))`;
  return manager.query(
    `WITH my_table AS (
       SELECT rt.id FROM agenda_round_table rt
        WHERE rt.session_id = $2
          AND (rt.host_account_id = $3
               OR EXISTS (SELECT 1 FROM agenda_seat st WHERE st.round_table_id = rt.id AND st.account_id = $3 AND st.status = 'SEATED'))
        ORDER BY (rt.host_account_id = $3) IS TRUE, rt.position, rt.id
        LIMIT 1),
     at_table AS (
       SELECT rt.host_account_id AS account_id, true AS is_host
         FROM agenda_round_table rt JOIN my_table ON my_table.id = rt.id WHERE rt.host_account_id IS NOT NULL
       UNION ALL
       SELECT st.account_id, false FROM agenda_seat st JOIN my_table ON my_table.id = st.round_table_id WHERE st.status = 'SEATED'),
     x AS (
       SELECT t.account_id, bool_or(t.is_host) AS is_host FROM at_table t
         JOIN participation pa ON pa.event_id = $1 AND pa.account_id = t.account_id AND pa.status = 'APPROVED'
        WHERE t.account_id <> $3 GROUP BY t.account_id)
     SELECT x.account_id AS "accountId", a.name, x.is_host AS "isHost",
            CASE WHEN ${shown('JOB_TITLE')} THEN a.job_title END AS "jobTitle",
            CASE WHEN ${shown('ORGANISATION')} THEN o.name END AS "organisationName"
       FROM x
       JOIN account a ON a.id = x.account_id
       LEFT JOIN organisation o ON o.id = a.organisation_id
       LEFT JOIN matchmaking_profile mp ON mp.event_id = $1 AND mp.account_id = x.account_id
      ORDER BY x.is_host DESC, lower(a.name), a.id`,
    [q.eventId, q.sessionId, q.accountId],
  );
}

const ROOMS_AND_TRACKS = `
  coalesce((SELECT json_agg(json_build_object('id', id, 'eventId', event_id, 'name', name, 'capacity', capacity,
              'location', location, 'position', position) ORDER BY position, name)
            FROM agenda_room WHERE event_id = $1), '[]') AS rooms,
  coalesce((SELECT json_agg(json_build_object('id', id, 'eventId', event_id, 'name', name, 'colour', colour) ORDER BY name)
            FROM agenda_track WHERE event_id = $1), '[]') AS tracks`;

interface SessionRow {
  id: string;
  event_id: string;
  title: string;
  description: string | null;
  type: SessionView['type'];
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  seated: number;
  language: string | null;
  status: SessionStatus;
  revision: number;
  day: string;
  room_id: string | null;
  room_name: string | null;
  room_capacity: number | null;
  room_location: string | null;
  room_position: number | null;
  track_id: string | null;
  track_name: string | null;
  track_colour: string | null;
  waiting: number;
  people: SessionView['people'];
  round_tables: SessionView['roundTables'];
}

function toSessionView(row: SessionRow, timeZone: string): SessionView {
  return {
    id: row.id,
    eventId: row.event_id,
    title: row.title,
    description: row.description,
    type: row.type,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    day: row.day,
    timeZone,
    room: row.room_id
      ? { id: row.room_id, eventId: row.event_id, name: row.room_name!, capacity: row.room_capacity, location: row.room_location, position: row.room_position ?? 0 }
      : null,
    track: row.track_id ? { id: row.track_id, eventId: row.event_id, name: row.track_name!, colour: row.track_colour! } : null,
    capacity: row.capacity,
    seated: row.seated,
    waiting: row.waiting,
    language: row.language,
    status: row.status,
    revision: row.revision,
    people: row.people,
    roundTables: row.round_tables,
  };
}
