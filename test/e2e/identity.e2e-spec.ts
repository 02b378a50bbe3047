import { errorCode, TestApp } from '../support/test-app.js';

const REGISTER = `mutation($input: RegisterAccountInput!) { register(input: $input) { token account { id email name organisation { name type country } } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token account { email } } }`;

describe('accounts and sign-in (GraphQL end to end)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('registers with an organisation and signs in case-insensitively', async () => {
    const input = {
      email: 'Aino.Korhonen@Digipolis.example',
      name: 'Aino Korhonen',
      password: 'a long enough password',
      consentVersion: '2026-11',
      organisation: { name: 'Digipolis', type: 'CLUSTER', country: 'fi', region: 'Lapland' },
    };
    const { register } = await t.ok(REGISTER, { input });
    expect(register.account).toMatchObject({ email: input.email, organisation: { name: 'Digipolis', type: 'CLUSTER', country: 'FI' } });
    const { login } = await t.ok(LOGIN, { email: 'aino.korhonen@digipolis.EXAMPLE', password: input.password });
    const { me } = await t.ok(`{ me { id name } }`, {}, login.token);
    expect(me).toEqual({ id: register.account.id, name: 'Aino Korhonen' });

    const duplicate = await t.gql(REGISTER, { input: { ...input, email: 'AINO.KORHONEN@digipolis.example' } });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN', field: 'email' });
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    await t.signUp('Known Person', 'known@test.example');
    const wrong = await t.gql(LOGIN, { email: 'known@test.example', password: 'not the password' });
    const unknown = await t.gql(LOGIN, { email: 'nobody@test.example', password: 'not the password' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
  });

  it('refuses malformed input with BAD_USER_INPUT and the field', async () => {
    const base = { email: 'ok@test.example', name: 'Ok', password: 'long enough password', consentVersion: '2026-11' };
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email' }, 'email'],
      [{ password: 'short' }, 'password'],
      [{ name: '   ' }, 'name'],
      [{ organisation: { name: 'X', type: 'SME', country: 'Finland' } }, 'organisation.country'],
    ];
    for (const [override, field] of cases) {
      const res = await t.gql(REGISTER, { input: { ...base, ...override } });
      expect({ code: errorCode(res), field: res.errors?.[0]?.extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    // Wrong GraphQL types are refused by GraphQL itself, still as BAD_USER_INPUT.
    const wrongType = await t.gql(`mutation { login(email: 1, password: "x") { token } }`);
    expect(errorCode(wrongType)).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
  });

  it('rejects a missing, malformed or forged token on a protected query', async () => {
    expect(errorCode(await t.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`{ me { id } }`, {}, 'forged.token.value'))).toBe('UNAUTHENTICATED');
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ events { nodes { id } } }' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers /health with the database status and a request id', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });
});

describe('GraphQL IDE and introspection', () => {
  it('serves the IDE and its assets from the app itself in development', async () => {
    const t = await TestApp.start({ GRAPHQL_IDE: 'true' });
    try {
      const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(html).toContain('/graphql/ide/graphiql.js');
      expect(html).not.toMatch(/https?:\/\/(?!localhost)/); // nothing from a CDN
      for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
        const res = await fetch(`${t.baseUrl}/graphql/ide/${asset}`);
        expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
      const introspection = await t.gql(`{ __schema { queryType { name } } }`);
      expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await t.stop();
    }
  });

  it('switches the IDE and introspection off in production', async () => {
    const t = await TestApp.start({ NODE_ENV: 'production' });
    try {
      const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('graphiql');
      const introspection = await t.gql(`{ __schema { queryType { name } } }`);
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      expect((await t.gql(`{ events { nodes { slug } } }`)).data).toEqual({ events: { nodes: [] } });
    } finally {
      await t.stop();
    }
  });
});
