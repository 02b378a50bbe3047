/** Shared set-up of the matchmaking benchmarks: a fresh database, the API in a child process, timing. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/index.js';
import { PasswordHasher } from '../../libs/identity/index.js';
import { createTestDatabase, ENV_ADMIN_URL, ENV_TEMPLATE, startTestPostgres } from '../../test/support/test-postgres.js';

export const PASSWORD = 'bench-password-123';

export interface Bench {
  db: DataSource;
  baseUrl: string;
  passwordHash: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: { message: string; extensions?: any }[] }>;
  login(email: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBench(): Promise<Bench> {
  const postgres = await startTestPostgres(process.env);
  process.env[ENV_ADMIN_URL] = postgres.adminUrl;
  process.env[ENV_TEMPLATE] = postgres.template;
  const database = await createTestDatabase();
  const db = await new DataSource(dataSourceOptions(database.url, { extra: { max: 4 } })).initialize();
  const server: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean), fileURLToPath(new URL('./bench-server.js', import.meta.url)), database.url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    server.stdout!.on('data', (chunk: Buffer) => {
      const match = /LISTENING (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const gql: Bench['gql'] = async (query, variables = {}, token) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<any>;
  };
  return {
    db,
    baseUrl,
    passwordHash: await new PasswordHasher().hash(PASSWORD),
    gql,
    async login(email) {
      const res = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: PASSWORD });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data.login.token;
    },
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      await db.destroy();
      await database.drop();
      await postgres.stop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  try {
    return await run();
  } finally {
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
}

/** An event with matchmaking settings, organised by a fresh account; returns its id and the organiser's token. */
export async function benchEvent(bench: Bench, slug: string, settings: Record<string, unknown>) {
  const [{ id: organiserId }] = await bench.db.query(
    `INSERT INTO account (email, name, password_hash) VALUES ($1, 'Bench Organiser', $2) RETURNING id`,
    [`organiser@${slug}.example`, bench.passwordHash],
  );
  const [{ id: eventId }] = await bench.db.query(
    `INSERT INTO event (slug, name, time_zone, starts_on, ends_on, status) VALUES ($1, $1, 'Europe/Helsinki', '2030-04-25', '2030-04-27', 'PUBLISHED') RETURNING id`,
    [slug],
  );
  await bench.db.query(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, 'ORGANISER', 'APPROVED')`, [eventId, organiserId]);
  const organiserToken = await bench.login(`organiser@${slug}.example`);
  const res = await bench.gql(
    `mutation($e: ID!, $input: MatchmakingSettingsInput!) { updateMatchmakingSettings(eventId: $e, input: $input) { slots { id } } }`,
    { e: eventId, input: settings },
    organiserToken,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { eventId: eventId as string, organiserToken, slots: res.data.updateMatchmakingSettings.slots as { id: string }[] };
}
