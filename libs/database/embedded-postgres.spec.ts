import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { freePort } from '../../test/support/test-postgres.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const moduleUrl = new URL('./embedded-postgres.js', import.meta.url).href;

/** A separate Node process that starts the embedded server, says READY and waits to be killed. */
function startInChild(dir: string, port: number) {
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(moduleUrl)};
    import { pino } from 'pino';
    const pgServer = await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, port: ${port}, database: 'crash', logger: pino({ level: 'silent' }) });
    console.log('READY');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<typeof child>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && resolve(child));
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

describe('embedded PostgreSQL', () => {
  it('recovers the data folder after its parent process was SIGKILLed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clustermeet-embedded-'));
    const port = await freePort();
    try {
      const child = await startInChild(dir, port);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      // The orphaned postmaster still runs and holds the folder.
      const stalePid = Number((await readFile(join(dir, 'cluster', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      expect(() => process.kill(stalePid, 0)).not.toThrow();

      const server = await startEmbeddedPostgres({ dir, port, database: 'crash', logger: pino({ level: 'silent' }) });
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query('SELECT current_database() AS db');
      await client.end();
      expect(rows).toEqual([{ db: 'crash' }]);
      await server.stop();
      expect(() => process.kill(stalePid, 0)).toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000); // initdb and two starts, the second waiting for the orphan
});
