/**
 * Agenda read benchmark: the full `agenda` GraphQL query on the demo event and on a synthetic
 * event ten times larger, at 10 concurrent clients over real HTTP, against the floor: the same
 * data fetched by one hand-written SQL statement through `pg`, measured in the same run.
 *
 *   npm run build:test && node dist/bench/agenda/agenda-bench.js [requestsPerClient=40]
 *
 * Uses TEST_DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder.
 */
import pg from 'pg';
import { DataSource } from 'typeorm';
import { DEMO_EVENT, seedDemo } from '../../libs/demo/index.js';
import { ENV_ADMIN_URL, ENV_TEMPLATE, startTestPostgres } from '../../test/support/test-postgres.js';
import { TestApp } from '../../test/support/test-app.js';

const CLIENTS = 10;
const PER_CLIENT = Number(process.argv[2] ?? 40);

const AGENDA = `query($e: ID!) { agenda(eventId: $e) { timeZone
  rooms { id name capacity location } tracks { id name colour }
  days { date sessions { id title description type status revision startsAt endsAt day capacity seated waiting language
    room { id name } track { id name colour }
    people { accountId name organisationName role position }
    roundTables { id topic hostName seats seated waiting } } } } }`;

/** The floor: everything the query above returns, in one statement, JSON built by PostgreSQL. */
const FLOOR_SQL = `
  SELECT json_build_object(
    'rooms', (SELECT json_agg(r ORDER BY r.position) FROM agenda_room r WHERE r.event_id = e.id),
    'tracks', (SELECT json_agg(t ORDER BY t.name) FROM agenda_track t WHERE t.event_id = e.id),
    'sessions', (SELECT json_agg(json_build_object(
        'id', s.id, 'title', s.title, 'description', s.description, 'type', s.type, 'status', s.status, 'revision', s.revision,
        'startsAt', s.starts_at, 'endsAt', s.ends_at, 'day', to_char(s.starts_at AT TIME ZONE e.time_zone, 'YYYY-MM-DD'),
        'capacity', s.capacity, 'seated', s.seated, 'language', s.language,
        'waiting', (SELECT count(*) FROM agenda_seat w WHERE w.session_id = s.id AND w.round_table_id IS NULL AND w.status = 'WAITING'),
        'room', (SELECT json_build_object('id', r.id, 'name', r.name) FROM agenda_room r WHERE r.id = s.room_id),
        'track', (SELECT json_build_object('id', t.id, 'name', t.name, 'colour', t.colour) FROM agenda_track t WHERE t.id = s.track_id),
        'people', (SELECT json_agg(json_build_object('accountId', a.id, 'name', a.name, 'organisationName', o.name, 'role', sp.role, 'position', sp.position) ORDER BY sp.position)
                     FROM agenda_session_person sp JOIN account a ON a.id = sp.account_id LEFT JOIN organisation o ON o.id = a.organisation_id
                    WHERE sp.session_id = s.id),
        'roundTables', (SELECT json_agg(json_build_object('id', rt.id, 'topic', rt.topic, 'hostName', h.name, 'seats', rt.seats, 'seated', rt.seated,
                          'waiting', (SELECT count(*) FROM agenda_seat w WHERE w.round_table_id = rt.id AND w.status = 'WAITING')) ORDER BY rt.position)
                          FROM agenda_round_table rt LEFT JOIN account h ON h.id = rt.host_account_id WHERE rt.session_id = s.id)
      ) ORDER BY s.starts_at, s.title)
      FROM agenda_session s WHERE s.event_id = e.id AND s.status IN ('PUBLISHED', 'CANCELLED'))
  ) AS agenda
  FROM event e WHERE e.id = $1`;

