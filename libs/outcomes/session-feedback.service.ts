import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaService, SessionStatus, SessionType } from '../agenda/index.js';
import { CommonException } from '../common/index.js';
import { EventAccessService } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { OutcomesException } from './outcomes.exception.js';

export const SESSION_COMMENT_MAX = 2000;
/** Breaks and matchmaking slots have no content to rate; meetings have their own feedback. */
export const UNRATED_SESSION_TYPES: readonly SessionType[] = [SessionType.BREAK, SessionType.MATCHMAKING];
/** Below this many ratings the session's people see the count only (see docs/outcomes.md). */
export const SESSION_FEEDBACK_MIN_SHOWN = 3;

/** My own rating of a session. */
export interface MySessionFeedback {
  sessionId: string;
  rating: number;
  comment: string | null;
  updatedAt: Date;
}

/**
 * What others see of a session's feedback: counts, never who. `average`, `distribution` and
 * `comments` are null when `detailsHidden` (a speaker's session with fewer than three ratings).
 */
export interface SessionFeedbackSummary {
  sessionId: string;
  title: string;
  type: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  roomName: string | null;
  count: number;
  /** One decimal. */
  average: number | null;
  /** How many ratings of 1, 2, 3, 4 and 5. */
  distribution: number[] | null;
  /** Ordered by their text (byte order, the same on every server), so the order says nothing about who wrote which or when. */
  comments: string[] | null;
  detailsHidden: boolean;
}

/**
 * Feedback on agenda sessions (talks, panels, round tables). Approved members of the event rate a
 * published session once it has started, one rating per person (given again, it replaces the
 * first). Organisers see every session's feedback, the people on a session their own sessions',
 * always aggregated and without names; the session's people only see more than the count from
 * three ratings on. Agenda rules (drafts hidden) come from AgendaService; the aggregates read the
 * agenda tables directly, as the other reports do.
 */
