import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

/**
 * Outcomes' part of privacy, in the caller's transaction: what a person's export holds (their own
 * marks, check-ins, feedback with notes and follow-up answers) and erasure / event anonymisation
 * of the free texts. Ratings, outcomes and marks stay: the funders' counts depend on them.
 * Session feedback: an erased account's ratings go (they carry no count the funders need); an
 * anonymised event keeps its ratings and loses the comments.
 */
@Injectable()
export class OutcomesPersonalDataService {
  async exportFor(manager: EntityManager, accountId: string) {
    const [attendance, checkIns, feedback, followUpAnswers, sessionFeedback] = await Promise.all([
      manager.query(
        `SELECT a.meeting_id AS "meetingId", m.event_id AS "eventId", a.status, a.by_organiser AS "byOrganiser", a.updated_at AS "updatedAt"
           FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.reporter_id = $1 ORDER BY a.updated_at`,
        [accountId],
      ),
      manager.query(`SELECT event_id AS "eventId", checked_in_at AS "checkedInAt" FROM event_check_in WHERE account_id = $1 ORDER BY checked_in_at`, [accountId]),
      manager.query(
        `SELECT f.meeting_id AS "meetingId", m.event_id AS "eventId", f.rating, f.expected_outcome AS "expectedOutcome", f.note, f.updated_at AS "updatedAt"
           FROM meeting_feedback f JOIN meeting m ON m.id = f.meeting_id WHERE f.account_id = $1 ORDER BY f.updated_at`,
        [accountId],
      ),
      manager.query(
        `SELECT x.meeting_id AS "meetingId", r.event_id AS "eventId", r.number AS round, x.result, x.comment, x.updated_at AS "updatedAt"
           FROM follow_up_answer x JOIN follow_up_round r ON r.id = x.round_id WHERE x.account_id = $1 ORDER BY r.number, x.updated_at`,
        [accountId],
      ),
      manager.query(
        `SELECT f.session_id AS "sessionId", s.event_id AS "eventId", s.title AS "sessionTitle", f.rating, f.comment, f.created_at AS "createdAt", f.updated_at AS "updatedAt"
           FROM session_feedback f JOIN agenda_session s ON s.id = f.session_id WHERE f.account_id = $1 ORDER BY s.starts_at, f.session_id`,
        [accountId],
      ),
    ]);
    return { attendance, checkIns, feedback, followUpAnswers, sessionFeedback };
  }

  /**
   * Clears notes and comments of one account, of one event, or of one account in one event. An
   * account's session ratings are deleted; an event's keep their ratings without comments.
   */
  async erasePersonalData(manager: EntityManager, scope: { accountId?: string; eventId?: string }): Promise<void> {
    if (!scope.accountId && !scope.eventId) throw new Error('erasePersonalData needs an account or an event');
    const params = [scope.accountId ?? null, scope.eventId ?? null];
    await manager.query(
      `UPDATE meeting_feedback f SET note = NULL, updated_at = now() FROM meeting m
        WHERE m.id = f.meeting_id AND f.note IS NOT NULL AND ($1::uuid IS NULL OR f.account_id = $1::uuid) AND ($2::uuid IS NULL OR m.event_id = $2::uuid)`,
      params,
    );
    await manager.query(
      `UPDATE follow_up_answer x SET comment = NULL, updated_at = now() FROM follow_up_round r
        WHERE r.id = x.round_id AND x.comment IS NOT NULL AND ($1::uuid IS NULL OR x.account_id = $1::uuid) AND ($2::uuid IS NULL OR r.event_id = $2::uuid)`,
      params,
    );
    if (scope.accountId) {
      await manager.query(
        `DELETE FROM session_feedback f USING agenda_session s
          WHERE s.id = f.session_id AND f.account_id = $1::uuid AND ($2::uuid IS NULL OR s.event_id = $2::uuid)`,
        params,
      );
    } else {
      await manager.query(
        `UPDATE session_feedback f SET comment = NULL, updated_at = now() FROM agenda_session s
          WHERE s.id = f.session_id AND f.comment IS NOT NULL AND s.event_id = $1::uuid`,
        [scope.eventId],
      );
    }
  }
}
