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
});
