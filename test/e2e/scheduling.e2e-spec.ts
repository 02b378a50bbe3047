import { matchmakingEvent, meetingBetween, participant, type MatchmakingEvent } from '../support/matchmaking-fixtures.js';
import { errorCode, type GraphQLResponse, TestApp } from '../support/test-app.js';

const RUN_FIELDS = `id status placed upperBound ratio weight peopleWithNone meetingsTotal error
  assignments { meetingId slot { id } tableNumber locked booked people { accountId name } }
  unplaced { meetingId reason message commonSlots people { name } }`;
const START = `mutation($e: ID!) { startSchedulingRun(eventId: $e, options: { timeLimitSeconds: 1, seed: 3 }) { id status } }`;
const RUN = `query($e: ID!, $r: ID) { schedulingRun(eventId: $e, runId: $r) { ${RUN_FIELDS} } }`;
const MOVE = `mutation($e: ID!, $m: ID!, $s: ID!, $t: Int!) { moveDraftMeeting(eventId: $e, meetingId: $m, slotId: $s, tableNumber: $t) { id placed } }`;
const PUBLISH = `mutation($e: ID!, $r: ID!) { publishSchedulingRun(eventId: $e, runId: $r) { id status } }`;

const reason = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.reason;

describe('organiser scheduler (GraphQL, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.stop());

  async function draftOf(event: MatchmakingEvent, runId: string) {
    // Wait for the background job (a condition, not a clock).
    for (let i = 0; i < 600; i++) {
      const { schedulingRun } = await t.ok(RUN, { e: event.eventId, r: runId }, event.organiser.token);
      if (schedulingRun.status === 'DRAFT' || schedulingRun.status === 'FAILED') return schedulingRun;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("scheduling run did not finish");
  }

  /** Independent of the service: checks a stored draft with plain SQL against the rules. */
  async function checkStoredDraft(runId: string) {
    const twice = await t.db.query(
      `SELECT p.person, a.slot_id, count(*) FROM scheduling_run_assignment a JOIN meeting m ON m.id = a.meeting_id
         CROSS JOIN LATERAL (VALUES (m.requester_id), (m.recipient_id)) p(person)
        WHERE a.run_id = $1 GROUP BY 1, 2 HAVING count(*) > 1`,
      [runId],
    );
    expect(twice).toEqual([]);
    const tables = await t.db.query(
      `SELECT a.slot_id FROM scheduling_run_assignment a JOIN scheduling_run r ON r.id = a.run_id
         JOIN matchmaking_settings s ON s.event_id = r.event_id
        WHERE a.run_id = $1 AND a.table_number > s.table_count`,
      [runId],
    );
    expect(tables).toEqual([]);
    const blocked = await t.db.query(
      `SELECT a.meeting_id FROM scheduling_run_assignment a JOIN meeting m ON m.id = a.meeting_id JOIN meeting_slot sl ON sl.id = a.slot_id
         JOIN availability_block b ON b.event_id = m.event_id AND b.account_id IN (m.requester_id, m.recipient_id)
        WHERE a.run_id = $1 AND NOT a.booked AND b.starts_at < sl.ends_at AND sl.starts_at < b.ends_at`,
      [runId],
    );
    expect(blocked).toEqual([]);
    const bothLists = await t.db.query(
      `SELECT meeting_id FROM scheduling_run_assignment WHERE run_id = $1 INTERSECT SELECT meeting_id FROM scheduling_run_unplaced WHERE run_id = $1`,
      [runId],
    );
    expect(bothLists).toEqual([]);
  }

  it('drafts, moves and locks, re-runs keeping locks, refuses a publish that conflicts, then publishes and notifies', async () => {
    const event = await matchmakingEvent(t, { mode: 'ORGANISER_SCHEDULES' });
    const org = event.organiser.token;
    const [a, b, c, d, e] = [
      await participant(t, event, 'Ada Sched'),
      await participant(t, event, 'Ben Sched'),
      await participant(t, event, 'Cai Sched'),
      await participant(t, event, 'Dee Sched'),
      await participant(t, event, 'Eli Sched'),
    ];
    // Eli is away the whole time: Dee–Eli has no common free slot.
    await t.ok(
      `mutation($e: ID!, $input: AvailabilityBlockInput!) { blockAvailability(eventId: $e, input: $input) { id } }`,
      { e: event.eventId, input: { startsAt: '2030-04-26T00:00:00Z', endsAt: '2030-04-28T00:00:00Z', reason: 'travelling' } },
      e.token,
    );
    const ab = await meetingBetween(t, event, a, b);
    const ac = await meetingBetween(t, event, a, c);
    const bc = await meetingBetween(t, event, b, c);
    const cd = await meetingBetween(t, event, c, d);
    const de = await meetingBetween(t, event, d, e);

    // Access: organisers of this event only.
    expect(errorCode(await t.gql(START, { e: event.eventId }, a.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(START, { e: event.eventId }))).toBe('UNAUTHENTICATED');

    const first = (await t.ok(START, { e: event.eventId }, org)).startSchedulingRun;
    expect(first.status).toBe('QUEUED');
    const draft = await draftOf(event, first.id);
    expect(draft.error).toBeNull();
    expect(draft).toMatchObject({ status: 'DRAFT', placed: 4, upperBound: 4, ratio: 1, meetingsTotal: 5, peopleWithNone: 1 });
    expect(draft.unplaced).toEqual([
      expect.objectContaining({ meetingId: de.id, reason: 'NO_COMMON_FREE_SLOT', commonSlots: 0, message: expect.stringContaining('No common free slot') }),
    ]);
    await checkStoredDraft(first.id);

    // Moves obey the scheduler's constraints, with coded errors.
    const used = new Set(draft.assignments.map((x: any) => `${x.slot.id}/${x.tableNumber}`));
    const busy = (id: string) => new Set(draft.assignments.filter((x: any) => x.people.some((p: any) => p.accountId === id)).map((x: any) => x.slot.id));
    const target = event.slots.find((s) => !busy(a.accountId).has(s.id) && !busy(b.accountId).has(s.id) && !used.has(`${s.id}/3`))!;
    expect(reason(await t.gql(MOVE, { e: event.eventId, m: de.id, s: target.id, t: 3 }, org))).toBe('PARTICIPANT_UNAVAILABLE');
    expect(reason(await t.gql(MOVE, { e: event.eventId, m: ab.id, s: target.id, t: 9 }, org))).toBe('TABLE_OUT_OF_RANGE');
    await t.ok(MOVE, { e: event.eventId, m: ab.id, s: target.id, t: 3 }, org);
    expect(reason(await t.gql(MOVE, { e: event.eventId, m: ac.id, s: target.id, t: 2 }, org))).toBe('PARTICIPANT_BUSY');
    expect(errorCode(await t.gql(MOVE, { e: event.eventId, m: ac.id, s: target.id, t: 2 }, c.token))).toBe('FORBIDDEN');
    await t.ok(`mutation($e: ID!, $m: ID!) { lockDraftMeeting(eventId: $e, meetingId: $m) { id } }`, { e: event.eventId, m: cd.id }, org);
    const cdPlace = (await draftOf(event, first.id)).assignments.find((x: any) => x.meetingId === cd.id);
    await checkStoredDraft(first.id);

    // Re-run: supersedes the draft and keeps the locked meetings where they are.
    const second = (await t.ok(START, { e: event.eventId }, org)).startSchedulingRun;
    const redraft = await draftOf(event, second.id);
    expect((await t.ok(RUN, { e: event.eventId, r: first.id }, org)).schedulingRun.status).toBe('SUPERSEDED');
    expect(redraft.assignments.find((x: any) => x.meetingId === ab.id)).toMatchObject({ slot: { id: target.id }, tableNumber: 3, locked: true });
    expect(redraft.assignments.find((x: any) => x.meetingId === cd.id)).toMatchObject({ slot: cdPlace.slot, tableNumber: cdPlace.tableNumber, locked: true });
    expect(redraft.placed).toBe(4);
    await checkStoredDraft(second.id);
    expect(reason(await t.gql(PUBLISH, { e: event.eventId, r: first.id }, org))).toBe('RUN_NOT_DRAFT');

    // Someone books a new meeting by hand into Ada–Ben's place between draft and publish.
    const f = await participant(t, event, 'Fay Manual');
    const g = await participant(t, event, 'Gus Manual');
    const fg = await meetingBetween(t, event, f, g);
    await t.ok(`mutation($id: ID!, $s: ID!, $t: Int) { bookMeeting(id: $id, slotId: $s, tableNumber: $t) { id } }`, { id: fg.id, s: target.id, t: 3 }, org);
    const conflict = await t.gql(PUBLISH, { e: event.eventId, r: second.id }, org);
    expect(errorCode(conflict)).toBe('CONFLICT');
    expect(reason(conflict)).toBe('TABLE_TAKEN');
    const applied = await t.db.query(`SELECT count(*)::int AS n FROM meeting WHERE id = ANY($1::uuid[]) AND slot_id IS NOT NULL`, [[ab.id, ac.id, bc.id, cd.id, de.id]]);
    expect(applied[0].n).toBe(0);
    expect((await t.ok(RUN, { e: event.eventId, r: second.id }, org)).schedulingRun.status).toBe('DRAFT');

    // Move Ada–Ben elsewhere, then publish.
    const third = (await t.ok(START, { e: event.eventId }, org)).startSchedulingRun;
    const last = await draftOf(event, third.id);
    expect(last.assignments.find((x: any) => x.meetingId === fg.id)).toMatchObject({ booked: true, locked: true });
    await checkStoredDraft(third.id);
    const published = (await t.ok(PUBLISH, { e: event.eventId, r: third.id }, org)).publishSchedulingRun;
    expect(published.status).toBe('PUBLISHED');
    const booked = await t.db.query(
      `SELECT m.id, m.slot_id, m.table_number FROM meeting m JOIN scheduling_run_assignment a ON a.meeting_id = m.id AND a.run_id = $1`,
      [third.id],
    );
    for (const row of booked) {
      const x = last.assignments.find((y: any) => y.meetingId === row.id);
      expect({ slot: row.slot_id, table: row.table_number }).toEqual({ slot: x.slot.id, table: x.tableNumber });
    }
    expect((await t.db.query(`SELECT slot_id FROM meeting WHERE id = $1`, [de.id]))[0].slot_id).toBeNull();
    // Invariants after publishing.
    expect(await t.db.query(`SELECT slot_id, account_id FROM meeting_participant GROUP BY 1, 2 HAVING count(*) > 1`)).toEqual([]);
    expect(await t.db.query(`SELECT slot_id, table_number FROM meeting WHERE status = 'CONFIRMED' AND slot_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`)).toEqual([]);
    const notified = await t.db.query(
      `SELECT count(*)::int AS n FROM notification_delivery WHERE kind = 'MEETING_SCHEDULED' AND subject_id = ANY($1::text[])`,
      [[ab.id, ac.id, bc.id, cd.id]],
    );
    expect(notified[0].n).toBe(8);
    expect(reason(await t.gql(PUBLISH, { e: event.eventId, r: third.id }, org))).toBe('RUN_NOT_DRAFT');
  }, 180_000); // three scheduler runs and their set-up
});