@Injectable()
export class SessionFeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly agenda: AgendaService,
  ) {}

  async rate(actor: Actor | null, sessionId: string, rating: number, comment?: string | null): Promise<MySessionFeedback> {
    if (!actor) throw CommonException.authenticationRequired();
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw OutcomesException.invalidRating();
    const text = comment?.trim() || null;
    if (text && text.length > SESSION_COMMENT_MAX) {
      throw CommonException.textLength('comment', `The comment is at most ${SESSION_COMMENT_MAX.toLocaleString('en')} characters.`, { max: SESSION_COMMENT_MAX });
    }
    const session = await this.rateableSession(actor, sessionId);
    // The primary key (session, person) makes concurrent saves of one person end as one row.
    const [row] = await this.dataSource.query(
      `INSERT INTO session_feedback (session_id, account_id, rating, comment) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, account_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = now()
       RETURNING session_id, rating, comment, updated_at`,
      [session.id, actor.accountId, rating, text],
    );
    return { sessionId: row.session_id, rating: row.rating, comment: row.comment, updatedAt: row.updated_at };
  }

  /** Removes my rating of the session; false when there was none. */
  async remove(actor: Actor | null, sessionId: string): Promise<boolean> {
    if (!actor) throw CommonException.authenticationRequired();
    const { event } = await this.agenda.sessionEvent(actor, sessionId);
    await this.access.requireApprovedMember(actor, event.id);
    const [, deleted] = await this.dataSource.query(`DELETE FROM session_feedback WHERE session_id = $1 AND account_id = $2`, [sessionId, actor.accountId]);
    return deleted > 0;
  }

  /** My ratings of the event's sessions. */
  async mine(actor: Actor | null, eventId: string): Promise<MySessionFeedback[]> {
    await this.access.requireApprovedMember(actor, eventId);
    const rows = await this.dataSource.query(
      `SELECT f.session_id, f.rating, f.comment, f.updated_at
         FROM session_feedback f JOIN agenda_session s ON s.id = f.session_id
        WHERE s.event_id = $1 AND f.account_id = $2 ORDER BY s.starts_at, s.id`,
      [eventId, actor!.accountId],
    );
    return rows.map((r: any) => ({ sessionId: r.session_id, rating: r.rating, comment: r.comment, updatedAt: r.updated_at }));
  }

  /** Organisers: every session of the event with feedback, everything shown (still without names). */
  async report(actor: Actor | null, eventId: string): Promise<SessionFeedbackSummary[]> {
    await this.access.requireOrganiser(actor, eventId);
    return this.summaries(eventId, null, false);
  }

  /**
   * The sessions the actor is on (speaker, moderator, panellist, host), with or without feedback.
   * Fewer than three ratings: the count only, unless the actor also organises the event.
   */
  async mySessions(actor: Actor | null, eventId: string): Promise<SessionFeedbackSummary[]> {
    const { participation } = await this.access.requireApprovedMember(actor, eventId);
    return this.summaries(eventId, actor!.accountId, participation.role !== 'ORGANISER');
  }

  /** One report as CSV rows (header first); the caller has checked the organiser and gives the event's zone. */
  async csvRows(actor: Actor | null, event: { id: string; timeZone: string }): Promise<string[][]> {
    const sessions = await this.report(actor, event.id);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: event.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return [
      ['title', 'starts_at', 'type', 'room', 'ratings', 'average', 'rated_1', 'rated_2', 'rated_3', 'rated_4', 'rated_5', 'comments'],
      ...sessions.map((s) => [
        s.title,
        local.format(s.startsAt),
        s.type,
        s.roomName ?? '',
        String(s.count),
        s.average?.toFixed(1) ?? '',
        ...(s.distribution ?? [0, 0, 0, 0, 0]).map(String),
        (s.comments ?? []).join(' | '),
      ]),
    ];
  }

  /** One statement: sessions with their counts and comments (only sessions with feedback when no speaker is given). */
  private async summaries(eventId: string, speakerId: string | null, limitSmall: boolean): Promise<SessionFeedbackSummary[]> {
    const rows: Omit<SessionFeedbackSummary, 'detailsHidden'>[] = await this.dataSource.query(
      `SELECT s.id AS "sessionId", s.title, s.type, s.status, s.starts_at AS "startsAt", s.ends_at AS "endsAt", r.name AS "roomName",
              count(f.rating)::int AS count,
              round(avg(f.rating), 1)::float AS average,
              ARRAY[count(*) FILTER (WHERE f.rating = 1), count(*) FILTER (WHERE f.rating = 2), count(*) FILTER (WHERE f.rating = 3),
                    count(*) FILTER (WHERE f.rating = 4), count(*) FILTER (WHERE f.rating = 5)]::int[] AS distribution,
              coalesce(array_agg(f.comment ORDER BY f.comment COLLATE "C") FILTER (WHERE f.comment IS NOT NULL), '{}') AS comments
         FROM agenda_session s
         LEFT JOIN agenda_room r ON r.id = s.room_id
         LEFT JOIN session_feedback f ON f.session_id = s.id
        WHERE s.event_id = $1 AND s.status <> 'DRAFT'
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM agenda_session_person p WHERE p.session_id = s.id AND p.account_id = $2::uuid))
        GROUP BY s.id, r.name
       HAVING $2::uuid IS NOT NULL OR count(f.rating) > 0
        ORDER BY s.starts_at, s.title, s.id`,
      [eventId, speakerId],
    );
    return rows.map((r) => {
      const hidden = limitSmall && r.count < SESSION_FEEDBACK_MIN_SHOWN;
      return {
        ...r,
        average: hidden ? null : r.average,
        distribution: hidden ? null : r.distribution,
        comments: hidden ? null : r.comments,
        detailsHidden: hidden,
      };
    });
  }

  /** The session if the actor may rate it now: an approved member, published, with content, started. */
  private async rateableSession(actor: Actor, sessionId: string) {
    const { event, session } = await this.agenda.sessionEvent(actor, sessionId);
    // Drafts are not in the programme: not found even for organisers, who see them elsewhere.
    if (session.status === SessionStatus.DRAFT) throw CommonException.notFound('Session', sessionId);
    await this.access.requireApprovedMember(actor, event.id);
    if (session.status === SessionStatus.CANCELLED) throw OutcomesException.sessionCancelled(session.title);
    if (UNRATED_SESSION_TYPES.includes(session.type)) throw OutcomesException.sessionNotRateable(session.title, session.type);
    if (session.startsAt > new Date()) throw OutcomesException.sessionNotStarted(session.title, session.startsAt);
    return session;
  }
}
