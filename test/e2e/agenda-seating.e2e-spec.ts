import { AgendaEvents, type AgendaDomainEvent } from '../../libs/agenda/index.js';
import { errorCode, TestApp } from '../support/test-app.js';

const TAKE = `mutation($s: ID!, $t: ID) { takeSeat(sessionId: $s, roundTableId: $t) { status waitingPosition roundTableId } }`;
const LEAVE = `mutation($s: ID!) { leaveSeat(sessionId: $s) }`;

/** Seats, waiting lists and promotions under concurrency, through real HTTP requests. */
describe('agenda seats and waiting lists (GraphQL end to end)', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: { token: string; accountId: string };
  let people: { token: string; accountId: string }[];
  const events: AgendaDomainEvent[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    // Promotions are announced at least once: the per-minute job re-announces one it finds between
    // the announcement and its mark (consumers are idempotent). Each is recorded here once.
    const announced = new Set<string>();
    t.app.get(AgendaEvents).subscribe((e) => {
      if (e.type === 'agenda.seat-promoted') {
        if (announced.has(e.promotionId)) return;
        announced.add(e.promotionId);
      }
      events.push(e);
    });
    organiser = await t.signUp('Rita Round-Table');
    const { createEvent } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Seats', slug: 'seats', timeZone: 'Europe/Helsinki', startsOn: '2023-04-26', endsOn: '2023-04-27' } },
      organiser.token,
    );
    eventId = createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: eventId }, organiser.token);
    people = [];
    for (let i = 0; i < 56; i++) {
      const p = await t.signUp(`Racer ${i}`);
      await t.ok(`mutation($e: ID!) { registerForEvent(eventId: $e, consentVersion: "2026-11") { status } }`, { e: eventId }, p.token);
      people.push(p);
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function roundTableSession(seats: number[]) {
    const { createSession } = await t.ok(
      `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`,
      { e: eventId, i: { title: 'Round Table I: Modern Digital Solutions', type: 'ROUND_TABLE', startsAt: '2023-04-26T10:00:00+03:00', endsAt: '2023-04-26T11:30:00+03:00' } },
      organiser.token,
    );
    let tables: { id: string }[] = [];
    for (const [i, n] of seats.entries()) {
      const res = await t.ok(
        `mutation($s: ID!, $i: RoundTableInput!) { addRoundTable(sessionId: $s, input: $i) { roundTables { id } } }`,
        { s: createSession.id, i: { topic: `Table ${i + 1}`, seats: n } },
        organiser.token,
      );
      tables = res.addRoundTable.roundTables;
    }
    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { status } }`, { id: createSession.id }, organiser.token);
    return { sessionId: createSession.id as string, tableIds: tables.map((x) => x.id) };
  }

  it('seats exactly 5 of 50 racing for the last 5 seats, queues 45 in order, and promotes the next 5 when 5 leave', async () => {
    const { sessionId, tableIds } = await roundTableSession([11]);
    const [table] = tableIds;
    // Six seats go first, leaving the last five.
    for (const p of people.slice(50, 56)) expect((await t.ok(TAKE, { s: sessionId, t: table }, p.token)).takeSeat.status).toBe('SEATED');

    const racers = people.slice(0, 50);
    const results = await Promise.all(racers.map((p) => t.gql(TAKE, { s: sessionId, t: table }, p.token)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const seated = results.filter((r) => r.data!.takeSeat.status === 'SEATED');
    const waiting = results.filter((r) => r.data!.takeSeat.status === 'WAITING');
    expect(seated).toHaveLength(5);
    expect(waiting).toHaveLength(45);
    // The places in line are 1..45, each given once.
    expect(waiting.map((r) => r.data!.takeSeat.waitingPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));

    const [{ seated: counter, seats }] = await t.db.query(`SELECT seated, seats FROM agenda_round_table WHERE id = $1`, [table]);
    expect({ counter, seats }).toEqual({ counter: 11, seats: 11 });
    const queue: { account_id: string }[] = await t.db.query(
      `SELECT account_id FROM agenda_seat WHERE round_table_id = $1 AND status = 'WAITING' ORDER BY queue_no`,
      [table],
    );
    expect(queue).toHaveLength(45);

    // Five seated racers leave at once: the first five in line move up, in arrival order.
    const leavers = racers.filter((_, i) => results[i].data!.takeSeat.status === 'SEATED');
    events.length = 0;
    const left = await Promise.all(leavers.map((p) => t.gql(LEAVE, { s: sessionId }, p.token)));
    expect(left.map((r) => r.data?.leaveSeat)).toEqual([true, true, true, true, true]);
    const promotedIds = queue.slice(0, 5).map((q) => q.account_id).sort();
    const nowSeated: { account_id: string }[] = await t.db.query(`SELECT account_id FROM agenda_seat WHERE round_table_id = $1 AND status = 'SEATED'`, [table]);
    expect(nowSeated).toHaveLength(11);
    expect(nowSeated.map((r) => r.account_id)).toEqual(expect.arrayContaining(promotedIds));
    const stillWaiting: { account_id: string }[] = await t.db.query(
      `SELECT account_id FROM agenda_seat WHERE round_table_id = $1 AND status = 'WAITING' ORDER BY queue_no`,
      [table],
    );
    expect(stillWaiting.map((r) => r.account_id)).toEqual(queue.slice(5).map((q) => q.account_id));

    // Promotions are recorded and emitted.
    const recorded: { account_id: string; published_at: Date | null }[] = await t.db.query(
      `SELECT account_id, published_at FROM agenda_promotion WHERE round_table_id = $1`,
      [table],
    );
    expect(recorded.map((r) => r.account_id).sort()).toEqual(promotedIds);
    expect(recorded.every((r) => r.published_at !== null)).toBe(true);
    expect(events.filter((e) => e.type === 'agenda.seat-promoted').map((e) => (e as { accountId: string }).accountId).sort()).toEqual(promotedIds);

    // The first still waiting sees position 1 in their agenda.
    const first = people.find((p) => p.accountId === stillWaiting[0].account_id)!;
    const { myAgenda } = await t.ok(`query($e: ID!) { myAgenda(eventId: $e) { reasons waitingPosition } }`, { e: eventId }, first.token);
    expect(myAgenda).toEqual([{ reasons: ['WAITING'], waitingPosition: 1 }]);
  });

  it('gives one person at most one seat per round-table session, even when racing themselves', async () => {
    const { sessionId, tableIds } = await roundTableSession([3, 3, 3]);
    const me = people[0];
    const results = await Promise.all(tableIds.map((id) => t.gql(TAKE, { s: sessionId, t: id }, me.token)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) {
      expect(errorCode(r)).toBe('CONFLICT');
      expect(r.errors?.[0]?.extensions?.reason).toBe('ALREADY_SEATED');
    }
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM agenda_seat WHERE session_id = $1 AND account_id = $2`, [sessionId, me.accountId]);
    expect(n).toBe(1);
    expect(errorCode(await t.gql(TAKE, { s: sessionId }, me.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(TAKE, { s: sessionId, t: '00000000-0000-0000-0000-000000000000' }, people[1].token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(LEAVE, { s: sessionId }, people[2].token))).toBe('NOT_FOUND');
  });

  it('lets the database refuse an over-full table whatever the application does', async () => {
    const { sessionId, tableIds } = await roundTableSession([1]);
    await t.ok(TAKE, { s: sessionId, t: tableIds[0] }, people[0].token);
    await expect(
      t.db.query(`INSERT INTO agenda_seat (event_id, session_id, round_table_id, account_id, status, seated_at) VALUES ($1, $2, $3, $4, 'SEATED', now())`, [
        eventId,
        sessionId,
        tableIds[0],
        people[1].accountId,
      ]),
    ).rejects.toMatchObject({ code: '23514' });
    // Fewer seats than taken is refused; more seats promote those waiting.
    await t.ok(TAKE, { s: sessionId, t: tableIds[0] }, people[1].token);
    await t.ok(TAKE, { s: sessionId, t: tableIds[0] }, people[2].token);
    const update = `mutation($id: ID!, $seats: Int!) { updateRoundTable(id: $id, input: { seats: $seats }) { roundTables { seats seated waiting } } }`;
    const raised = await t.ok(update, { id: tableIds[0], seats: 2 }, organiser.token);
    expect(raised.updateRoundTable.roundTables[0]).toEqual({ seats: 2, seated: 2, waiting: 1 });
    const lowered = await t.gql(update, { id: tableIds[0], seats: 1 }, organiser.token);
    expect(lowered.errors?.[0]?.extensions?.reason).toBe('SEATS_BELOW_TAKEN');
  });

  it('runs a waiting list for sessions with a capacity and ignores drafts and cancelled sessions', async () => {
    const { createSession } = await t.ok(
      `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`,
      { e: eventId, i: { title: 'Mine-site visit', type: 'SOCIAL', capacity: 2, startsAt: '2023-04-27T14:00:00+03:00', endsAt: '2023-04-27T17:00:00+03:00' } },
      organiser.token,
    );
    const s = createSession.id;
    expect(errorCode(await t.gql(TAKE, { s }, people[0].token))).toBe('NOT_FOUND'); // a draft does not exist for participants
    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { status } }`, { id: s }, organiser.token);
    const statuses = [];
    for (const p of people.slice(0, 4)) statuses.push((await t.ok(TAKE, { s }, p.token)).takeSeat);
    expect(statuses.map((x) => x.status)).toEqual(['SEATED', 'SEATED', 'WAITING', 'WAITING']);
    expect(errorCode(await t.gql(TAKE, { s }, people[0].token))).toBe('CONFLICT');
    await t.ok(`mutation($s: ID!, $a: ID!) { removeSeat(sessionId: $s, accountId: $a) }`, { s, a: people[1].accountId }, organiser.token);
    const { sessionSeats } = await t.ok(`query($s: ID!) { sessionSeats(sessionId: $s) { accountId status waitingPosition } }`, { s }, organiser.token);
    expect(sessionSeats).toEqual([
      { accountId: people[0].accountId, status: 'SEATED', waitingPosition: null },
      { accountId: people[2].accountId, status: 'SEATED', waitingPosition: null },
      { accountId: people[3].accountId, status: 'WAITING', waitingPosition: 1 },
    ]);
    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: CANCELLED) { status } }`, { id: s }, organiser.token);
    expect((await t.gql(TAKE, { s }, people[5].token)).errors?.[0]?.extensions?.reason).toBe('SESSION_NOT_OPEN');
  });

  const MOVE = `mutation($s: ID!, $t: ID!) { moveSeat(sessionId: $s, roundTableId: $t) { status roundTableId waitingPosition } }`;
  const tableCounts = async (ids: string[]) =>
    (await t.db.query(
      `SELECT rt.id, rt.seated, rt.seats, (SELECT count(*)::int FROM agenda_seat s WHERE s.round_table_id = rt.id AND s.status = 'SEATED') AS rows
         FROM agenda_round_table rt WHERE rt.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], rt.id)`,
      [ids],
    )) as { id: string; seated: number; seats: number; rows: number }[];

  it('moves someone to another table in one step: the old seat goes to the first in line, a full table keeps them where they were', async () => {
    const { sessionId: s, tableIds: [one, two, three] } = await roundTableSession([2, 1, 3]);
    const [anna, bert, cleo, dana, emil] = people.slice(0, 5);
    for (const [p, table] of [[anna, one], [bert, one], [cleo, one], [dana, two]] as const) await t.ok(TAKE, { s, t: table }, p.token);
    events.length = 0;
    // Anna may hold a "Table 3" seat from an earlier test's race, so count what the move adds.
    const confirmationsAtTableThree = async (): Promise<number> =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM notification_delivery WHERE kind = 'SEAT_CONFIRMED' AND recipient_account_id = $1 AND data->>'title' LIKE '%Table 3%'`,
          [anna.accountId],
        )
      )[0].n;
    const confirmationsBefore = await confirmationsAtTableThree();

    const moved = (await t.ok(MOVE, { s, t: three }, anna.token)).moveSeat;
    expect(moved).toEqual({ status: 'SEATED', roundTableId: three, waitingPosition: null });
    // Cleo, first in line at table one, has Anna's seat now, and is told.
    const { sessionSeats } = await t.ok(`query($s: ID!) { sessionSeats(sessionId: $s) { accountId status roundTableId } }`, { s }, organiser.token);
    expect(sessionSeats).toEqual(
      expect.arrayContaining([
        { accountId: anna.accountId, status: 'SEATED', roundTableId: three },
        { accountId: bert.accountId, status: 'SEATED', roundTableId: one },
        { accountId: cleo.accountId, status: 'SEATED', roundTableId: one },
      ]),
    );
    expect(events.filter((e) => e.type === 'agenda.seat-promoted').map((e) => (e as { accountId: string }).accountId)).toEqual([cleo.accountId]);
    // Anna's confirmation of her new seat is in the outbox, written with the move.
    expect((await confirmationsAtTableThree()) - confirmationsBefore).toBe(1);

    // Table two is full: Bert is refused and keeps his seat.
    const full = await t.gql(MOVE, { s, t: two }, bert.token);
    expect(errorCode(full)).toBe('CONFLICT');
    expect(full.errors![0].extensions).toMatchObject({ reason: 'TABLE_FULL', field: 'roundTableId' });
    expect(full.errors![0].message).toBe('Every seat at "Table 2" is taken; you keep your seat where you are.');
    expect((await tableCounts([one, two, three])).map((c) => c.seated)).toEqual([2, 1, 1]);

    // Same table: nothing changes. Wrong input: clear refusals.
    expect((await t.ok(MOVE, { s, t: one }, bert.token)).moveSeat).toMatchObject({ status: 'SEATED', roundTableId: one });
    expect((await t.gql(MOVE, { s, t: '00000000-0000-4000-8000-000000000000' }, bert.token)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_ROUND_TABLE' });
    expect((await t.gql(MOVE, { s, t: three }, emil.token)).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_SEATED' });
    expect(errorCode(await t.gql(MOVE, { s, t: three }))).toBe('UNAUTHENTICATED');
    const outsider = await t.signUp('Nora Not-Registered');
    expect(errorCode(await t.gql(MOVE, { s, t: three }, outsider.token))).toBe('FORBIDDEN');
  });

  it('keeps every count right when people move both ways between two tables at once', async () => {
    const { sessionId: s, tableIds: [x, y] } = await roundTableSession([8, 8]);
    const atX = people.slice(10, 18);
    const atY = people.slice(18, 23);
    for (const p of atX) await t.ok(TAKE, { s, t: x }, p.token);
    for (const p of atY) await t.ok(TAKE, { s, t: y }, p.token);

    const moves = [...atX.slice(0, 6).map((p) => ({ p, to: y })), ...atY.slice(0, 4).map((p) => ({ p, to: x }))];
    const results = await Promise.all(moves.map(({ p, to }) => t.gql(MOVE, { s, t: to }, p.token)));
    for (const r of results) if (r.errors) expect(r.errors[0].extensions?.reason).toBe('TABLE_FULL'); // never a deadlock or an internal error
    expect(results.filter((r) => !r.errors).length).toBeGreaterThanOrEqual(3);

    const counts = await tableCounts([x, y]);
    for (const c of counts) {
      expect(c.seated).toBe(c.rows);
      expect(c.seated).toBeLessThanOrEqual(c.seats);
    }
    expect(counts[0].seated + counts[1].seated).toBe(13);
    const [{ n, people: distinct }] = await t.db.query(`SELECT count(*)::int AS n, count(DISTINCT account_id)::int AS people FROM agenda_seat WHERE session_id = $1`, [s]);
    expect({ n, distinct }).toEqual({ n: 13, distinct: 13 });
    // Each mover is where their answer says.
    for (const [i, r] of results.entries()) {
      const [{ round_table_id }] = await t.db.query(`SELECT round_table_id FROM agenda_seat WHERE session_id = $1 AND account_id = $2`, [s, moves[i].p.accountId]);
      expect(round_table_id).toBe(r.errors ? (moves[i].to === x ? y : x) : moves[i].to);
    }
  });
});
