import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The `npm start` path as a new user gets it: no DATABASE_URL, so the entry point starts an
 * embedded PostgreSQL, migrates, seeds the demo event, serves it, and stops everything on Ctrl-C.
 */
describe('the API entry point on an embedded PostgreSQL', () => {
  it('starts, serves the demo event, and stops PostgreSQL cleanly on SIGINT', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'clustermeet-start-'));
    await chmod(dataDir, 0o755); // the postgres system user must be able to enter it when we run as root
    const pgPort = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', NODE_ENV: 'development', DATABASE_URL: '', SMTP_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /running at (http:\/\/localhost:\d+)/.exec(output);
          if (match) {
            clearInterval(timer);
            resolve(match[1]);
          }
        }, 100);
        void exited.then(() => {
          clearInterval(timer);
          reject(new Error(`the API exited before it was ready:\n${output}`));
        });
      });
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ events { nodes { slug timeZone } } }' }),
      });
      expect(await res.json()).toEqual({ data: { events: { nodes: [{ slug: 'cmr-east-north-finland-2023', timeZone: 'Europe/Helsinki' }] } } });
      expect((await fetch(`${url}/health`)).status).toBe(200);

      child.kill('SIGINT');
      expect(await exited).toEqual({ code: 0, signal: null });
      // postgres removes its pid file when it shuts down cleanly.
      expect(await readdir(join(dataDir, 'postgres', 'cluster'))).not.toContain('postmaster.pid');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
