import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { quoteIdent, runMigrations, startEmbeddedPostgres } from '../../libs/database/index.js';

/** Environment keys through which global set-up tells the test files where the database is. */
export const ENV_ADMIN_URL = 'CLUSTERMEET_TEST_ADMIN_URL';
export const ENV_TEMPLATE = 'CLUSTERMEET_TEST_TEMPLATE';

export interface TestPostgres {
  adminUrl: string;
  template: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL for a test run: TEST_DATABASE_URL's server when set, otherwise an embedded one
 * in a temporary folder. Migrations run once into a template database that every test file clones.
 */
export async function startTestPostgres(env: NodeJS.ProcessEnv): Promise<TestPostgres> {
  const template = `clustermeet_template_${process.pid}`;
  let adminUrl: string;
  let stopServer = async () => {};
  if (env.TEST_DATABASE_URL) {
    adminUrl = env.TEST_DATABASE_URL;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'clustermeet-test-pg-'));
    const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'postgres', logger: pino({ level: 'warn' }) });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await admin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)}`);
    await client.query(`CREATE DATABASE ${quoteIdent(template)}`);
  });
  await runMigrations(withDatabase(adminUrl, template));
  return {
    adminUrl,
    template,
    stop: async () => {
      await admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`)).catch(() => {});
      await stopServer();
    },
  };
}

/** A fresh database cloned from the migrated template; drop it with the returned function. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const template = process.env[ENV_TEMPLATE];
  if (!adminUrl || !template) throw new Error('Test database not set up: run the tests with `npm test`.');
  const name = `clustermeet_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template; retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
    }
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: () => admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(() => {}),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + database;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