async function main() {
  const postgres = await startTestPostgres(process.env);
  process.env[ENV_ADMIN_URL] = postgres.adminUrl;
  process.env[ENV_TEMPLATE] = postgres.template;
  const t = await TestApp.start();
  try {
    await seedDemo(t.db);
    const [{ id: demoId }] = await t.db.query(`SELECT id FROM event WHERE slug = $1`, [DEMO_EVENT.slug]);
    const bigId = await tenTimesLarger(t.db, demoId);
    const pool = new pg.Pool({ connectionString: (t.db.options as { url: string }).url, max: CLIENTS });
    const rows: string[] = [];
    for (const [label, eventId] of [
      ['demo (Kittilä)', demoId],
      ['synthetic ×10', bigId],
    ] as const) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM agenda_session WHERE event_id = $1`, [eventId]);
      const statements = await statementsPerRequest(t, eventId);
      // Warm-up, then the measured runs, API and floor alternately in the same process.
      await load(CLIENTS, 5, () => request(t, eventId));
      await load(CLIENTS, 5, () => pool.query(FLOOR_SQL, [eventId]));
      const api = await load(CLIENTS, PER_CLIENT, () => request(t, eventId));
      const floor = await load(CLIENTS, PER_CLIENT, () => pool.query(FLOOR_SQL, [eventId]));
      rows.push(
        `| ${label} | ${n} | ${statements} | ${ms(api.median)} | ${ms(api.p99)} | ${ms(floor.median)} | ${ms(floor.p99)} | ${(api.median / floor.median).toFixed(2)}× |`,
      );
    }
    await pool.end();
    console.log(`\n${CLIENTS} concurrent clients × ${PER_CLIENT} requests each; Node ${process.version}; PostgreSQL ${(await t.db.query('SHOW server_version'))[0].server_version}\n`);
    console.log('| event | sessions | SQL statements / request | API median | API p99 | floor median | floor p99 | API / floor (median) |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await t.stop();
    await postgres.stop();
  }
}

async function request(t: TestApp, eventId: string) {
  const res = await t.gql(AGENDA, { e: eventId });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

async function statementsPerRequest(t: TestApp, eventId: string): Promise<number> {
  const logger = t.app.get(DataSource).logger as { logQuery: (...args: unknown[]) => unknown };
  const original = logger.logQuery.bind(logger);
  let count = 0;
  logger.logQuery = (...args: unknown[]) => {
    count++;
    return original(...args);
  };
  // The fewest over three requests: background work (job polling) may send a statement meanwhile.
  let fewest = Infinity;
  try {
    for (let i = 0; i < 3; i++) {
      count = 0;
      await request(t, eventId);
      fewest = Math.min(fewest, count);
    }
  } finally {
    logger.logQuery = original;
  }
  return fewest;
}

async function load(clients: number, perClient: number, work: () => Promise<unknown>) {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const start = process.hrtime.bigint();
        await work();
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { median: at(0.5), p99: at(0.99) };
}

/** A published copy of the demo programme ten times over (210 sessions), reusing the demo people. */
async function tenTimesLarger(db: DataSource, demoId: string): Promise<string> {
  return db.transaction(async (m) => {
    const [{ id }] = await m.query(
      `INSERT INTO event (slug, name, time_zone, starts_on, ends_on, status) SELECT 'bench-ten-times', 'Synthetic ×10', time_zone, starts_on, ends_on, 'PUBLISHED'
         FROM event WHERE id = $1 RETURNING id`,
      [demoId],
    );
    for (let k = 0; k < 10; k++) {
      const rooms = new Map<string, string>();
      for (const r of await m.query(`SELECT * FROM agenda_room WHERE event_id = $1`, [demoId])) {
        const [{ id: rid }] = await m.query(`INSERT INTO agenda_room (event_id, name, capacity, location, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
          id, `${r.name} ${k + 1}`, r.capacity, r.location, r.position + k * 10,
        ]);
        rooms.set(r.id, rid);
      }
      const tracks = new Map<string, string>();
      for (const tr of await m.query(`SELECT * FROM agenda_track WHERE event_id = $1`, [demoId])) {
        const [{ id: tid }] = await m.query(`INSERT INTO agenda_track (event_id, name, colour) VALUES ($1, $2, $3) RETURNING id`, [id, `${tr.name} ${k + 1}`, tr.colour]);
        tracks.set(tr.id, tid);
      }
      for (const s of await m.query(`SELECT * FROM agenda_session WHERE event_id = $1`, [demoId])) {
        const [{ id: sid }] = await m.query(
          `INSERT INTO agenda_session (event_id, title, description, type, starts_at, ends_at, room_id, track_id, capacity, language, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [id, `${s.title} (${k + 1})`, s.description, s.type, s.starts_at, s.ends_at, rooms.get(s.room_id) ?? null, tracks.get(s.track_id) ?? null, s.capacity, s.language, s.status],
        );
        await m.query(`INSERT INTO agenda_session_person (session_id, account_id, role, position) SELECT $1, account_id, role, position FROM agenda_session_person WHERE session_id = $2`, [sid, s.id]);
        await m.query(`INSERT INTO agenda_round_table (session_id, topic, host_account_id, seats, position) SELECT $1, topic, host_account_id, seats, position FROM agenda_round_table WHERE session_id = $2`, [sid, s.id]);
      }
    }
    return id;
  });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
