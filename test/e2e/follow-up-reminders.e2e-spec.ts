import { JobQueue } from '../../libs/jobs/index.js';
import { FOLLOW_UP_REMINDERS_QUEUE, FollowUpReminders } from '../../libs/outcomes/index.js';
import { matchmakingEvent, type MatchmakingEvent, meetingBetween, participant, type Person } from '../support/matchmaking-fixtures.js';
import { TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const OPEN_ROUND = `mutation($e: ID!, $input: FollowUpRoundInput!) { openFollowUpRound(eventId: $e, input: $input) { id } }`;
const ANSWER = `mutation($r: ID!, $m: ID!) { answerFollowUp(roundId: $r, meetingId: $m, result: NEGOTIATION_STARTED) { result } }`;
const MARK = `mutation($m: ID!) { markMeetingAttendance(meetingId: $m, status: NO_SHOW) { verdict } }`;

/**
 * "What came of your meetings?" reminders before a follow-up round closes: to whom (people with a
 * held meeting they have not answered for), when (three days before the close, half-way through
 * a short round), once (however often the job runs), through the scheduled job.
 */
describe('follow-up round reminders', () => {
  let t: TestApp;
  let ev: MatchmakingEvent;
  let anna: Person;
  let bernd: Person;
  let cleo: Person;
  let dana: Person;
  let annaBernd: { id: string };
  let annaCleo: { id: string };
  let berndCleo: { id: string };

  beforeAll(async () => {
    t = await TestApp.start({ PUBLIC_BASE_URL: 'http://cm.test' });
    ev = await matchmakingEvent(t);
    anna = await participant(t, ev, 'Anna Asker', { organisation: { name: 'Lapland Mining Cluster', type: 'CLUSTER' } });
    bernd = await participant(t, ev, 'Bernd Builder', { organisation: { name: 'Saxony Pumps', type: 'SME' } });
    cleo = await participant(t, ev, 'Cleo Chemist');
    dana = await participant(t, ev, 'Dana Drifter'); // met nobody
    annaBernd = await meetingBetween(t, ev, anna, bernd, ev.slots[0].id, 1);
    annaCleo = await meetingBetween(t, ev, anna, cleo, ev.slots[1].id, 1);
    berndCleo = await meetingBetween(t, ev, bernd, cleo, ev.slots[2].id, 2);
    // The event took place a year ago; the organisers marked Anna and Cleo's meeting a no-show.
    await t.db.query(`UPDATE meeting_slot SET starts_at = starts_at - interval '5 years', ends_at = ends_at - interval '5 years' WHERE event_id = $1`, [ev.eventId]);
    await t.ok(MARK, { m: annaCleo.id }, ev.organiser.token);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const reminders = async (roundId: string) =>
    (await t.db.query(
      `SELECT recipient_account_id AS "to", data FROM notification_delivery WHERE kind = 'FOLLOW_UP_REMINDER' AND subject_id = $1 ORDER BY recipient_account_id`,
      [roundId],
    )) as { to: string; data: Record<string, string> }[];

  it('reminds, once, those with a held meeting they have not answered for, three days before the round closes', async () => {
    const now = Date.now();
    const { openFollowUpRound: round } = await t.ok(
      OPEN_ROUND,
      { e: ev.eventId, input: { opensAt: new Date(now - 20 * DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString(), notify: false } },
      ev.organiser.token,
    );
    await t.ok(ANSWER, { r: round.id, m: annaBernd.id }, bernd.token); // Bernd answered for his meeting with Anna
    // Only now does the round close in two days (the app's own quarter-hourly job must not remind before Bernd answers).
    await t.db.query(`UPDATE follow_up_round SET closes_at = $2 WHERE id = $1`, [round.id, new Date(now + 2 * DAY)]);

    // The scheduled job, run now rather than at its next quarter hour.
    await t.app.get(JobQueue, { strict: false }).enqueue(FOLLOW_UP_REMINDERS_QUEUE, {});
    for (let i = 0; i < 300 && (await reminders(round.id)).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    const sent = await reminders(round.id);
    const byPerson = new Map(sent.map((r) => [r.to, r.data]));
    expect([...byPerson.keys()].sort()).toEqual([anna.accountId, bernd.accountId, cleo.accountId].sort());
    // Anna: only Bernd (the meeting with Cleo was a no-show); Bernd: only Cleo (he answered for Anna).
    expect(byPerson.get(anna.accountId)).toMatchObject({ unanswered: '1', meetings: '- Bernd Builder (Saxony Pumps)', roundNumber: '2', url: expect.stringMatching(/^http:\/\/cm\.test\/events\/.+\/meetings$/) });
    expect(byPerson.get(bernd.accountId)).toMatchObject({ unanswered: '1', meetings: '- Cleo Chemist' });
    expect(byPerson.get(cleo.accountId)).toMatchObject({ unanswered: '1', meetings: '- Bernd Builder (Saxony Pumps)' });
    expect(byPerson.has(dana.accountId)).toBe(false);

    // Later runs, and answers given meanwhile, send nothing more.
    await t.ok(ANSWER, { r: round.id, m: berndCleo.id }, cleo.token);
    expect(await t.app.get(FollowUpReminders).run()).toBe(0);
    expect(await reminders(round.id)).toHaveLength(3);
  });

  it('waits while the close is far off, reminds half-way through a short round, and never after the close', async () => {
    const now = Date.now();
    const open = async (opensAt: number, closesAt: number) =>
      (await t.ok(OPEN_ROUND, { e: ev.eventId, input: { opensAt: new Date(opensAt).toISOString(), closesAt: new Date(closesAt).toISOString(), notify: false } }, ev.organiser.token))
        .openFollowUpRound as { id: string };
    const farOff = await open(now - DAY, now + 30 * DAY);
    const shortPastHalf = await open(now - 2 * DAY, now + 1.5 * DAY); // 3.5 days long: half-way was 6 hours ago
    const shortBeforeHalf = await open(now - 0.5 * DAY, now + 2 * DAY); // half-way is in 0.75 days
    const closed = await open(now - 40 * DAY, now - DAY);

    await t.app.get(FollowUpReminders).run();
    expect(await reminders(farOff.id)).toEqual([]);
    expect(await reminders(shortPastHalf.id)).toHaveLength(3);
    expect(await reminders(shortBeforeHalf.id)).toEqual([]);
    expect(await reminders(closed.id)).toEqual([]);
    // Time passes: the far-off round's reminders go out three days before its close.
    expect(await t.app.get(FollowUpReminders).run(new Date(now + 27.5 * DAY))).toBe(3);
    expect(await reminders(farOff.id)).toHaveLength(3);
  });
});
