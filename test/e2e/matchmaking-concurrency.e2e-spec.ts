import { DataSource } from 'typeorm';
import { TokenService } from '../../libs/identity/index.js';
import { BOOK, matchmakingEvent, type MatchmakingEvent } from '../support/matchmaking-fixtures.js';
import { errorCode, TestApp } from '../support/test-app.js';

/**
 * 200 simultaneous booking attempts through real GraphQL HTTP: 100 meetings of one busy person
 * all aiming at the same slot, and 100 unrelated meetings all aiming at the same table of
 * another slot. Exactly one of each group may win; every loser gets a CONFLICT naming what was
 * taken; and the database shows no double booking afterwards.
 */
describe('matchmaking booking under concurrency', () => {
  let t: TestApp;
  let event: MatchmakingEvent;
  beforeAll(async () => {
    t = await TestApp.start();
    event = await matchmakingEvent(t, { tableCount: 120, maxMeetingsPerParticipant: 200 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Accounts approved and taking part, created in SQL to keep the set-up fast; tokens are real. */
  async function people(prefix: string, n: number) {
    const rows: { id: string }[] = await t.db.query(
      `INSERT INTO account (email, name) SELECT $1 || g || '@load.example', $2 || ' ' || g FROM generate_series(1, $3) g RETURNING id`,
      [`${prefix}.`, prefix, n],
    );
    const ids = rows.map((r) => r.id);
    await t.db.query(`INSERT INTO participation (event_id, account_id, role, status) SELECT $1, unnest($2::uuid[]), 'PARTICIPANT', 'APPROVED'`, [event.eventId, ids]);
    await t.db.query(`INSERT INTO matchmaking_profile (event_id, account_id) SELECT $1, unnest($2::uuid[])`, [event.eventId, ids]);
    const tokens = t.app.get(TokenService);
    return Promise.all(ids.map(async (id) => ({ accountId: id, token: (await tokens.issue(id)).token })));
  }

  /** Accepted, unscheduled meetings between the pairs, created in SQL. */
  async function meetings(pairs: [string, string][]): Promise<string[]> {
    const rows: { id: string }[] = await t.db.query(
      `WITH r AS (
         INSERT INTO meeting_request (event_id, requester_id, recipient_id, status)
         SELECT $1, a, b, 'ACCEPTED' FROM unnest($2::uuid[], $3::uuid[]) AS p(a, b) RETURNING id, requester_id, recipient_id)
       INSERT INTO meeting (event_id, request_id, requester_id, recipient_id) SELECT $1, id, requester_id, recipient_id FROM r RETURNING id`,
      [event.eventId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    return rows.map((r) => r.id);
  }

  it('books no one twice and no table twice; losers get a CONFLICT naming what was taken', async () => {
    const [hub] = await people('Hub', 1);
    const partners = await people('Partner', 100);
    const left = await people('Left', 100);
    const right = await people('Right', 100);
    const hubMeetings = await meetings(partners.map((p) => [hub.accountId, p.accountId]));
    const pairMeetings = await meetings(left.map((l, i) => [l.accountId, right[i].accountId]));
    const sameSlot = event.slots[0].id;
    const sameTableSlot = event.slots[1].id;

    const attempts = [
      ...hubMeetings.map((id, i) => ({ group: 'person', run: () => t.gql(BOOK, { id, slotId: sameSlot }, partners[i].token) })),
      ...pairMeetings.map((id, i) => ({ group: 'table', run: () => t.gql(BOOK, { id, slotId: sameTableSlot, tableNumber: 7 }, left[i].token) })),
    ];
    // Interleave the two groups so they hit the server together.
    attempts.sort((a, b) => (a.group === b.group ? 0 : a.group === 'person' ? -1 : 1));
    const results = await Promise.all(attempts.map(async (a) => ({ group: a.group, res: await a.run() })));

    for (const group of ['person', 'table']) {
      const mine = results.filter((r) => r.group === group);
      const wins = mine.filter((r) => !r.res.errors);
      const losses = mine.filter((r) => r.res.errors);
      expect({ group, wins: wins.length, losses: losses.length }).toEqual({ group, wins: 1, losses: 99 });
      for (const loss of losses) {
        expect(errorCode(loss.res)).toBe('CONFLICT');
        const ext = loss.res.errors![0].extensions!;
        if (group === 'person') {
          expect(ext.reason).toBe('PARTICIPANT_BUSY');
          expect(ext.details).toMatchObject({ accountId: hub.accountId, slotId: sameSlot });
          expect(loss.res.errors![0].message).toContain('Hub 1');
        } else {
          expect(ext.reason).toBe('TABLE_TAKEN');
          expect(ext.details).toMatchObject({ tableNumber: 7, slotId: sameTableSlot });
        }
      }
    }

    const [invariants] = await t.db.query(
      `SELECT
         (SELECT count(*)::int FROM (SELECT slot_id, account_id FROM meeting_participant GROUP BY 1, 2 HAVING count(*) > 1) x) AS people_twice,
         (SELECT count(*)::int FROM (SELECT slot_id, table_number FROM meeting WHERE status = 'CONFIRMED' AND slot_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) y) AS tables_twice,
         (SELECT count(*)::int FROM meeting WHERE slot_id IS NOT NULL) AS booked,
         (SELECT count(*)::int FROM meeting_participant) AS participant_rows`,
    );
    expect(invariants).toEqual({ people_twice: 0, tables_twice: 0, booked: 2, participant_rows: 4 });
  });

  it('lets many different pairs share a slot at different tables at once', async () => {
    const left = await people('Solo', 60);
    const right = await people('Mate', 60);
    const ids = await meetings(left.map((l, i) => [l.accountId, right[i].accountId]));
    const slotId = event.slots[2].id;
    const results = await Promise.all(ids.map((id, i) => t.gql(BOOK, { id, slotId }, left[i].token)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const tables = results.map((r) => r.data!.bookMeeting.tableNumber).sort((a: number, b: number) => a - b);
    expect(tables).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  const BLOCK = `mutation($eventId: ID!, $input: AvailabilityBlockInput!) { blockAvailability(eventId: $eventId, input: $input) { id } }`;

  it('a block and a booking of the same time, racing, never both stand: one wins, the other gets a CONFLICT', async () => {
    const left = await people('Racer', 40);
    const right = await people('Blocker', 40);
    const ids = await meetings(left.map((l, i) => [l.accountId, right[i].accountId]));
    const slot = event.slots[3];
    const results = await Promise.all(
      ids.flatMap((id, i) => [
        t.gql(BOOK, { id, slotId: slot.id }, left[i].token).then((res) => ({ what: 'book', res })),
        t.gql(BLOCK, { eventId: event.eventId, input: { startsAt: slot.startsAt, endsAt: slot.endsAt, reason: 'At the airport' } }, right[i].token).then((res) => ({ what: 'block', res })),
      ]),
    );
    for (let i = 0; i < ids.length; i++) {
      const [book, block] = [results[2 * i], results[2 * i + 1]];
      expect([book.res.errors, block.res.errors].filter(Boolean)).toHaveLength(1);
      const loser = book.res.errors ? book : block;
      expect(errorCode(loser.res)).toBe('CONFLICT');
      expect(loser.res.errors![0].extensions!.reason).toBe(loser.what === 'book' ? 'PARTICIPANT_UNAVAILABLE' : 'BLOCK_OVERLAPS_MEETING');
    }
    const [{ overlaps }] = await t.db.query(
      `SELECT count(*)::int AS overlaps FROM meeting_participant mp JOIN meeting_slot s ON s.id = mp.slot_id
         JOIN availability_block b ON b.account_id = mp.account_id AND b.event_id = s.event_id AND b.starts_at < s.ends_at AND b.ends_at > s.starts_at`,
    );
    expect(overlaps).toBe(0);
  });

  it('the database decides the race, not the services: the second writer waits for the first and is refused', async () => {
    const [a] = await people('Early', 1);
    const [b, c] = await people('Late', 2);
    const [first, second] = await meetings([[a.accountId, b.accountId], [c.accountId, a.accountId]]);
    const slot = event.slots[4];
    const block = `INSERT INTO availability_block (event_id, account_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`;
    const book = `UPDATE meeting SET slot_id = $2, table_number = 1 WHERE id = $1`;

    // A block is written and not yet committed; a booking of that time waits for it, then fails.
    const one = t.db.createQueryRunner();
    const two = t.db.createQueryRunner();
    try {
      await one.startTransaction();
      await one.query(block, [event.eventId, b.accountId, slot.startsAt, slot.endsAt]);
      await two.startTransaction();
      const [{ pid }] = await two.query(`SELECT pg_backend_pid() AS pid`);
      const booking = two.query(book, [first, slot.id]).then(
        () => 'booked',
        (error) => error,
      );
      await waitUntilBlockedOnLock(pid);
      await one.commitTransaction();
      const outcome = await booking;
      expect(outcome.driverError?.constraint).toBe('meeting_inside_availability_block');
      await two.rollbackTransaction();

      // And the other way round: a booking not yet committed makes a block of its time wait, then fail.
      await t.app.get(DataSource).query(`DELETE FROM availability_block WHERE account_id = $1`, [b.accountId]);
      await one.startTransaction();
      await one.query(book, [second, slot.id]);
      await two.startTransaction();
      const blocking = two.query(block, [event.eventId, a.accountId, slot.startsAt, slot.endsAt]).then(
        () => 'blocked',
        (error) => error,
      );
      await waitUntilBlockedOnLock(pid);
      await one.commitTransaction();
      expect((await blocking).driverError?.constraint).toBe('availability_block_meeting_overlap');
      await two.rollbackTransaction();
    } finally {
      await one.release();
      await two.release();
    }
  });

  /** Polls pg_stat_activity (from the app's own pool: the test pool's two connections are both in use) until the backend waits on a lock. */
  async function waitUntilBlockedOnLock(pid: number): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const [row] = await t.app.get(DataSource).query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
      if (row?.wait_event_type === 'Lock') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the second writer never waited for the first');
  }
});
