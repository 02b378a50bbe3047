/**
 * Booking rush: 150 participants at once, each sending 5 meeting requests, then answering the
 * requests they received (4 in 5 accepted), then booking a slot for each meeting they asked for
 * ("find a slot", then book it; on a CONFLICT find again), all through the real GraphQL HTTP API
 * on a real PostgreSQL, the API in its own process. Reports throughput, median and p99 latency
 * per operation, the expected CONFLICTs by reason, every other error (must be 0), and a check
 * of the booking invariants afterwards.
 *
 *   npm run build:test && node dist/bench/matchmaking/booking-rush.js [participants=150] [requestsEach=5] [thinkMs=0]
 *
 * thinkMs: mean pause of each participant between two operations (uniform in 0..2×thinkMs), as
 * people clicking through the app; 0 is a saturation test where 150 clients fire back to back.
 */
import { benchEvent, percentile, startBench, timed } from './harness.js';
import { prng } from './synthetic.js';

const N = Number(process.argv[2] ?? 150);
const REQUESTS_EACH = Number(process.argv[3] ?? 5);
const THINK_MS = Number(process.argv[4] ?? 0);
const EXPECTED = new Set(['DUPLICATE_REQUEST', 'MEETING_LIMIT_REACHED', 'PARTICIPANT_BUSY', 'TABLE_TAKEN', 'NO_FREE_TABLE', 'INVALID_STATE']);

