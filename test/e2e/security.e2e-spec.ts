import { createHash } from 'node:crypto';
import { errorCode, TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id slug } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const REGISTER = `mutation($input: RegisterAccountInput!) { register(input: $input) { token } }`;
const event = (slug: string) => ({ name: 'Security test', slug, timeZone: 'Europe/Helsinki', startsOn: '2023-04-25', endsOn: '2023-04-27' });

async function post(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
}

describe('GraphQL limits (refused before execution)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ GRAPHQL_IDE: 'true', GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_COST: '500', GRAPHQL_MAX_PAGE_SIZE: '50' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a query deeper than the limit, naming the limit and the numbers', async () => {
    const deep = `{ myParticipations { event { myParticipation { event { myParticipation { event { id } } } } } } }`;
    const res = await t.gql(deep);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_DEPTH', limit: 6, actual: 7 });
    expect(res.status).toBe(400);
  });

  it('refuses too many aliases, too large pages and too costly queries', async () => {
    const aliases = await t.gql(`{ a: events { pageInfo { hasNextPage } } b: events { pageInfo { hasNextPage } } c: events { pageInfo { hasNextPage } } d: events { pageInfo { hasNextPage } } }`);
    expect(aliases.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_ALIASES', limit: 3, actual: 4 });

    const page = await t.gql(`query($n: Int!) { events(first: $n) { nodes { id } } }`, { n: 1000 });
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_PAGE_SIZE', limit: 50, actual: 1000 });

    // 50 events × 11 fields each is over a cost of 500; 10 × 11 is within it.
    const fields = 'id slug name description venue address timeZone startsOn endsOn status requiresApproval';
    const costly = await t.gql(`{ events(first: 50) { nodes { ${fields} } } }`);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'MAX_COST', limit: 500 });
    expect(costly.errors?.[0]?.extensions?.actual).toBeGreaterThan(500);
    expect(costly.errors?.[0]?.message).toMatch(/cost/);
    const cheap = await t.gql(`{ events(first: 10) { nodes { ${fields} } } }`);
    expect(cheap.errors).toBeUndefined();
  });

  it('counts fragments and does not let the introspection query of the IDE trip the limits', async () => {
    const viaFragment = await t.gql(`query { ...F } fragment F on Query { a: events { nodes { id } } b: events { nodes { id } } c: events { nodes { id } } d: me { id } }`);
    expect(viaFragment.errors?.[0]?.extensions?.reason).toBe('MAX_ALIASES');
    const introspection = await t.gql(`{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } }`);
    expect(introspection.errors).toBeUndefined();
  });

  it('refuses a batch (JSON array) with a clear error and runs nothing', async () => {
    const owner = await t.signUp('Batch Sender');
    const res = await post(t, [{ query: CREATE, variables: { input: event('batched-1') } }, { query: '{ events { nodes { id } } }' }], {
      authorization: `Bearer ${owner.token}`,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'BATCHING_DISABLED', limit: 1, actual: 2 });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM event WHERE slug = 'batched-1'`))[0].n).toBe(0);
  });
});

describe('rate limits and login back-off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({
      RATE_LIMITS_ENABLED: 'true',
      RATE_LIMIT_REGISTER: 'ip:4/3600',
      RATE_LIMIT_LOGIN: 'ip:100/300,account:6/300',
      LOGIN_LOCKOUT_AFTER: '3',
      LOGIN_LOCKOUT_BASE_SECONDS: '30',
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('counts registrations per address across concurrent requests and answers with a retry hint', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        post(t, { query: REGISTER, variables: { input: { email: `burst${i}@test.example`, name: `Burst ${i}`, password: 'long enough password', consentVersion: '2026-11' } } }, { 'x-forwarded-for': '203.0.113.7' }),
      ),
    );
    const ok = attempts.filter((a) => !a.body.errors);
    const limited = attempts.filter((a) => a.body.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
    expect(ok).toHaveLength(4);
    expect(limited).toHaveLength(3);
    for (const r of limited) {
      expect(r.body.errors[0].extensions).toMatchObject({ reason: 'RATE_LIMITED' });
      expect(r.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Nothing was stored for the refused ones.
    expect((await t.db.query(`SELECT count(*)::int AS n FROM account WHERE email LIKE 'burst%'`))[0].n).toBe(4);
    // Another address has its own budget.
    const other = await post(t, { query: REGISTER, variables: { input: { email: 'elsewhere@test.example', name: 'Elsewhere', password: 'long enough password', consentVersion: '2026-11' } } }, { 'x-forwarded-for': '198.51.100.9' });
    expect(other.body.errors).toBeUndefined();
  });

  it('backs off after repeated failures of one e-mail from one address, the same for unknown e-mails', async () => {
    const from = { 'x-forwarded-for': '192.0.2.10' };
    await post(t, { query: REGISTER, variables: { input: { email: 'victim@test.example', name: 'Victim', password: 'the right password', consentVersion: '2026-11' } } }, { 'x-forwarded-for': '192.0.2.99' });
    for (let i = 0; i < 3; i++) {
      const res = await post(t, { query: LOGIN, variables: { email: 'victim@test.example', password: 'wrong guess' } }, from);
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const locked = await post(t, { query: LOGIN, variables: { email: 'victim@test.example', password: 'the right password', consentVersion: '2026-11' } }, from);
    expect(locked.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_LOCKED' });
    expect(locked.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(20);
    expect(locked.body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(30);

    for (let i = 0; i < 3; i++) await post(t, { query: LOGIN, variables: { email: 'ghost@test.example', password: 'wrong guess' } }, from);
    const ghost = await post(t, { query: LOGIN, variables: { email: 'ghost@test.example', password: 'wrong guess' } }, from);
    expect(ghost.body.errors[0].extensions.reason).toBe(locked.body.errors[0].extensions.reason);
    expect(ghost.body.errors[0].message.replace(/\d+/g, 'N')).toBe(locked.body.errors[0].message.replace(/\d+/g, 'N'));

    // The owner, from their own address, is not locked out by the stranger.
    const owner = await post(t, { query: LOGIN, variables: { email: 'victim@test.example', password: 'the right password', consentVersion: '2026-11' } }, { 'x-forwarded-for': '192.0.2.99' });
    expect(owner.body.errors).toBeUndefined();

    // The wait doubles: one more failure once the lock has passed makes it 60 s.
    await t.db.query(`UPDATE login_failure SET locked_until = now() - interval '1 second'`);
    await post(t, { query: LOGIN, variables: { email: 'victim@test.example', password: 'wrong again' } }, from);
    const longer = await post(t, { query: LOGIN, variables: { email: 'victim@test.example', password: 'the right password', consentVersion: '2026-11' } }, from);
    expect(longer.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(50);
  });

  it('limits logins per account across addresses', async () => {
    const results = [];
    for (let i = 0; i < 7; i++) {
      results.push(await post(t, { query: LOGIN, variables: { email: 'Spread@test.example', password: 'x' } }, { 'x-forwarded-for': `203.0.113.${100 + i}` }));
    }
    expect(results.slice(0, 6).map((r) => r.body.errors[0].extensions.code)).toEqual(Array(6).fill('UNAUTHENTICATED'));
    expect(results[6].body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
  });
});

describe('HTTP hardening and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ GRAPHQL_IDE: 'true', CORS_ORIGINS: 'https://agenda.example.org', BODY_LIMIT: '4096', IMPORT_MAX_BYTES: '2048' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('sends security headers whose CSP allows exactly the IDE page inline script and style', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    const html = await res.text();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const inline = (tag: string) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const scriptSrc = /script-src ([^;]+)/.exec(csp)![1];
    const styleSrc = /style-src ([^;]+)/.exec(csp)![1];
    expect(inline('script')).toHaveLength(1);
    for (const script of inline('script')) expect(scriptSrc).toContain(hash(script));
    for (const style of inline('style')) expect(styleSrc).toContain(hash(style));
    // Every external script the page loads is same-origin and served.
    for (const [, src] of html.matchAll(/<script src="([^"]+)"/g)) {
      expect(src.startsWith('/graphql/ide/')).toBe(true);
      expect((await fetch(`${t.baseUrl}${src}`)).status).toBe(200);
    }
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('allows only configured origins cross-origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.baseUrl}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight('https://agenda.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://agenda.example.org');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over the limit and malformed JSON with coded JSON errors', async () => {
    const big = await post(t, { query: '{ events { nodes { id } } }', variables: { pad: 'x'.repeat(10_000) } });
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BODY_TOO_LARGE', limit: 4096 });
    const malformed = await post(t, '{"query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_BODY' });
  });

  it('revokes every token of an account, and new sign-ins work again', async () => {
    const person = await t.signUp('Revoking Person');
    const second = (await t.ok(LOGIN, { email: person.email, password: 'correct horse battery' })).login.token;
    expect((await t.ok(`{ me { id } }`, {}, second)).me.id).toBe(person.accountId);
    expect(errorCode(await t.gql(`mutation { revokeAllMyTokens }`))).toBe('UNAUTHENTICATED');
    expect((await t.ok(`mutation { revokeAllMyTokens }`, {}, person.token)).revokeAllMyTokens).toBe(true);
    for (const token of [person.token, second]) {
      const res = await t.gql(`{ me { id } }`, {}, token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    }
    const fresh = (await t.ok(LOGIN, { email: person.email, password: 'correct horse battery' })).login.token;
    expect((await t.ok(`{ me { id } }`, {}, fresh)).me.id).toBe(person.accountId);
  });
});

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const AUDIT = `query($eventId: ID!, $filter: AuditFilterInput, $first: Int, $after: String) {
    auditLog(eventId: $eventId, filter: $filter, first: $first, after: $after) {
      nodes { action targetType targetId details actor { name } } pageInfo { endCursor hasNextPage }
    }
  }`;

  it('records event, registration, role and import changes for the organisers of that event only', async () => {
    const organiser = await t.signUp('Audit Organiser');
    const participant = await t.signUp('Audit Participant');
    const stranger = await t.signUp('Audit Stranger');
    const { createEvent } = await t.ok(CREATE, { input: { ...event('audited'), requiresApproval: true } }, organiser.token);
    const id = createEvent.id;
    await t.ok(`mutation($id: ID!) { updateEvent(id: $id, input: { name: "Audited event", venue: "Levi" }) { id } }`, { id }, organiser.token);
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { id } }`, { id }, organiser.token);
    const { registerForEvent } = await t.ok(`mutation($id: ID!) { registerForEvent(eventId: $id, consentVersion: "2026-11") { id } }`, { id }, participant.token);
    await t.ok(`mutation($p: ID!) { decideRegistration(participationId: $p, approve: true) { id } }`, { p: registerForEvent.id }, organiser.token);
    await t.ok(`mutation($p: ID!) { setParticipantRole(participationId: $p, role: SPEAKER) { id } }`, { p: registerForEvent.id }, organiser.token);
    await t.ok(`mutation($id: ID!, $csv: String!) { importParticipants(eventId: $id, csv: $csv) { applied } }`, { id, csv: 'name,email\nImported Person,imported@test.example\n' }, organiser.token);
    await t.ok(`mutation($id: ID!, $csv: String!) { importParticipants(eventId: $id, csv: $csv, dryRun: true) { applied } }`, { id, csv: 'name,email\nDry Run,dry@test.example\n' }, organiser.token);

    const { auditLog } = await t.ok(AUDIT, { eventId: id }, organiser.token);
    expect(auditLog.nodes.map((n: { action: string }) => n.action)).toEqual([
      'participants.imported',
      'participation.role_changed',
      'registration.decided',
      'event.status_changed',
      'event.updated',
      'event.created',
    ]);
    expect(auditLog.nodes.every((n: { actor: { name: string } }) => n.actor.name === 'Audit Organiser')).toBe(true);
    expect(JSON.parse(auditLog.nodes[2].details)).toMatchObject({ from: 'PENDING', to: 'APPROVED', accountId: participant.accountId });
    expect(JSON.parse(auditLog.nodes[4].details).changed.sort()).toEqual(['name', 'venue']);

    const page1 = await t.ok(AUDIT, { eventId: id, first: 2 }, organiser.token);
    const page2 = await t.ok(AUDIT, { eventId: id, first: 2, after: page1.auditLog.pageInfo.endCursor }, organiser.token);
    expect(page2.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual(['registration.decided', 'event.status_changed']);
    const filtered = await t.ok(AUDIT, { eventId: id, filter: { action: 'event.' } }, organiser.token);
    expect(filtered.auditLog.nodes).toHaveLength(3);

    expect(errorCode(await t.gql(AUDIT, { eventId: id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(AUDIT, { eventId: id }, participant.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(AUDIT, { eventId: id }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(AUDIT, { eventId: id, after: 'garbage' }, organiser.token))).toBe('BAD_USER_INPUT');
  });

  it('writes no entry for a change that failed', async () => {
    const organiser = await t.signUp('Failing Organiser');
    const { createEvent } = await t.ok(CREATE, { input: event('audited-fail') }, organiser.token);
    await t.ok(CREATE, { input: event('audited-taken') }, organiser.token);
    const res = await t.gql(`mutation($id: ID!) { updateEvent(id: $id, input: { slug: "audited-taken" }) { id } }`, { id: createEvent.id }, organiser.token);
    expect(errorCode(res)).toBe('CONFLICT');
    const rows = await t.db.query(`SELECT action FROM audit_log WHERE event_id = $1`, [createEvent.id]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['event.created']);
  });

  it('keeps newest first, page after page, when ids grow a digit', async () => {
    const organiser = await t.signUp('Digit Organiser');
    const { createEvent } = await t.ok(CREATE, { input: event('audited-digits') }, organiser.token);
    await t.db.query(
      `INSERT INTO audit_log (id, event_id, action) OVERRIDING SYSTEM VALUE VALUES (999999999, $1, 'event.nine_digits'), (1000000000, $1, 'event.ten_digits')`,
      [createEvent.id],
    );
    const page1 = await t.ok(AUDIT, { eventId: createEvent.id, first: 1 }, organiser.token);
    expect(page1.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual(['event.ten_digits']);
    const page2 = await t.ok(AUDIT, { eventId: createEvent.id, first: 5, after: page1.auditLog.pageInfo.endCursor }, organiser.token);
    expect(page2.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual(['event.nine_digits', 'event.created']);
  });
});
