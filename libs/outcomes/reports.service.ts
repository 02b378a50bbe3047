import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventAccessService, type EventEntity } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { OutcomesException } from './outcomes.exception.js';
import { SessionFeedbackService } from './session-feedback.service.js';

export interface CountRow {
  key: string;
  count: number;
}
export interface MatrixCell {
  row: string;
  column: string;
  count: number;
}
export interface RoundOutcomeRow {
  round: number;
  outcome: string;
  count: number;
  averageRating: number | null;
}
export interface ThemeRow {
  theme: string;
  offered: number;
  demanded: number;
  participants: number;
}
export interface MeetingCounts {
  accepted: number;
  scheduled: number;
  waitingForSlot: number;
  cancelled: number;
  held: number;
  noShows: number;
  disputed: number;
  unreported: number;
  checkedIn: number;
  averageRating: number | null;
}

/** One day of matchmaking activity, in the event's time zone. */
export interface ActivityDay {
  /** YYYY-MM-DD in the event's zone. */
  day: string;
  requestsSent: number;
  requestsAccepted: number;
  requestsDeclined: number;
  meetingsCancelled: number;
}

export interface OutcomeReport {
  eventId: string;
  participantsByType: CountRow[];
  participantsByCountry: CountRow[];
  participantsByRegion: CountRow[];
  requests: CountRow[];
  meetings: MeetingCounts;
  outcomesByRound: RoundOutcomeRow[];
  regionMatrix: MatrixCell[];
  typeMatrix: MatrixCell[];
  themes: ThemeRow[];
  activity: ActivityDay[];
}

