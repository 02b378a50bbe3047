import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/index.js';
import { CommonException, isConstraintViolation } from '../common/index.js';
import { EventAccessService, isUuid, ParticipantRole, ParticipationStatus } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import { FollowUpRoundEntity } from './entities/follow-up-round.entity.js';
import { MeetingFeedbackEntity } from './entities/meeting-feedback.entity.js';
import { OutcomesException } from './outcomes.exception.js';
import { AttendanceStatus, AttendanceVerdict, ExpectedOutcome, FollowUpResult } from './outcomes.types.js';

/** A meeting as outcomes see it (read-only from the matchmaking tables). */
interface MeetingRow {
  id: string;
  event_id: string;
  requester_id: string;
  recipient_id: string;
  status: string;
  slot_id: string | null;
  starts_at: Date | null;
}

export interface FeedbackInput {
  rating: number;
  expectedOutcome: ExpectedOutcome;
  note?: string | null;
}

export interface FollowUpRoundInput {
  opensAt: Date;
  closesAt: Date;
  message?: string | null;
  /** Send the invitation e-mail to everyone with a booked meeting (default true). */
  notify?: boolean;
}

/** One of my meetings with my own marks, feedback and answers. */
export interface MyMeetingOutcome {
  meetingId: string;
  partnerId: string;
  slotStartsAt: Date | null;
  tableNumber: number | null;
  myAttendance: AttendanceStatus | null;
  verdict: AttendanceVerdict;
  feedback: MeetingFeedbackEntity | null;
  followUps: { roundId: string; roundNumber: number; result: FollowUpResult; comment: string | null }[];
}

/** What organisers see of one side's feedback: never the private note. */
export interface FeedbackSummary {
  meetingId: string;
  accountId: string;
  rating: number;
  expectedOutcome: ExpectedOutcome;
  updatedAt: Date;
}

export interface CheckIn {
  eventId: string;
  accountId: string;
  checkedInAt: Date;
  checkedInBy: string | null;
}

