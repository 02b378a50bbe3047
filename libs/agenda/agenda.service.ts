import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException, datesBetween } from '../common/index.js';
import { EventAccessService, type EventEntity, EventsService, isUuid } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import {
  type AgendaConflict,
  type AgendaFilter,
  type AgendaView,
  type Commitment,
  CommitmentReason,
  MyAgendaReason,
  type MyAgendaItemView,
  type SessionChangeView,
  type SessionView,
} from './agenda.views.js';
import { findConflicts } from './conflict-finder.js';
import { SeatStatus } from './entities/seat.entity.js';
import { SessionChangeEntity } from './entities/session-change.entity.js';
import { SessionEntity, SessionStatus, SessionType } from './entities/session.entity.js';
import { readAgenda, readSessions } from './session-reader.js';

const PUBLIC_STATUSES = [SessionStatus.PUBLISHED, SessionStatus.CANCELLED];

/** A session as calendar feeds need it (see AgendaService.calendarSessions). */
export interface CalendarSessionView {
  id: string;
  title: string;
  description: string | null;
  type: SessionType;
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
  /** Bumped on every change of time, room or status: the iCal SEQUENCE. */
  revision: number;
  updatedAt: Date;
  roomName: string | null;
  roomLocation: string | null;
  trackName: string | null;
  people: { name: string; role: string; organisationName: string | null }[];
  /** With an accountId: why the session is theirs (BOOKMARKED, SEATED, WAITING, SPEAKER, ..., TABLE_HOST). */
  reasons: string[];
  /** The round table they sit at or host, if any. */
  roundTableTopic: string | null;
}
const ALL_STATUSES = Object.values(SessionStatus);

