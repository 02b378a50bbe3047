/**
 * Calendar feed benchmark over real HTTP: median and p95 latency (sequential requests, one client)
 * and SQL statements per request for a 30-item personal feed, the demo event feed, and an event
 * ten times larger.
 *
 *   npm run build:test && node dist/bench/calendar/calendar-bench.js [requests=200]
 *
 * Uses TEST_DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder.
 */
import { createRequire } from 'node:module';
import { DataSource } from 'typeorm';
import { DEMO_EVENT, seedDemo } from '../../libs/demo/index.js';
import { ENV_ADMIN_URL, ENV_TEMPLATE, startTestPostgres } from '../../test/support/test-postgres.js';
import { TestApp } from '../../test/support/test-app.js';

const REQUESTS = Number(process.argv[2] ?? 200);

// Counts every statement TypeORM sends, app and harness alike; requests are measured one at a time.
let statements = 0;
const require = createRequire(import.meta.url);
const { PostgresQueryRunner } = require('typeorm/driver/postgres/PostgresQueryRunner.js');
const original = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = function (...args: unknown[]) {
  statements++;
  return original.apply(this, args);
};

async function main() {
  const postgres = await startTestPostgres(process.env);
  process.env[ENV_ADMIN_URL] = postgres.adminUrl;
  process.env[ENV_TEMPLATE] = postgres.template;
  const t = await TestApp.start();
  try {
    await seedDemo(t.db);
    const [demo] = await t.db.query(`SELECT id, slug FROM event WHERE slug = $1`, [DEMO_EVENT.slug]);
    await t.db.query(`UPDATE event SET status = 'PUBLISHED' WHERE id = $1`, [demo.id]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM agenda_session WHERE event_id = $1 AND status = 'PUBLISHED'`, [demo.id]);
    // The demo programme, when the seed has none yet: 24 sessions over the event's days.
    if (n < 10) await addProgramme(t.db, demo.id, 24);
    const big = await tenTimesLarger(t.db, demo.id);
    const token = await personalFeedWith30Items(t, big);

    const rows: string[] = [];
    for (const [label, path] of [
      ['personal feed, 30 items (×10 event)', `/calendar/feeds/${token}.ics`],
      ['demo event feed', `/calendar/events/${demo.slug}.ics`],
      ['event ×10 feed', `/calendar/events/bench-calendar-x10.ics`],
    ] as const) {
      const first = await fetch(t.baseUrl + path);
      const body = await first.text();
      if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
      const items = body.split('BEGIN:VEVENT').length - 1;
      // The fewest of three: background work (job polling) may send a statement meanwhile.
      let perRequest = Infinity;
      for (let i = 0; i < 3; i++) {
        const before = statements;
        await (await fetch(t.baseUrl + path)).text();
        perRequest = Math.min(perRequest, statements - before);
      }
      for (let i = 0; i < 10; i++) await (await fetch(t.baseUrl + path)).text(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const start = performance.now();
        await (await fetch(t.baseUrl + path)).text();
        times.push(performance.now() - start);
      }
      const etag = first.headers.get('etag')!;
      const notModified: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const start = performance.now();
        await (await fetch(t.baseUrl + path, { headers: { 'if-none-match': etag } })).arrayBuffer();
        notModified.push(performance.now() - start);
      }
      const median = (xs: number[]) => quantile(xs, 0.5).toFixed(1);
      rows.push(`| ${label} | ${items} | ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB | ${perRequest} | ${median(times)} ms | ${quantile(times, 0.95).toFixed(1)} ms | ${median(notModified)} ms |`);
    }
    console.log(`Node ${process.version}, ${REQUESTS} sequential requests each, after 10 warm-up requests`);
    console.log('| feed | items | size | SQL statements / request | median | p95 | median, 304 |');
    console.log('|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await t.stop();
    await postgres.stop();
  }
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function addProgramme(db: DataSource, eventId: string, count: number) {
  await db.query(
    `WITH room AS (INSERT INTO agenda_room (event_id, name, location) VALUES ($1, 'Levi Summit main hall', 'Levi') RETURNING id),
          track AS (INSERT INTO agenda_track (event_id, name) VALUES ($1, 'Critical raw materials') RETURNING id)
     INSERT INTO agenda_session (event_id, title, description, type, starts_at, ends_at, room_id, track_id, status)
     SELECT $1, 'Session ' || g || ': sustainable mining, circular economy and digitalisation',
            'Round table discussion with clusters, regions, SMEs and research; recommendations for policy makers.',
            'PANEL', e.starts_on + time '09:00' + (g / 8) * interval '1 day' + (g % 8) * interval '1 hour',
            e.starts_on + time '09:50' + (g / 8) * interval '1 day' + (g % 8) * interval '1 hour',
            (SELECT id FROM room), (SELECT id FROM track), 'PUBLISHED'
       FROM event e, generate_series(0, $2 - 1) g WHERE e.id = $1`,
    [eventId, count],
  );
  await db.query(
    `INSERT INTO agenda_session_person (session_id, account_id, role, position)
     SELECT s.id, a.id, 'SPEAKER', 0 FROM agenda_session s
       CROSS JOIN LATERAL (SELECT p.account_id AS id FROM participation p WHERE p.event_id = $1 ORDER BY p.account_id OFFSET (hashtext(s.id::text) & 7) LIMIT 1) a
      WHERE s.event_id = $1`,
    [eventId],
  );
}

async function tenTimesLarger(db: DataSource, demoId: string): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO event (slug, name, venue, time_zone, starts_on, ends_on, status)
     SELECT 'bench-calendar-x10', name || ' ×10', venue, time_zone, starts_on, ends_on, 'PUBLISHED' FROM event WHERE id = $1 RETURNING id`,
    [demoId],
  );
  await db.query(
    `INSERT INTO agenda_session (event_id, title, description, type, starts_at, ends_at, status)
     SELECT $2, s.title || ' (' || k || ')', s.description, s.type, s.starts_at, s.ends_at, s.status
       FROM agenda_session s, generate_series(1, 10) k WHERE s.event_id = $1`,
    [demoId, id],
  );
  await db.query(
    `INSERT INTO agenda_session_person (session_id, account_id, role, position)
     SELECT n.id, sp.account_id, sp.role, sp.position FROM agenda_session n
       JOIN agenda_session o ON o.event_id = $1 AND n.title LIKE o.title || ' (%'
       JOIN agenda_session_person sp ON sp.session_id = o.id
      WHERE n.event_id = $2`,
    [demoId, id],
  );
  await db.query(`INSERT INTO participation (event_id, account_id, role, status) SELECT $2, account_id, role, status FROM participation WHERE event_id = $1`, [demoId, id]);
  return id;
}

/** One participant of the ×10 event with 20 bookmarked sessions and 10 booked meetings. */
async function personalFeedWith30Items(t: TestApp, eventId: string): Promise<string> {
  const me = await t.signUp('Bench Participant');
  await t.db.query(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, 'PARTICIPANT', 'APPROVED')`, [eventId, me.accountId]);
  await t.db.query(
    `INSERT INTO agenda_bookmark (account_id, session_id, event_id)
     SELECT $2, id, $1 FROM agenda_session WHERE event_id = $1 AND status = 'PUBLISHED' ORDER BY starts_at, title LIMIT 20`,
    [eventId, me.accountId],
  );
  const partners: { id: string }[] = await t.db.query(
    `SELECT account_id AS id FROM participation WHERE event_id = $1 AND account_id <> $2 ORDER BY account_id LIMIT 10`,
    [eventId, me.accountId],
  );
  for (const [i, partner] of partners.entries()) {
    const [slot] = await t.db.query(
      `INSERT INTO meeting_slot (event_id, starts_at, ends_at)
       SELECT id, starts_on + time '15:00' + $2 * interval '20 minutes', starts_on + time '15:20' + $2 * interval '20 minutes' FROM event WHERE id = $1 RETURNING id`,
      [eventId, i],
    );
    const [request] = await t.db.query(`INSERT INTO meeting_request (event_id, requester_id, recipient_id, status) VALUES ($1, $2, $3, 'ACCEPTED') RETURNING id`, [eventId, me.accountId, partner.id]);
    await t.db.query(`INSERT INTO meeting (event_id, request_id, requester_id, recipient_id, slot_id, table_number) VALUES ($1, $2, $3, $4, $5, $6)`, [
      eventId, request.id, me.accountId, partner.id, slot.id, i + 1,
    ]);
  }
  const data = await t.ok(`query($id: ID!) { myCalendarFeed(eventId: $id) { url } }`, { id: eventId }, me.token);
  return new URL(data.myCalendarFeed.url).pathname.split('/').pop()!.replace('.ics', '');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