/**
 * Attendance, check-in, first-round feedback and follow-up rounds. The two people of a meeting
 * write their own marks, feedback and answers; organisers mark attendance (from the venue),
 * check people in and open rounds, and see ratings and outcomes but not private notes.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLogService,
  ) {}

  async markAttendance(actor: Actor | null, meetingId: string, status: AttendanceStatus): Promise<{ meetingId: string; verdict: AttendanceVerdict }> {
    const { meeting, byOrganiser } = await this.meetingFor(actor, meetingId, true);
    this.requireStarted(meeting);
    const verdict = await this.dataSource.transaction(async (manager) => {
      const before = byOrganiser ? await this.verdict(meeting.id, manager) : null;
      await manager.query(
        `INSERT INTO meeting_attendance (meeting_id, reporter_id, by_organiser, status) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, reporter_id) DO UPDATE SET status = EXCLUDED.status, by_organiser = EXCLUDED.by_organiser, updated_at = now()`,
        [meeting.id, actor!.accountId, byOrganiser, status],
      );
      const after = await this.verdict(meeting.id, manager);
      // An organiser's mark decides the verdict (e.g. settles a dispute between the two sides): on record.
      if (byOrganiser) {
        await this.audit.record(manager, {
          eventId: meeting.event_id,
          actorAccountId: actor!.accountId,
          action: 'meeting.attendance_decided',
          targetType: 'meeting',
          targetId: meeting.id,
          details: { status, verdictBefore: before, verdictAfter: after },
        });
      }
      return after;
    });
    return { meetingId: meeting.id, verdict };
  }

  /** Checks the actor in, or (organisers) the given participant. Checking in twice keeps the first time. */
  async checkIn(actor: Actor | null, eventId: string, accountId?: string | null): Promise<CheckIn> {
    const { participation } = await this.access.requireApprovedMember(actor, eventId);
    let who = actor!.accountId;
    if (accountId && accountId !== who) {
      if (participation.role !== ParticipantRole.ORGANISER) throw CommonException.forbidden('Only organisers check in someone else.');
      const p = isUuid(accountId) ? await this.access.participation({ accountId }, eventId) : null;
      if (p?.status !== ParticipationStatus.APPROVED) throw OutcomesException.notAParticipant('accountId');
      who = accountId;
    }
    const [row] = await this.dataSource.query(
      `INSERT INTO event_check_in (event_id, account_id, checked_in_by) VALUES ($1, $2, $3)
       ON CONFLICT (event_id, account_id) DO UPDATE SET event_id = EXCLUDED.event_id
       RETURNING event_id, account_id, checked_in_at, checked_in_by`,
      [eventId, who, actor!.accountId],
    );
    return { eventId: row.event_id, accountId: row.account_id, checkedInAt: row.checked_in_at, checkedInBy: row.checked_in_by };
  }

  /** Check-ins of the event (organisers). */
  async checkIns(actor: Actor | null, eventId: string): Promise<CheckIn[]> {
    await this.access.requireOrganiser(actor, eventId);
    const rows = await this.dataSource.query(
      `SELECT event_id, account_id, checked_in_at, checked_in_by FROM event_check_in WHERE event_id = $1 ORDER BY checked_in_at, account_id`,
      [eventId],
    );
    return rows.map((r: any) => ({ eventId: r.event_id, accountId: r.account_id, checkedInAt: r.checked_in_at, checkedInBy: r.checked_in_by }));
  }

  async giveFeedback(actor: Actor | null, meetingId: string, input: FeedbackInput): Promise<MeetingFeedbackEntity> {
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw OutcomesException.invalidRating();
    const note = input.note?.trim() || null;
    if (note && note.length > 4000) throw CommonException.textLength('note', 'The note is at most 4,000 characters.', { max: 4000 });
    const { meeting } = await this.meetingFor(actor, meetingId, false);
    this.requireStarted(meeting);
    try {
      await this.dataSource.query(
        `INSERT INTO meeting_feedback (meeting_id, account_id, rating, expected_outcome, note) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (meeting_id, account_id) DO UPDATE SET rating = EXCLUDED.rating, expected_outcome = EXCLUDED.expected_outcome, note = EXCLUDED.note, updated_at = now()`,
        [meeting.id, actor!.accountId, input.rating, input.expectedOutcome, note],
      );
    } catch (error) {
      if (isConstraintViolation(error, '23514', 'outcome_meeting_side_check')) throw OutcomesException.notASide();
      throw error;
    }
    return (await this.dataSource.getRepository(MeetingFeedbackEntity).findOneBy({ meetingId: meeting.id, accountId: actor!.accountId }))!;
  }

  /** My meetings of the event (booked, confirmed) with only my own marks, feedback and answers. */
  async myOutcomes(actor: Actor | null, eventId: string): Promise<MyMeetingOutcome[]> {
    await this.access.requireApprovedMember(actor, eventId);
    const me = actor!.accountId;
    const rows = await this.dataSource.query(
      `SELECT m.id, CASE WHEN m.requester_id = $2 THEN m.recipient_id ELSE m.requester_id END AS partner_id,
              s.starts_at, m.table_number, a.status AS my_attendance, coalesce(v.verdict, 'UNREPORTED') AS verdict,
              f.rating, f.expected_outcome, f.note, f.created_at AS f_created, f.updated_at AS f_updated,
              coalesce((SELECT json_agg(json_build_object('roundId', r.id, 'roundNumber', r.number, 'result', x.result, 'comment', x.comment) ORDER BY r.number)
                          FROM follow_up_answer x JOIN follow_up_round r ON r.id = x.round_id
                         WHERE x.meeting_id = m.id AND x.account_id = $2), '[]') AS follow_ups
         FROM meeting m
         JOIN meeting_slot s ON s.id = m.slot_id
         LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND a.reporter_id = $2
         LEFT JOIN meeting_attendance_verdict v ON v.meeting_id = m.id
         LEFT JOIN meeting_feedback f ON f.meeting_id = m.id AND f.account_id = $2
        WHERE m.event_id = $1 AND m.status = 'CONFIRMED' AND $2 IN (m.requester_id, m.recipient_id)
        ORDER BY s.starts_at, m.table_number`,
      [eventId, me],
    );
    return rows.map((r: any) => ({
      meetingId: r.id,
      partnerId: r.partner_id,
      slotStartsAt: r.starts_at,
      tableNumber: r.table_number,
      myAttendance: r.my_attendance,
      verdict: r.verdict,
      feedback:
        r.rating === null
          ? null
          : Object.assign(new MeetingFeedbackEntity(), {
              meetingId: r.id,
              accountId: me,
              rating: r.rating,
              expectedOutcome: r.expected_outcome,
              note: r.note,
              createdAt: r.f_created,
              updatedAt: r.f_updated,
            }),
      followUps: r.follow_ups,
    }));
  }

  /** Every side's rating and expected outcome (organisers); private notes are never included. */
  async eventFeedback(actor: Actor | null, eventId: string): Promise<FeedbackSummary[]> {
    await this.access.requireOrganiser(actor, eventId);
    const rows = await this.dataSource.query(
      `SELECT f.meeting_id, f.account_id, f.rating, f.expected_outcome, f.updated_at
         FROM meeting_feedback f JOIN meeting m ON m.id = f.meeting_id
        WHERE m.event_id = $1 ORDER BY f.meeting_id, f.account_id`,
      [eventId],
    );
    return rows.map((r: any) => ({ meetingId: r.meeting_id, accountId: r.account_id, rating: r.rating, expectedOutcome: r.expected_outcome, updatedAt: r.updated_at }));
  }

  async openFollowUpRound(actor: Actor | null, eventId: string, input: FollowUpRoundInput): Promise<FollowUpRoundEntity> {
    const event = await this.access.requireOrganiser(actor, eventId);
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    if (Number.isNaN(opensAt.getTime())) throw OutcomesException.invalidRound('opensAt', 'Give the date the round opens.');
    if (Number.isNaN(closesAt.getTime()) || closesAt <= opensAt) throw OutcomesException.invalidRound('closesAt', 'The round must close after it opens.');
    const message = input.message?.trim() || null;
    if (message && message.length > 4000) throw OutcomesException.invalidRound('message', 'The message is at most 4,000 characters.');
    // Recipients are read before the transaction opens (no second connection while holding one).
    const recipients: { account_id: string }[] =
      input.notify === false
        ? []
        : await this.dataSource.query(
            `SELECT DISTINCT p.account_id FROM meeting m JOIN meeting_participant p ON p.meeting_id = m.id
              WHERE m.event_id = $1 AND m.status = 'CONFIRMED' ORDER BY p.account_id`,
            [eventId],
          );
    return this.dataSource.transaction(async (manager) => {
      // Serialise numbering per event; the unique key backs it up.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('follow_up_round:' || $1))`, [eventId]);
      const [{ next }] = await manager.query(`SELECT coalesce(max(number), 1) + 1 AS next FROM follow_up_round WHERE event_id = $1`, [eventId]);
      const round = await manager.getRepository(FollowUpRoundEntity).save(
        manager.getRepository(FollowUpRoundEntity).create({ eventId, number: next, opensAt, closesAt, message, createdBy: actor!.accountId }),
      );
      await this.invite(manager, event.name, round, recipients.map((r) => r.account_id));
      return round;
    });
  }

  private async invite(manager: EntityManager, eventName: string, round: FollowUpRoundEntity, recipients: string[]) {
    const fmt = (d: Date) => d.toISOString().slice(0, 10);
    const subject = `${eventName}: what came of your meetings?`;
    const body =
      `Hello {{recipientName}},\n\nMonths have passed since ${eventName}. Please tell us what came of each of your meetings ` +
      `(negotiation started, agreement signed, joint project proposal, or nothing) between ${fmt(round.opensAt)} and ${fmt(round.closesAt)}.` +
      (round.message ? `\n\n${round.message.replace(/[{}]/g, '')}` : '') +
      `\n\n{{eventUrl}}`;
    for (const accountId of recipients) {
      await this.notifications.notify(manager, {
        kind: NotificationKind.ANNOUNCEMENT,
        eventId: round.eventId,
        recipientAccountId: accountId,
        subjectItem: { type: 'follow_up_round', id: round.id },
        template: { subject, body },
        startAfter: round.opensAt,
      });
    }
  }

  /** The event's follow-up rounds (approved members). */
  async rounds(actor: Actor | null, eventId: string): Promise<FollowUpRoundEntity[]> {
    await this.access.requireApprovedMember(actor, eventId);
    return this.dataSource.getRepository(FollowUpRoundEntity).find({ where: { eventId }, order: { number: 'ASC' } });
  }

  async answerFollowUp(actor: Actor | null, roundId: string, meetingId: string, result: FollowUpResult, comment?: string | null) {
    const { meeting } = await this.meetingFor(actor, meetingId, false);
    const round = isUuid(roundId) ? await this.dataSource.getRepository(FollowUpRoundEntity).findOneBy({ id: roundId, eventId: meeting.event_id }) : null;
    if (!round) throw CommonException.notFound('Follow-up round', roundId);
    const now = new Date();
    if (now < round.opensAt || now >= round.closesAt) throw OutcomesException.roundNotOpen(round.opensAt, round.closesAt);
    const text = comment?.trim() || null;
    if (text && text.length > 4000) throw CommonException.textLength('comment', 'The comment is at most 4,000 characters.', { max: 4000 });
    try {
      await this.dataSource.query(
        `INSERT INTO follow_up_answer (round_id, meeting_id, account_id, result, comment) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (round_id, meeting_id, account_id) DO UPDATE SET result = EXCLUDED.result, comment = EXCLUDED.comment, updated_at = now()`,
        [round.id, meeting.id, actor!.accountId, result, text],
      );
    } catch (error) {
      if (isConstraintViolation(error, '23514', 'outcome_meeting_side_check')) throw OutcomesException.notASide();
      throw error;
    }
    return { roundId: round.id, roundNumber: round.number, result, comment: text };
  }

  private async verdict(meetingId: string, manager: EntityManager = this.dataSource.manager): Promise<AttendanceVerdict> {
    const [row] = await manager.query(`SELECT verdict FROM meeting_attendance_verdict WHERE meeting_id = $1`, [meetingId]);
    return row?.verdict ?? AttendanceVerdict.UNREPORTED;
  }

  private requireStarted(meeting: MeetingRow) {
    if (meeting.status !== 'CONFIRMED' || !meeting.slot_id || !meeting.starts_at) throw OutcomesException.notBooked();
    if (meeting.starts_at > new Date()) throw OutcomesException.notHeldYet(meeting.starts_at);
  }

  /**
   * The meeting, for one of its two people, or (when organisersMay) an organiser of its event.
   * Anyone else gets NOT_FOUND, so meeting ids do not leak.
   */
  private async meetingFor(actor: Actor | null, meetingId: string, organisersMay: boolean): Promise<{ meeting: MeetingRow; byOrganiser: boolean }> {
    if (!actor) throw CommonException.authenticationRequired();
    const [meeting]: MeetingRow[] = isUuid(meetingId)
      ? await this.dataSource.query(
          `SELECT m.id, m.event_id, m.requester_id, m.recipient_id, m.status, m.slot_id, s.starts_at
             FROM meeting m LEFT JOIN meeting_slot s ON s.id = m.slot_id WHERE m.id = $1`,
          [meetingId],
        )
      : [];
    if (!meeting) throw CommonException.notFound('Meeting', meetingId);
    if (actor.accountId === meeting.requester_id || actor.accountId === meeting.recipient_id) {
      await this.access.requireApprovedMember(actor, meeting.event_id);
      return { meeting, byOrganiser: false };
    }
    if (organisersMay && (await this.access.isOrganiser(actor, meeting.event_id))) return { meeting, byOrganiser: true };
    if (!organisersMay && (await this.access.isOrganiser(actor, meeting.event_id))) throw OutcomesException.notASide();
    throw CommonException.notFound('Meeting', meetingId);
  }
}
