import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { materialsWorld, type MaterialsWorld, uploadFile, writeTestFile } from '../support/materials-fixtures.js';
import { errorCode, TestApp } from '../support/test-app.js';

/** The 'export' and 'upload' budgets on the personal-data export, agenda exports and REST uploads. */
describe('rate limits on exports and uploads', () => {
  let t: TestApp;
  let dir: string;
  let w: MaterialsWorld;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privacy-limits-'));
    t = await TestApp.start({
      MATERIALS_DIR: join(dir, 'store'),
      RATE_LIMITS_ENABLED: 'true',
      RATE_LIMIT_REGISTER: 'ip:1000/3600',
      RATE_LIMIT_EXPORT: 'ip:6/3600,account:3/3600',
      RATE_LIMIT_UPLOAD: 'ip:1000/3600,account:2/3600',
    });
    w = await materialsWorld(t, 'limits');
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts GraphQL and REST personal-data exports against one account budget, with a retry hint', async () => {
    const me = w.participant;
    expect(errorCode(await t.gql(`{ exportMyData }`, {}, me.token))).toBeUndefined();
    expect((await fetch(`${t.baseUrl}/me/export.json`, { headers: { authorization: `Bearer ${me.token}` } })).status).toBe(200);
    expect(errorCode(await t.gql(`{ exportMyData }`, {}, me.token))).toBeUndefined();
    const refused = await t.gql(`{ exportMyData }`, {}, me.token);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const rest = await fetch(`${t.baseUrl}/me/export.json`, { headers: { authorization: `Bearer ${me.token}` } });
    expect(rest.status).toBe(429);
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account still has its own budget (the address budget is 6).
    expect(errorCode(await t.gql(`{ exportMyData }`, {}, w.speaker.token))).toBeUndefined();
  });

  it('limits agenda CSV/HTML exports per address', async () => {
    // A fresh client address (the test app trusts X-Forwarded-For from loopback): 6 exports, then 429.
    const get = (file: string, ip: string) => fetch(`${t.baseUrl}/events/${w.slug}/${file}`, { headers: { 'x-forwarded-for': ip } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) for (const file of ['agenda.csv', 'agenda.html']) statuses.push((await get(file, '203.0.113.50')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    const refused = await get('agenda.csv', '203.0.113.50');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get('agenda.csv', '203.0.113.51')).status).toBe(200);
  });

  it('limits the outcome printouts and report downloads per address, before anything else is checked', async () => {
    const get = (path: string) => fetch(`${t.baseUrl}/events/${w.slug}/${path}`, { headers: { 'x-forwarded-for': '203.0.113.60' } });
    const statuses: number[] = [];
    for (const path of ['booklet.html', 'booklet.csv', 'meeting-plans/me.html', 'meeting-plans/tables.html', 'badges.html', 'reports/meetings.csv', 'booklet.csv']) {
      statuses.push((await get(path)).status);
    }
    expect(statuses.slice(0, 6).every((s) => s !== 429)).toBe(true);
    expect(statuses[6]).toBe(429);
  });

  it('limits REST uploads per account', async () => {
    const file = await writeTestFile(join(dir, 'small.pdf'), 1024, '%PDF-1.7\n', 7);
    const url = `/events/${w.eventId}/sessions/${w.futureSessionId}/materials`;
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await uploadFile(t, url, file, `deck-${i}.pdf`, w.speaker.token));
    expect(results.map((r) => r.status)).toEqual([201, 201, 429]);
  });
});