const bench = await startBench();
try {
  const { eventId } = await benchEvent(bench, 'booking-rush', {
    windows: [
      { startsAt: '2030-04-26T07:00:00Z', endsAt: '2030-04-26T09:00:00Z' },
      { startsAt: '2030-04-26T11:00:00Z', endsAt: '2030-04-26T13:00:00Z' },
      { startsAt: '2030-04-27T07:00:00Z', endsAt: '2030-04-27T09:00:00Z' },
    ],
    tableCount: 30,
    maxMeetingsPerParticipant: 12,
  });
  const rows: { id: string; email: string }[] = await bench.db.query(
    `INSERT INTO account (email, name, password_hash)
     SELECT 'rush' || g || '@bench.example', 'Rush Participant ' || g, $1 FROM generate_series(1, $2) g RETURNING id, email`,
    [bench.passwordHash, N],
  );
  await bench.db.query(`INSERT INTO participation (event_id, account_id, role, status) SELECT $1, unnest($2::uuid[]), 'PARTICIPANT', 'APPROVED'`, [eventId, rows.map((r) => r.id)]);
  await bench.db.query(`INSERT INTO matchmaking_profile (event_id, account_id) SELECT $1, unnest($2::uuid[])`, [eventId, rows.map((r) => r.id)]);
  const users: { id: string; token: string }[] = [];
  for (let i = 0; i < rows.length; i += 6) {
    users.push(...(await Promise.all(rows.slice(i, i + 6).map(async (r) => ({ id: r.id, token: await bench.login(r.email) })))));
  }

  const rand = prng(7);
  const latencies = new Map<string, number[]>();
  const conflicts = new Map<string, number>();
  const errors: string[] = [];
  const op = async (name: string, query: string, variables: Record<string, unknown>, token: string) => {
    if (THINK_MS > 0) await new Promise((resolve) => setTimeout(resolve, rand() * 2 * THINK_MS));
    const samples = latencies.get(name) ?? [];
    latencies.set(name, samples);
    const res = await timed(samples, () => bench.gql(query, variables, token));
    const error = res.errors?.[0];
    if (error) {
      const reason = error.extensions?.reason;
      if (error.extensions?.code === 'CONFLICT' && EXPECTED.has(reason)) conflicts.set(reason, (conflicts.get(reason) ?? 0) + 1);
      else errors.push(`${name}: ${error.extensions?.code} ${reason ?? ''} ${error.message}`);
      return null;
    }
    return res.data;
  };

  const started = process.hrtime.bigint();
  // 1. Everyone sends five requests to people chosen at random.
  await Promise.all(
    users.map(async (u) => {
      const chosen = new Set<number>();
      while (chosen.size < REQUESTS_EACH) {
        const k = Math.floor(rand() * users.length);
        if (users[k].id !== u.id) chosen.add(k);
      }
      for (const k of chosen) {
        await op(
          'sendMeetingRequest',
          `mutation($e: ID!, $to: ID!) { sendMeetingRequest(eventId: $e, input: { recipientId: $to, message: "Shall we meet?" }) { id } }`,
          { e: eventId, to: users[k].id },
          u.token,
        );
      }
    }),
  );
  // 2. Everyone answers what they received: four in five accepted.
  await Promise.all(
    users.map(async (u) => {
      const data = await op(
        'meetingRequests',
        `query($e: ID!) { meetingRequests(eventId: $e, direction: INCOMING, status: PENDING) { id requester { name } } }`,
        { e: eventId },
        u.token,
      );
      for (const r of data?.meetingRequests ?? []) {
        if (rand() < 0.8) await op('acceptMeetingRequest', `mutation($id: ID!) { acceptMeetingRequest(id: $id) { id } }`, { id: r.id }, u.token);
        else await op('declineMeetingRequest', `mutation($id: ID!) { declineMeetingRequest(id: $id, reason: "Not now") { id } }`, { id: r.id }, u.token);
      }
    }),
  );
  // 3. Requesters book their meetings: find a common free slot with a table, book it; retry on a CONFLICT.
  let booked = 0;
  let unbookable = 0;
  await Promise.all(
    users.map(async (u) => {
      const data = await op(
        'myMeetings',
        `query($e: ID!) { myMeetings(eventId: $e) { id slot { id } requester { accountId } recipient { accountId } } }`,
        { e: eventId },
        u.token,
      );
      const mine = (data?.myMeetings ?? []).filter((m: any) => !m.slot && m.requester.accountId === u.id);
      for (const m of mine) {
        let done = false;
        for (let attempt = 0; attempt < 4 && !done; attempt++) {
          const found = await op(
            'findMeetingSlots',
            `query($e: ID!, $w: ID!) { findMeetingSlots(eventId: $e, withAccountId: $w, first: 3) { slot { id } tableNumber } }`,
            { e: eventId, w: m.recipient.accountId },
            u.token,
          );
          const proposals = found?.findMeetingSlots ?? [];
          if (!proposals.length) break;
          const pick = proposals[Math.floor(rand() * proposals.length)];
          const res = await op('bookMeeting', `mutation($id: ID!, $s: ID!) { bookMeeting(id: $id, slotId: $s) { tableNumber } }`, { id: m.id, s: pick.slot.id }, u.token);
          done = !!res;
        }
        if (done) booked += 1;
        else unbookable += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const [check] = await bench.db.query(
    `SELECT
       (SELECT count(*)::int FROM (SELECT slot_id, account_id FROM meeting_participant GROUP BY 1, 2 HAVING count(*) > 1) x) AS people_twice,
       (SELECT count(*)::int FROM (SELECT slot_id, table_number FROM meeting WHERE status = 'CONFIRMED' AND slot_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) y) AS tables_twice,
       (SELECT count(*)::int FROM meeting m JOIN matchmaking_settings s ON s.event_id = m.event_id WHERE m.table_number > s.table_count) AS tables_out_of_range,
       (SELECT count(*)::int FROM (SELECT x FROM meeting m CROSS JOIN LATERAL (VALUES (m.requester_id), (m.recipient_id)) v(x)
                                    WHERE m.status = 'CONFIRMED' GROUP BY x HAVING count(*) > 12) z) AS over_limit,
       (SELECT count(*)::int FROM meeting m WHERE m.slot_id IS NOT NULL AND m.status = 'CONFIRMED'
          AND (SELECT count(*) FROM meeting_participant mp WHERE mp.meeting_id = m.id) <> 2) AS participant_rows_missing,
       (SELECT count(*)::int FROM (SELECT least(requester_id, recipient_id), greatest(requester_id, recipient_id) FROM meeting_request
                                    WHERE status IN ('PENDING', 'ACCEPTED') GROUP BY 1, 2 HAVING count(*) > 1) w) AS open_pairs_twice,
       (SELECT count(*)::int FROM meeting WHERE slot_id IS NOT NULL) AS meetings_booked,
       (SELECT count(*)::int FROM meeting) AS meetings`,
  );

  const total = [...latencies.values()].reduce((a, s) => a + s.length, 0);
  console.log(`\n${N} participants × ${REQUESTS_EACH} requests, think time ${THINK_MS ? `0–${2 * THINK_MS} ms` : 'none'}; ${total} operations in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(0)} operations/s; Node ${process.version}\n`);
  console.log('| operation | count | median | p99 | max |');
  console.log('|---|---|---|---|---|');
  for (const [name, samples] of latencies) {
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`| ${name} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${sorted.at(-1)!.toFixed(1)} ms |`);
  }
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  console.log(`| all | ${all.length} | ${percentile(all, 50).toFixed(1)} ms | ${percentile(all, 99).toFixed(1)} ms | ${all.at(-1)!.toFixed(1)} ms |`);
  console.log(`\nexpected conflicts: ${JSON.stringify(Object.fromEntries(conflicts))}`);
  console.log(`unexpected errors: ${errors.length}${errors.length ? '\n  ' + errors.slice(0, 10).join('\n  ') : ''}`);
  console.log(`meetings booked by requesters: ${booked}; left without a common free slot: ${unbookable}`);
  console.log(`invariants: ${JSON.stringify(check)}`);
  const broken = check.people_twice + check.tables_twice + check.tables_out_of_range + check.over_limit + check.participant_rows_missing + check.open_pairs_twice;
  if (broken || errors.length) process.exitCode = 1;
} finally {
  await bench.stop();
}
