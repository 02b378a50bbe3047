/**
 * Recommendation latency through the real GraphQL HTTP API (the API in its own process):
 * for one participant of the demo event (≈150 people) and of a synthetic event of 5,000
 * participants (synthetic.ts, inserted in SQL). The first request after a change builds the
 * event's term index ("cold"); later ones reuse it until a profile, entry or registration of
 * the event changes. Sequential requests, median and p95 of `repeats`.
 *
 *   npm run build:test && node dist/bench/matchmaking/recommendations-latency.js [repeats=30]
 */
import { DEMO_EVENT, DEMO_PASSWORD, seedDemo } from '../../libs/demo/index.js';
import { benchEvent, percentile, startBench, timed } from './harness.js';
import { syntheticEvent } from './synthetic.js';

const REPEATS = Number(process.argv[2] ?? 30);
const QUERY = `query($e: ID!) { matchmakingRecommendations(eventId: $e, first: 10) {
  score participant { accountId name organisation { name type country region } offers { title } seeks { title } }
  reasons { kind text points data { similarity matchedTerms shared } } } }`;

const bench = await startBench();
try {
  const results: string[] = [];
  const measure = async (label: string, eventId: string, token: string, people: number, touch: () => Promise<void>) => {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      await touch();
      const res = await timed(cold, () => bench.gql(QUERY, { e: eventId }, token));
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    }
    for (let i = 0; i < REPEATS; i++) await timed(warm, () => bench.gql(QUERY, { e: eventId }, token));
    cold.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);
    results.push(`| ${label} | ${people} | ${percentile(cold, 50).toFixed(1)} ms | ${percentile(warm, 50).toFixed(1)} ms | ${percentile(warm, 95).toFixed(1)} ms |`);
  };

  // The demo event, as `npm start` seeds it; the demo participant asks.
  await seedDemo(bench.db);
  const [{ id: demoId }] = await bench.db.query(`SELECT id FROM event WHERE slug = $1`, [DEMO_EVENT.slug]);
  const [{ n: demoPeople }] = await bench.db.query(`SELECT count(*)::int AS n FROM matchmaking_profile WHERE event_id = $1 AND taking_part`, [demoId]);
  const paula = (await bench.gql(`mutation { login(email: "participant@cmr-kittila.example", password: "${DEMO_PASSWORD}") { token } }`)).data.login.token;
  const touchProfile = (eventId: string, token: string) => async () => {
    const res = await bench.gql(
      `mutation($e: ID!, $p: String) { updateMatchmakingProfile(eventId: $e, input: { pitch: $p }) { accountId } }`,
      { e: eventId, p: `Pitch ${Math.random()}` },
      token,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  };
  await measure('demo (Kittilä)', demoId, paula, demoPeople, touchProfile(demoId, paula));

  // 5,000 synthetic participants, each with two offers and two requests.
  const { eventId: bigId } = await benchEvent(bench, 'recommendations-5000', { themes: ['critical raw materials', 'circular economy', 'digitalisation', 'water', 'mining technology', 'education', 'social acceptance', 'investment'] });
  const people = syntheticEvent(5000, 11);
  const accounts: { id: string }[] = await bench.db.query(
    `INSERT INTO account (email, name, password_hash) SELECT 'big' || g || '@bench.example', 'Synthetic ' || g, $1 FROM generate_series(0, $2 - 1) g RETURNING id`,
    [bench.passwordHash, people.length],
  );
  const idOf = new Map(people.map((p, i) => [p.accountId, accounts[i].id]));
  const orgs: { id: string }[] = await bench.db.query(
    `INSERT INTO organisation (name, type, country, region)
     SELECT 'Synthetic organisation ' || g, t, c, r FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(t, c, r, g) RETURNING id`,
    [people.map((p) => p.organisationType), people.map((p) => p.country), people.map((p) => p.region)],
  );
  await bench.db.query(`UPDATE account a SET organisation_id = x.o FROM unnest($1::uuid[], $2::uuid[]) AS x(a, o) WHERE a.id = x.a`, [accounts.map((a) => a.id), orgs.map((o) => o.id)]);
  await bench.db.query(`INSERT INTO participation (event_id, account_id, role, status) SELECT $1, unnest($2::uuid[]), 'PARTICIPANT', 'APPROVED'`, [bigId, accounts.map((a) => a.id)]);
  await bench.db.query(
    `INSERT INTO matchmaking_profile (event_id, account_id, themes) SELECT $1, a, string_to_array(t, '|') FROM unnest($2::uuid[], $3::text[]) AS x(a, t)`,
    [bigId, accounts.map((a) => a.id), people.map((p) => p.themes.join('|'))],
  );
  const entries = people.flatMap((p) => [
    ...p.offers.map((e) => [idOf.get(p.accountId)!, 'OFFER', e.title]),
    ...p.seeks.map((e) => [idOf.get(p.accountId)!, 'SEEK', e.title]),
  ]);
  await bench.db.query(
    `INSERT INTO marketplace_entry (event_id, account_id, direction, kind, title) SELECT $1, a, d, 'EXPERTISE', t FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(a, d, t)`,
    [bigId, entries.map((e) => e[0]), entries.map((e) => e[1]), entries.map((e) => e[2])],
  );
  const asker = await bench.login('big0@bench.example');
  await measure('synthetic', bigId, asker, people.length, touchProfile(bigId, asker));

  console.log(`\nsequential requests over HTTP, 10 recommendations with reasons; Node ${process.version}\n`);
  console.log('| event | participants taking part | cold (index rebuilt) median | warm median | warm p95 |');
  console.log('|---|---|---|---|---|');
  for (const row of results) console.log(row);
} finally {
  await bench.stop();
}