/** Reading the programme: the agenda, one session, my agenda, conflicts and commitments. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly events: EventsService,
  ) {}

  /**
   * The agenda of an event by day. Anonymous users and participants see published (and
   * cancelled) sessions; organisers also see drafts. Two statements for anonymous readers (the
   * event, then the whole agenda), three with a signed-in reader (their participation).
   */
  async agenda(actor: Actor | null, eventId: string, filter: AgendaFilter = {}): Promise<AgendaView> {
    const event = await this.access.findVisible(actor, eventId);
    return this.agendaOf(event, (await this.access.isOrganiser(actor, event.id)) ? ALL_STATUSES : PUBLIC_STATUSES, filter);
  }

  /** The published programme of an event by its address (printable page, CSV, public feeds). */
  async publishedAgendaBySlug(slug: string): Promise<{ event: EventEntity; agenda: AgendaView }> {
    const event = await this.events.findBySlug(null, slug);
    return { event, agenda: await this.agendaOf(event, [SessionStatus.PUBLISHED], {}) };
  }

  private async agendaOf(event: EventEntity, statuses: SessionStatus[], filter: AgendaFilter): Promise<AgendaView> {
    validateFilter(filter);
    const { sessions, rooms, tracks } = await readAgenda(this.dataSource.manager, { eventId: event.id, timeZone: event.timeZone, statuses, filter });
    const dates = filter.day ? [filter.day] : datesBetween(event.startsOn, event.endsOn);
    // Sessions outside the event's days (a conflict organisers see) still get a day of their own.
    for (const s of sessions) if (!dates.includes(s.day)) dates.push(s.day);
    dates.sort();
    return {
      eventId: event.id,
      timeZone: event.timeZone,
      days: dates.map((date) => ({ date, sessions: sessions.filter((s) => s.day === date) })),
      rooms,
      tracks,
    };
  }

  /** One session; drafts only for the event's organisers. */
  async session(actor: Actor | null, sessionId: string): Promise<SessionView> {
    const { event, organiser } = await this.sessionEvent(actor, sessionId);
    const [session] = await readSessions(this.dataSource.manager, {
      eventId: event.id,
      timeZone: event.timeZone,
      statuses: organiser ? ALL_STATUSES : PUBLIC_STATUSES,
      ids: [sessionId],
    });
    if (!session) throw CommonException.notFound('Session', sessionId);
    return session;
  }

  /** The event of a session and whether the actor organises it; NOT_FOUND for drafts of others. */
  async sessionEvent(actor: Actor | null, sessionId: string, manager: EntityManager = this.dataSource.manager) {
    const session = isUuid(sessionId) ? await manager.getRepository(SessionEntity).findOneBy({ id: sessionId }) : null;
    if (!session) throw CommonException.notFound('Session', sessionId);
    const event = await this.access.findVisible(actor, session.eventId, manager).catch(() => {
      throw CommonException.notFound('Session', sessionId);
    });
    const organiser = await this.access.isOrganiser(actor, event.id, manager);
    if (session.status === SessionStatus.DRAFT && !organiser) throw CommonException.notFound('Session', sessionId);
    return { event, session, organiser };
  }

  /**
   * "My agenda": bookmarks, seats, places in line and sessions where I am on stage, in time
   * order, each with the other items it overlaps. Drafts are left out.
   */
  async myAgenda(actor: Actor | null, eventId: string): Promise<MyAgendaItemView[]> {
    const { event } = await this.access.requireApprovedMember(actor, eventId);
    const accountId = actor!.accountId;
    const manager = this.dataSource.manager;
    const mine: { session_id: string; reason: MyAgendaReason; round_table_id: string | null; waiting_position: number | null }[] =
      await manager.query(
        `SELECT b.session_id, 'BOOKMARKED' AS reason, NULL::uuid AS round_table_id, NULL::int AS waiting_position
           FROM agenda_bookmark b WHERE b.event_id = $1 AND b.account_id = $2
         UNION ALL
         SELECT st.session_id, st.status, st.round_table_id,
                CASE WHEN st.status = 'WAITING' THEN (
                  SELECT count(*) FROM agenda_seat o
                   WHERE o.session_id = st.session_id AND o.round_table_id IS NOT DISTINCT FROM st.round_table_id
                     AND o.status = 'WAITING' AND o.queue_no <= st.queue_no)::int END
           FROM agenda_seat st WHERE st.event_id = $1 AND st.account_id = $2
         UNION ALL
         SELECT sp.session_id, sp.role, NULL, NULL
           FROM agenda_session_person sp JOIN agenda_session s ON s.id = sp.session_id
          WHERE s.event_id = $1 AND sp.account_id = $2
         UNION ALL
         SELECT rt.session_id, 'TABLE_HOST', rt.id, NULL
           FROM agenda_round_table rt JOIN agenda_session s ON s.id = rt.session_id
          WHERE s.event_id = $1 AND rt.host_account_id = $2`,
        [event.id, accountId],
      );
    const ids = [...new Set(mine.map((m) => m.session_id))];
    const sessions = ids.length
      ? await readSessions(manager, { eventId: event.id, timeZone: event.timeZone, statuses: PUBLIC_STATUSES, ids })
      : [];
    const items: MyAgendaItemView[] = sessions.map((session) => {
      const rows = mine.filter((m) => m.session_id === session.id);
      const seat = rows.find((r) => r.reason === MyAgendaReason.SEATED || r.reason === MyAgendaReason.WAITING);
      const table = rows.find((r) => r.round_table_id);
      return {
        session,
        reasons: [...new Set(rows.map((r) => r.reason))].sort(),
        seatStatus: seat ? (seat.reason as unknown as SeatStatus) : null,
        roundTableId: table?.round_table_id ?? null,
        waitingPosition: seat?.waiting_position ?? null,
        overlapsWith: [],
      };
    });
    const live = items.filter((i) => i.session.status !== SessionStatus.CANCELLED);
    for (const a of live) {
      for (const b of live) {
        if (a !== b && a.session.startsAt < b.session.endsAt && b.session.startsAt < a.session.endsAt) a.overlapsWith.push(b.session.id);
      }
    }
    return items;
  }

  /** Every conflict of an event's programme (organisers). */
  async conflicts(actor: Actor | null, eventId: string): Promise<AgendaConflict[]> {
    const event = await this.access.requireOrganiser(actor, eventId);
    return findConflicts(this.dataSource.manager, { event });
  }

  /** The change log of a session, newest first (organisers). */
  async changes(actor: Actor | null, sessionId: string): Promise<SessionChangeView[]> {
    const { event } = await this.sessionEvent(actor, sessionId);
    await this.access.requireOrganiser(actor, event.id);
    const rows = await this.dataSource.getRepository(SessionChangeEntity).find({ where: { sessionId }, order: { revision: 'DESC' } });
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.sessionId,
      revision: r.revision,
      changedBy: r.changedBy,
      changedAt: r.changedAt,
      changes: Object.entries(r.changes).map(([field, v]) => ({ field, old: v.old, new: v.new })),
    }));
  }

  /**
   * When people are expected somewhere, for other features (matchmaking blocks these slots).
   * Published sessions only, matchmaking blocks excluded: a person is committed while on stage
   * (speaker, moderator, panellist, host), hosting a round table, or holding a seat.
   * No actor: callers authorise; pass `accountIds` to narrow.
   */
  async commitments(eventId: string, accountIds?: readonly string[]): Promise<Commitment[]> {
    if (accountIds && accountIds.length === 0) return [];
    const rows: { account_id: string; session_id: string; starts_at: Date; ends_at: Date; reason: CommitmentReason }[] =
      await this.dataSource.query(
        `WITH c AS (
           SELECT sp.account_id, sp.session_id, sp.role AS reason FROM agenda_session_person sp
             JOIN agenda_session s ON s.id = sp.session_id WHERE s.event_id = $1
           UNION ALL
           SELECT rt.host_account_id, rt.session_id, 'TABLE_HOST' FROM agenda_round_table rt
             JOIN agenda_session s ON s.id = rt.session_id WHERE s.event_id = $1 AND rt.host_account_id IS NOT NULL
           UNION ALL
           SELECT st.account_id, st.session_id, 'SEATED' FROM agenda_seat st WHERE st.event_id = $1 AND st.status = 'SEATED')
         SELECT c.account_id, c.session_id, s.starts_at, s.ends_at, c.reason
           FROM c JOIN agenda_session s ON s.id = c.session_id
          WHERE s.status = 'PUBLISHED' AND s.type <> $2 AND ($3::uuid[] IS NULL OR c.account_id = ANY($3::uuid[]))
          ORDER BY c.account_id, s.starts_at, c.session_id, c.reason`,
        [eventId, SessionType.MATCHMAKING, accountIds ? accountIds.filter(isUuid) : null],
      );
    return rows.map((r) => ({ accountId: r.account_id, sessionId: r.session_id, startsAt: r.starts_at, endsAt: r.ends_at, reason: r.reason }));
  }

  /**
   * Sessions for calendar feeds, in ONE statement: published ones, plus cancelled ones changed
   * since `cancelledSince` (so calendar apps see STATUS:CANCELLED instead of a silent vanishing).
   * Never drafts. With `accountId`, only the sessions that person bookmarked, holds a seat or a
   * place in line in, or is on stage at / hosts a round table of, with the reasons.
   * No actor: callers authorise (the calendar's feed tokens).
   */
  async calendarSessions(
    eventId: string,
    options: { cancelledSince: Date; accountId?: string; ids?: readonly string[] },
  ): Promise<CalendarSessionView[]> {
    if (!isUuid(eventId) || (options.accountId !== undefined && !isUuid(options.accountId))) return [];
    const ids = options.ids ? options.ids.filter(isUuid) : null;
    if (ids && ids.length === 0) return [];
    const rows: {
      id: string; title: string; description: string | null; type: SessionType; status: SessionStatus;
      starts_at: Date; ends_at: Date; revision: number; updated_at: Date;
      room_name: string | null; room_location: string | null; track_name: string | null;
      people: CalendarSessionView['people']; reasons: string[] | null; round_table_topic: string | null;
    }[] = await this.dataSource.query(
      `WITH mine AS (
         SELECT b.session_id, 'BOOKMARKED' AS reason, NULL::text AS topic FROM agenda_bookmark b
          WHERE $4::uuid IS NOT NULL AND b.event_id = $1 AND b.account_id = $4
         UNION ALL
         SELECT st.session_id, st.status, rt.topic FROM agenda_seat st LEFT JOIN agenda_round_table rt ON rt.id = st.round_table_id
          WHERE $4::uuid IS NOT NULL AND st.event_id = $1 AND st.account_id = $4
         UNION ALL
         SELECT sp.session_id, sp.role, NULL FROM agenda_session_person sp
          WHERE $4::uuid IS NOT NULL AND sp.account_id = $4
         UNION ALL
         SELECT rt.session_id, 'TABLE_HOST', rt.topic FROM agenda_round_table rt
          WHERE $4::uuid IS NOT NULL AND rt.host_account_id = $4),
       grouped AS (
         SELECT session_id, array_agg(DISTINCT reason ORDER BY reason) AS reasons, max(topic) AS round_table_topic
           FROM mine GROUP BY session_id)
       SELECT s.id, s.title, s.description, s.type, s.status, s.starts_at, s.ends_at, s.revision, s.updated_at,
              r.name AS room_name, r.location AS room_location, t.name AS track_name,
              coalesce((SELECT json_agg(json_build_object('name', a.name, 'role', sp.role, 'organisationName', o.name)
                                ORDER BY sp.position, a.name)
                          FROM agenda_session_person sp
                          JOIN account a ON a.id = sp.account_id
                          LEFT JOIN organisation o ON o.id = a.organisation_id
                         WHERE sp.session_id = s.id), '[]') AS people,
              g.reasons, g.round_table_topic
         FROM agenda_session s
         LEFT JOIN agenda_room r ON r.id = s.room_id
         LEFT JOIN agenda_track t ON t.id = s.track_id
         LEFT JOIN grouped g ON g.session_id = s.id
        WHERE s.event_id = $1
          AND (s.status = 'PUBLISHED' OR (s.status = 'CANCELLED' AND s.updated_at >= $2))
          AND ($3::uuid[] IS NULL OR s.id = ANY($3::uuid[]))
          AND ($4::uuid IS NULL OR g.session_id IS NOT NULL)
        ORDER BY s.starts_at, s.title, s.id`,
      [eventId, options.cancelledSince, ids, options.accountId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      type: r.type,
      status: r.status,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      revision: r.revision,
      updatedAt: r.updated_at,
      roomName: r.room_name,
      roomLocation: r.room_location,
      trackName: r.track_name,
      people: r.people,
      reasons: r.reasons ?? [],
      roundTableTopic: r.round_table_topic,
    }));
  }
}

function validateFilter(filter: AgendaFilter): void {
  if (filter.day && !/^\d{4}-\d{2}-\d{2}$/.test(filter.day)) throw CommonException.invalidInput('filter.day', 'day must be a date written YYYY-MM-DD.');
  for (const key of ['trackId', 'roomId', 'personId'] as const) {
    const value = filter[key];
    if (value && !isUuid(value)) throw CommonException.invalidInput(`filter.${key}`, `${key} "${value}" is not an id this API returned.`);
  }
  if (filter.text && filter.text.length > 200) throw CommonException.textLength('filter.text', 'Search text is limited to 200 characters.', { max: 200 });
  if (filter.type && !Object.values(SessionType).includes(filter.type)) throw CommonException.invalidInput('filter.type', 'Unknown session type.');
}