/** The CSV downloads, by name (GET /events/:slug/reports/<name>.csv). */
export const REPORT_NAMES = [
  'participants-by-type',
  'participants-by-country',
  'participants-by-region',
  'requests',
  'meetings',
  'outcomes-by-round',
  'region-matrix',
  'type-matrix',
  'themes',
  'activity',
  'session-feedback',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** Who counts as a participant in reports: approved participants and speakers (not organisers). */
const PEOPLE = `
  SELECT p.account_id, o.type AS org_type, o.country, coalesce(o.country || ' / ' || o.region, o.country, '(unknown)') AS region
    FROM participation p JOIN account a ON a.id = p.account_id LEFT JOIN organisation o ON o.id = a.organisation_id
   WHERE p.event_id = $1 AND p.status = 'APPROVED' AND p.role IN ('PARTICIPANT', 'SPEAKER')`;

/**
 * Organisers' statistics, each section aggregated in one SQL statement. Reports read the
 * event, matchmaking and outcome tables directly (read-only): aggregating through the other
 * libs' services would mean a query per person or meeting.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly sessionFeedback: SessionFeedbackService,
  ) {}

  async report(actor: Actor | null, eventId: string): Promise<OutcomeReport> {
    await this.access.requireOrganiser(actor, eventId);
    const [participants, requests, meetings, outcomesByRound, matrices, themes, activity] = await Promise.all([
      this.participants(eventId),
      this.requests(eventId),
      this.meetings(eventId),
      this.outcomesByRound(eventId),
      this.matrices(eventId),
      this.themes(eventId),
      this.activity(eventId),
    ]);
    return { eventId, ...participants, requests, meetings, outcomesByRound, ...matrices, themes, activity };
  }

  /** One report as CSV rows (header first), for an organiser of the event. */
  async csvRows(actor: Actor | null, event: EventEntity, name: string): Promise<string[][]> {
    if (!(REPORT_NAMES as readonly string[]).includes(name)) throw OutcomesException.unknownReport(name, REPORT_NAMES);
    if (name === 'session-feedback') return this.sessionFeedback.csvRows(actor, event);
    const r = await this.report(actor, event.id);
    const counts = (label: string, rows: CountRow[]) => [[label, 'participants'], ...rows.map((x) => [x.key, String(x.count)])];
    const matrix = (cells: MatrixCell[]) => [['row', 'column', 'meetings'], ...cells.map((c) => [c.row, c.column, String(c.count)])];
    switch (name as ReportName) {
      case 'participants-by-type':
        return counts('organisation_type', r.participantsByType);
      case 'participants-by-country':
        return counts('country', r.participantsByCountry);
      case 'participants-by-region':
        return counts('region', r.participantsByRegion);
      case 'requests':
        return [['status', 'requests'], ...r.requests.map((x) => [x.key, String(x.count)])];
      case 'meetings':
        return [['measure', 'value'], ...Object.entries(r.meetings).map(([k, v]) => [k, v === null ? '' : String(v)])];
      case 'outcomes-by-round':
        return [['round', 'outcome', 'answers', 'average_rating'], ...r.outcomesByRound.map((x) => [String(x.round), x.outcome, String(x.count), x.averageRating?.toFixed(2) ?? ''])];
      case 'region-matrix':
        return matrix(r.regionMatrix);
      case 'type-matrix':
        return matrix(r.typeMatrix);
      case 'themes':
        return [['theme', 'offered', 'demanded', 'participants'], ...r.themes.map((x) => [x.theme, String(x.offered), String(x.demanded), String(x.participants)])];
      case 'activity':
        return [
          ['day', 'requests_sent', 'requests_accepted', 'requests_declined', 'meetings_cancelled'],
          ...r.activity.map((d) => [d.day, String(d.requestsSent), String(d.requestsAccepted), String(d.requestsDeclined), String(d.meetingsCancelled)]),
        ];
      case 'session-feedback':
        return this.sessionFeedback.csvRows(actor, event);
    }
  }

  private async participants(eventId: string) {
    const rows: { dim: string; key: string; count: number }[] = await this.dataSource.query(
      `WITH people AS (${PEOPLE})
       SELECT CASE WHEN GROUPING(org_type) = 0 THEN 'type' WHEN GROUPING(country) = 0 THEN 'country' ELSE 'region' END AS dim,
              coalesce(CASE WHEN GROUPING(org_type) = 0 THEN org_type WHEN GROUPING(country) = 0 THEN country ELSE region END, '(unknown)') AS key,
              count(*)::int AS count
         FROM people GROUP BY GROUPING SETS ((org_type), (country), (region))
        ORDER BY dim, count DESC, key`,
      [eventId],
    );
    const pick = (dim: string) => rows.filter((r) => r.dim === dim).map(({ key, count }) => ({ key, count }));
    return { participantsByType: pick('type'), participantsByCountry: pick('country'), participantsByRegion: pick('region') };
  }

  /**
   * Requests sent, accepted and declined and meetings cancelled per day of the event's zone, every
   * day from the first to the last with any activity (quiet days as zeros, so a chart shows them).
   */
  private async activity(eventId: string): Promise<ActivityDay[]> {
    return this.dataSource.query(
      `WITH ev AS (SELECT time_zone AS tz FROM event WHERE id = $1),
       happened AS (
         SELECT (r.created_at AT TIME ZONE ev.tz)::date AS day, 'SENT' AS what FROM meeting_request r, ev WHERE r.event_id = $1
         UNION ALL
         -- Every meeting was an accepted request, even one cancelled since.
         SELECT (coalesce(r.responded_at, m.created_at) AT TIME ZONE ev.tz)::date, 'ACCEPTED'
           FROM meeting m JOIN meeting_request r ON r.id = m.request_id, ev WHERE m.event_id = $1
         UNION ALL
         SELECT (coalesce(r.responded_at, r.updated_at) AT TIME ZONE ev.tz)::date, 'DECLINED' FROM meeting_request r, ev
          WHERE r.event_id = $1 AND r.status = 'DECLINED'
         UNION ALL
         -- A cancelled meeting's last change is its cancellation.
         SELECT (m.updated_at AT TIME ZONE ev.tz)::date, 'CANCELLED' FROM meeting m, ev WHERE m.event_id = $1 AND m.status = 'CANCELLED'
       ),
       days AS (SELECT generate_series(min(day), max(day), interval '1 day')::date AS day FROM happened)
       SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
              count(h.what) FILTER (WHERE h.what = 'SENT')::int AS "requestsSent",
              count(h.what) FILTER (WHERE h.what = 'ACCEPTED')::int AS "requestsAccepted",
              count(h.what) FILTER (WHERE h.what = 'DECLINED')::int AS "requestsDeclined",
              count(h.what) FILTER (WHERE h.what = 'CANCELLED')::int AS "meetingsCancelled"
         FROM days d LEFT JOIN happened h ON h.day = d.day
        GROUP BY d.day ORDER BY d.day`,
      [eventId],
    );
  }

  private async requests(eventId: string): Promise<CountRow[]> {
    const [r] = await this.dataSource.query(
      `SELECT count(*)::int AS sent,
              count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
              count(*) FILTER (WHERE status = 'DECLINED')::int AS declined,
              count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
              count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled
         FROM meeting_request WHERE event_id = $1`,
      [eventId],
    );
    return Object.entries(r).map(([key, count]) => ({ key: key.toUpperCase(), count: count as number }));
  }

  private async meetings(eventId: string): Promise<MeetingCounts> {
    const [r] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE m.status = 'CONFIRMED')::int AS accepted,
              count(*) FILTER (WHERE m.status = 'CONFIRMED' AND m.slot_id IS NOT NULL)::int AS scheduled,
              count(*) FILTER (WHERE m.status = 'CONFIRMED' AND m.slot_id IS NULL)::int AS "waitingForSlot",
              count(*) FILTER (WHERE m.status = 'CANCELLED')::int AS cancelled,
              count(*) FILTER (WHERE m.status = 'CONFIRMED' AND v.verdict = 'HELD')::int AS held,
              count(*) FILTER (WHERE m.status = 'CONFIRMED' AND v.verdict = 'NO_SHOW')::int AS "noShows",
              count(*) FILTER (WHERE m.status = 'CONFIRMED' AND v.verdict = 'DISPUTED')::int AS disputed,
              count(*) FILTER (WHERE m.status = 'CONFIRMED' AND m.slot_id IS NOT NULL AND v.verdict IS NULL)::int AS unreported,
              (SELECT count(*)::int FROM event_check_in c WHERE c.event_id = $1) AS "checkedIn",
              (SELECT round(avg(f.rating), 2)::float FROM meeting_feedback f JOIN meeting mm ON mm.id = f.meeting_id WHERE mm.event_id = $1) AS "averageRating"
         FROM meeting m LEFT JOIN meeting_attendance_verdict v ON v.meeting_id = m.id
        WHERE m.event_id = $1`,
      [eventId],
    );
    return r;
  }

  /** Round 1 is the expected outcome given right after the meeting; rounds 2+ the follow-up answers. */
  private async outcomesByRound(eventId: string): Promise<RoundOutcomeRow[]> {
    return this.dataSource.query(
      `SELECT 1 AS round, f.expected_outcome AS outcome, count(*)::int AS count, round(avg(f.rating), 2)::float AS "averageRating"
         FROM meeting_feedback f JOIN meeting m ON m.id = f.meeting_id WHERE m.event_id = $1 GROUP BY f.expected_outcome
       UNION ALL
       SELECT r.number, x.result, count(*)::int, NULL
         FROM follow_up_answer x JOIN follow_up_round r ON r.id = x.round_id WHERE r.event_id = $1 GROUP BY r.number, x.result
       ORDER BY 1, 3 DESC, 2`,
      [eventId],
    );
  }

  /**
   * Booked, confirmed meetings between groups. Each meeting counts once in the cell (a, b) and,
   * when the groups differ, once in (b, a): the matrix is symmetric and reads the same either way.
   */
  private async matrices(eventId: string): Promise<{ regionMatrix: MatrixCell[]; typeMatrix: MatrixCell[] }> {
    const rows: { dim: string; row: string; column: string; count: number }[] = await this.dataSource.query(
      `WITH who AS (
         SELECT a.id AS account_id, coalesce(o.type, '(unknown)') AS org_type,
                coalesce(o.country || ' / ' || o.region, o.country, '(unknown)') AS region
           FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id),
       pairs AS (
         SELECT x.org_type AS t1, y.org_type AS t2, x.region AS r1, y.region AS r2
           FROM meeting m JOIN who x ON x.account_id = m.requester_id JOIN who y ON y.account_id = m.recipient_id
          WHERE m.event_id = $1 AND m.status = 'CONFIRMED' AND m.slot_id IS NOT NULL),
       sym AS (
         SELECT t1, t2, r1, r2 FROM pairs
         UNION ALL SELECT t2, t1, NULL, NULL FROM pairs WHERE t1 <> t2
         UNION ALL SELECT NULL, NULL, r2, r1 FROM pairs WHERE r1 <> r2)
       SELECT 'type' AS dim, t1 AS row, t2 AS column, count(*)::int AS count FROM sym WHERE t1 IS NOT NULL GROUP BY t1, t2
       UNION ALL
       SELECT 'region', r1, r2, count(*)::int FROM sym WHERE r1 IS NOT NULL GROUP BY r1, r2
       ORDER BY 1, 2, 3`,
      [eventId],
    );
    const pick = (dim: string) => rows.filter((r) => r.dim === dim).map(({ row, column, count }) => ({ row, column, count }));
    return { typeMatrix: pick('type'), regionMatrix: pick('region') };
  }

  /**
   * For each theme (of the event's list or used in a profile): how many offers and requests
   * (marketplace entries) come from participants with that theme or carry it as a tag, and how
   * many participants chose it. Ordered by demand.
   */
  private async themes(eventId: string): Promise<ThemeRow[]> {
    return this.dataSource.query(
      `WITH t AS (
         SELECT DISTINCT lower(x) AS theme FROM (
           SELECT unnest(themes) AS x FROM matchmaking_settings WHERE event_id = $1
           UNION ALL SELECT unnest(themes) FROM matchmaking_profile WHERE event_id = $1) u)
       SELECT t.theme,
              count(DISTINCT e.id) FILTER (WHERE e.direction = 'OFFER')::int AS offered,
              count(DISTINCT e.id) FILTER (WHERE e.direction = 'SEEK')::int AS demanded,
              (SELECT count(*)::int FROM matchmaking_profile p2 WHERE p2.event_id = $1 AND p2.taking_part
                  AND t.theme = ANY (SELECT lower(y) FROM unnest(p2.themes) y)) AS participants
         FROM t
         LEFT JOIN matchmaking_profile p ON p.event_id = $1 AND p.taking_part
         LEFT JOIN marketplace_entry e ON e.event_id = p.event_id AND e.account_id = p.account_id
              AND (t.theme = ANY (SELECT lower(y) FROM unnest(p.themes) y) OR t.theme = ANY (SELECT lower(y) FROM unnest(e.tags) y))
        GROUP BY t.theme
        ORDER BY demanded DESC, offered DESC, t.theme`,
      [eventId],
    );
  }
}

/** RFC 4180 CSV; formula-looking cells get a leading apostrophe, as the agenda export does. */
export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
