import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type RunningPostgres, runMigrations, startEmbeddedPostgres } from '../../libs/database/index.js';
import { SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { freePort } from '../support/test-postgres.js';
import { errorCode, TestApp } from '../support/test-app.js';

/**
 * The fault every installation meets sooner or later: PostgreSQL restarts (an upgrade, a crash, a
 * fail-over) under a running API. The API gets a server of its own here, a real embedded
 * PostgreSQL that the test stops and starts again on the same data folder and port. While it is
 * down, every request gets a clear SERVICE_UNAVAILABLE and nothing is half-written; when it is
 * back, the same API process serves again and its job queue sends mail, with no restart of ours.
 */
describe('PostgreSQL restarting under a running API', () => {
  const logger = pino({ level: 'warn' });
  let dir: string;
  let port: number;
  let server: RunningPostgres;
  let peer: SmtpPeer;
  let t: TestApp;

  const startServer = () => startEmbeddedPostgres({ dir, port, database: 'clustermeet', logger });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clustermeet-restart-'));
    port = await freePort();
    server = await startServer();
    await runMigrations(server.url);
    peer = await SmtpPeer.start();
    t = await TestApp.start({ SMTP_URL: peer.url, MAIL_RETRY_DELAY_SECONDS: '1', PUBLIC_BASE_URL: 'http://cm.test' }, { url: server.url, drop: async () => {} });
  });
  afterAll(async () => {
    await t?.stop();
    await server?.stop();
    await peer?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const health = async () => (await fetch(`${t.baseUrl}/health`)).status;
  const mailsTo = (email: string) => peer.accepted.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : '') === email);

  it('answers SERVICE_UNAVAILABLE while the database is down, loses nothing, and recovers by itself, queue included', async () => {
    const organiser = await t.signUp('Olga Organiser');
    const { createEvent } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Restart Days', slug: 'restart-days', timeZone: 'Europe/Helsinki', startsOn: '2030-05-06', endsOn: '2030-05-07' } },
      organiser.token,
    );
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { id } }`, { id: createEvent.id }, organiser.token);
    expect(await health()).toBe(200);

    await server.stop();

    // Reads, writes and sign-ins: each refused clearly, none an internal error.
    const direct = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ events { nodes { id } } }' }) });
    expect(direct.headers.get('retry-after')).toBe('5');
    const read = await t.gql(`query { me { id name } }`, {}, organiser.token);
    const write = await t.gql(
      `mutation($input: RegisterAccountInput!) { register(input: $input) { token } }`,
      { input: { email: 'dora@test.example', name: 'Dora During', password: 'correct horse battery', consentVersion: '2026-11' } },
    );
    const anonymous = await t.gql(`query($s: String!) { event(slug: $s) { id } }`, { s: 'restart-days' });
    for (const res of [read, write, anonymous]) {
      expect(errorCode(res)).toBe('SERVICE_UNAVAILABLE');
      expect(res.errors![0].message).toMatch(/database/i);
      expect(res.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(await health()).toBe(503);
    // REST answers a calendar app or a download can retry on: 503 with Retry-After.
    const feed = await fetch(`${t.baseUrl}/calendar/events/restart-days.ics`);
    expect(feed.status).toBe(503);
    expect(feed.headers.get('retry-after')).toBe('5');
    const download = await fetch(`${t.baseUrl}/materials/00000000-0000-4000-8000-000000000000/download`, { headers: { authorization: `Bearer ${organiser.token}` } });
    expect(download.status).toBe(503);
    expect(((await download.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');

    server = await startServer();

    // Back without restarting the API: the first request after the restart is served.
    expect(await health()).toBe(200);
    expect((await t.ok(`query { me { name } }`, {}, organiser.token)).me.name).toBe('Olga Organiser');
    expect((await fetch(`${t.baseUrl}/calendar/events/restart-days.ics`)).status).toBe(200);
    // Nothing of the refused sign-up was stored: the address is still free.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM account WHERE email = 'dora@test.example'`);
    expect(n).toBe(0);
    const dora = await t.signUp('Dora During', 'dora@test.example');

    // And the job queue works again: a registration's mail is delivered.
    await t.ok(`mutation($e: ID!) { registerForEvent(eventId: $e, consentVersion: "2026-11") { id } }`, { e: createEvent.id }, dora.token);
    const mail = await waitFor('registration mail after the restart', async () => mailsTo(dora.email)[0], 60_000);
    expect(mail.subject).toContain('Restart Days');
  });
});
