import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A session as messages and reminders show it. */
export interface SessionSummary {
  id: string;
  eventId: string;
  title: string;
  status: string;
  revision: number;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
}

/** Who a session concerns: attending (bookmark or seat, not a place in line) and/or on stage. */
export interface SessionAudienceMember {
  sessionId: string;
  accountId: string;
  attending: boolean;
  speaking: boolean;
}

/** The groups of a session's people an organiser can write to (sendSessionMessage). */
export enum SessionAudienceGroup {
  /** Seated at the session or at one of its round tables. */
  SEATED = 'SEATED',
  /** In line for a seat at the session or one of its round tables. */
  WAITING = 'WAITING',
  BOOKMARKED = 'BOOKMARKED',
  /** The session's people and its round tables' hosts. */
  ON_STAGE = 'ON_STAGE',
}

/** One person of a session and every group they are in. */
export interface SessionGroupMember {
  accountId: string;
  groups: SessionAudienceGroup[];
}

/**
 * Read-only views of sessions and their audiences for notifications and reminders (no actor:
 * callers are system jobs and in-transaction listeners). Pass the caller's manager inside a
 * transaction so uncommitted changes are seen and no second connection is taken.
 */
@Injectable()
export class SessionAudienceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summaries(sessionIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<SessionSummary[]> {
    if (sessionIds.length === 0) return [];
    const rows: { id: string; event_id: string; title: string; status: string; revision: number; starts_at: Date; ends_at: Date; location: string | null }[] =
      await manager.query(
        `SELECT s.id, s.event_id, s.title, s.status, s.revision, s.starts_at, s.ends_at,
                nullif(concat_ws(', ', r.name, r.location), '') AS location
           FROM agenda_session s LEFT JOIN agenda_room r ON r.id = s.room_id
          WHERE s.id = ANY($1::uuid[])`,
        [sessionIds],
      );
    return rows.map((r) => ({
      id: r.id, eventId: r.event_id, title: r.title, status: r.status, revision: r.revision, startsAt: r.starts_at, endsAt: r.ends_at, location: r.location,
    }));
  }

  /** How a seat's messages name it: the session's title, and the table's topic at a round table. */
  async seatTitle(session: SessionSummary, roundTableId: string | null, manager: EntityManager = this.dataSource.manager): Promise<string> {
    if (!roundTableId) return session.title;
    const [table]: { topic: string }[] = await manager.query(`SELECT topic FROM agenda_round_table WHERE id = $1`, [roundTableId]);
    return table ? `${session.title} — ${table.topic}` : session.title;
  }

  /** Published sessions of any event starting in [from, to). */
  async publishedStartingBetween(from: Date, to: Date): Promise<SessionSummary[]> {
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM agenda_session WHERE status = 'PUBLISHED' AND starts_at >= $1 AND starts_at < $2`,
      [from, to],
    );
    return this.summaries(ids.map((r) => r.id));
  }

  /** People concerned by the sessions: bookmarks, seats (SEATED), session people, table hosts. */
  async audience(sessionIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<SessionAudienceMember[]> {
    if (sessionIds.length === 0) return [];
    const rows: { session_id: string; account_id: string; attending: boolean; speaking: boolean }[] = await manager.query(
      `SELECT session_id, account_id, bool_or(attending) AS attending, bool_or(speaking) AS speaking FROM (
         SELECT session_id, account_id, true AS attending, false AS speaking FROM agenda_bookmark WHERE session_id = ANY($1::uuid[])
         UNION ALL
         SELECT session_id, account_id, true, false FROM agenda_seat WHERE session_id = ANY($1::uuid[]) AND status = 'SEATED'
         UNION ALL
         SELECT session_id, account_id, false, true FROM agenda_session_person WHERE session_id = ANY($1::uuid[])
         UNION ALL
         SELECT session_id, host_account_id, false, true FROM agenda_round_table WHERE session_id = ANY($1::uuid[]) AND host_account_id IS NOT NULL
       ) people GROUP BY session_id, account_id ORDER BY session_id, account_id`,
      [sessionIds],
    );
    return rows.map((r) => ({ sessionId: r.session_id, accountId: r.account_id, attending: r.attending, speaking: r.speaking }));
  }

  /**
   * The approved participants of the session's event who are in at least one of the groups (all
   * groups when none is given), once each with every group they are in. A withdrawn or declined
   * registration leaves a person out, whatever seat or bookmark is left behind.
   */
  async groupMembers(
    sessionId: string,
    groups: readonly SessionAudienceGroup[] = Object.values(SessionAudienceGroup),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionGroupMember[]> {
    const rows: { account_id: string; groups: SessionAudienceGroup[] }[] = await manager.query(
      `SELECT people.account_id, array_agg(DISTINCT people.grp ORDER BY people.grp) AS groups FROM (
         SELECT account_id, 'SEATED' AS grp FROM agenda_seat WHERE session_id = $1 AND status = 'SEATED'
         UNION ALL
         SELECT account_id, 'WAITING' FROM agenda_seat WHERE session_id = $1 AND status = 'WAITING'
         UNION ALL
         SELECT account_id, 'BOOKMARKED' FROM agenda_bookmark WHERE session_id = $1
         UNION ALL
         SELECT account_id, 'ON_STAGE' FROM agenda_session_person WHERE session_id = $1
         UNION ALL
         SELECT host_account_id, 'ON_STAGE' FROM agenda_round_table WHERE session_id = $1 AND host_account_id IS NOT NULL
       ) people
       JOIN agenda_session s ON s.id = $1
       JOIN participation p ON p.event_id = s.event_id AND p.account_id = people.account_id AND p.status = 'APPROVED'
       WHERE people.grp = ANY($2::text[])
       GROUP BY people.account_id ORDER BY people.account_id`,
      [sessionId, groups],
    );
    return rows.map((r) => ({ accountId: r.account_id, groups: r.groups }));
  }

  /** A person's published sessions (attending or on stage) starting in [from, to), by start. */
  async sessionsOf(eventId: string, from: Date, to: Date): Promise<{ accountId: string; session: SessionSummary }[]> {
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM agenda_session WHERE event_id = $1 AND status = 'PUBLISHED' AND starts_at >= $2 AND starts_at < $3`,
      [eventId, from, to],
    );
    const sessions = new Map((await this.summaries(ids.map((r) => r.id))).map((s) => [s.id, s]));
    const people = await this.audience([...sessions.keys()]);
    return people.map((p) => ({ accountId: p.accountId, session: sessions.get(p.sessionId)! }));
  }
}
