import { type EntityManager } from 'typeorm';

/**
 * Outcomes of the demo event (April 2023, so every booked meeting is past): most meetings
 * held (both sides marked them), every tenth a no-show, a few unreported; feedback from both
 * sides of held meetings; check-ins of everyone with a held meeting; and a follow-up round in
 * October 2023 with answers for a third of the held meetings. Deterministic: meetings are
 * numbered by slot and table.
 */
export async function seedDemoOutcomes(manager: EntityManager, eventId: string): Promise<void> {
  const numbered = `
    SELECT m.id, m.requester_id, m.recipient_id, s.starts_at,
           (row_number() OVER (ORDER BY s.starts_at, m.table_number))::int AS n
      FROM meeting m JOIN meeting_slot s ON s.id = m.slot_id
     WHERE m.event_id = $1 AND m.status = 'CONFIRMED'`;
  // Attendance: n % 10 = 0 no-show (reported by the requester), n % 10 = 9 unreported, else held by both.
  await manager.query(
    `WITH m AS (${numbered})
     INSERT INTO meeting_attendance (meeting_id, reporter_id, by_organiser, status, created_at, updated_at)
     SELECT id, requester_id, false, CASE WHEN n % 10 = 0 THEN 'NO_SHOW' ELSE 'HELD' END, starts_at + interval '25 minutes', starts_at + interval '25 minutes'
       FROM m WHERE n % 10 <> 9
     UNION ALL
     SELECT id, recipient_id, false, 'HELD', starts_at + interval '30 minutes', starts_at + interval '30 minutes'
       FROM m WHERE n % 10 NOT IN (0, 9)`,
    [eventId],
  );
  const outcomes = `(ARRAY['INFORMATION_EXCHANGE','FOLLOW_UP_PLANNED','PROJECT_IDEA','PARTNERSHIP_LIKELY','NONE','FOLLOW_UP_PLANNED','INVESTMENT_INTEREST'])`;
  await manager.query(
    `WITH m AS (${numbered})
     INSERT INTO meeting_feedback (meeting_id, account_id, rating, expected_outcome, note, created_at, updated_at)
     SELECT id, requester_id, 3 + n % 3, ${outcomes}[1 + n % 7], CASE WHEN n % 4 = 0 THEN 'Send them our pilot report.' END,
            starts_at + interval '1 hour', starts_at + interval '1 hour'
       FROM m WHERE n % 10 NOT IN (0, 9)
     UNION ALL
     SELECT id, recipient_id, 2 + (n * 7) % 4, ${outcomes}[1 + (n + 3) % 7], NULL, starts_at + interval '2 hours', starts_at + interval '2 hours'
       FROM m WHERE n % 10 NOT IN (0, 8, 9)`,
    [eventId],
  );
  await manager.query(
    `WITH m AS (${numbered}), people AS (
       SELECT requester_id AS account_id, starts_at FROM m WHERE n % 10 NOT IN (0, 9)
       UNION ALL SELECT recipient_id, starts_at FROM m WHERE n % 10 NOT IN (0, 9))
     INSERT INTO event_check_in (event_id, account_id, checked_in_by, checked_in_at)
     SELECT $1, account_id, account_id, date_trunc('day', min(starts_at)) + interval '6 hours' FROM people GROUP BY account_id`,
    [eventId],
  );
  const [round] = await manager.query(
    `INSERT INTO follow_up_round (event_id, number, opens_at, closes_at, message, created_by)
     SELECT $1, 2, '2023-10-02T06:00:00Z', '2023-10-31T21:00:00Z', 'Six months on: what came of your Kittilä meetings?',
            (SELECT account_id FROM participation WHERE event_id = $1 AND role = 'ORGANISER' AND status = 'APPROVED' ORDER BY created_at, account_id LIMIT 1)
     RETURNING id`,
    [eventId],
  );
  await manager.query(
    `WITH m AS (${numbered})
     INSERT INTO follow_up_answer (round_id, meeting_id, account_id, result, comment, created_at, updated_at)
     SELECT $2, id, requester_id, (ARRAY['NEGOTIATION_STARTED','NOTHING','JOINT_PROJECT_PROPOSAL','AGREEMENT_SIGNED','NOTHING'])[1 + (n / 3) % 5], NULL,
            '2023-10-10T09:00:00Z', '2023-10-10T09:00:00Z'
       FROM m WHERE n % 3 = 0 AND n % 10 NOT IN (0, 9)`,
    [eventId, round.id],
  );
}
