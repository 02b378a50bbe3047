import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { freePort } from '../support/test-postgres.js';

/**
 * The `npm start` path as a new user gets it: no DATABASE_URL, so the entry point starts an
 * embedded PostgreSQL, migrates, seeds the demo event, serves it, and stops everything on Ctrl-C.
 * The fresh demo also writes a few messages for its logins as .eml files into DATA_DIR/mail.
 */
describe('the API entry point on an embedded PostgreSQL', () => {
  it('starts, serves the demo event, writes the demo e-mails, and stops PostgreSQL cleanly on SIGINT', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'clustermeet-start-'));
    await chmod(dataDir, 0o755); // the postgres system user must be able to enter it when we run as root
    const pgPort = await freePort();
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

      // The in-process worker writes the demo messages; wait for a meeting invitation among them.
      const mailDir = join(dataDir, 'mail');
      const parsed = new Map<string, ParsedMail>();
      const invitation = await new Promise<ParsedMail>((resolve, reject) => {
        const deadline = Date.now() + 60_000;
        const poll = async () => {
          const files = (await readdir(mailDir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
          for (const f of files) if (!parsed.has(f)) parsed.set(f, await simpleParser(await readFile(join(mailDir, f))));
          const found = [...parsed.values()].find((m) => m.attachments.some((a) => a.contentType.startsWith('text/calendar')));
          if (found) resolve(found);
          else if (Date.now() > deadline) reject(new Error(`no demo invitation in ${mailDir} (${files.length} files):\n${output}`));
          else setTimeout(() => void poll().catch(reject), 250);
        };
        void poll().catch(reject);
      });
      expect(invitation.to && !Array.isArray(invitation.to) ? invitation.to.value[0].address : '').toBe('participant@cmr-kittila.example');
      const table = /table (\d+)/.exec(invitation.subject ?? '')?.[1];
      expect(table).toBeDefined();
      expect(invitation.text).toContain(`table ${table}`);
      expect(invitation.text).toMatch(/2023.*EEST/); // the demo's April times, in Helsinki time
      const ics = invitation.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString();
      expect(ics).toContain('METHOD:REQUEST');

      child.kill('SIGINT');
      const exit = await exited;
      // On failure the process's own words say why.
      expect({ ...exit, output: exit.code === 0 ? '' : output }).toEqual({ code: 0, signal: null, output: '' });
      // postgres removes its pid file when it shuts down cleanly.
      expect(await readdir(join(dataDir, 'postgres', 'cluster'))).not.toContain('postmaster.pid');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
