import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { TestApp } from '../support/test-app.js';

/**
 * A standalone worker (apps/worker, a real child process) is SIGKILLed in the middle of a batch
 * and started again: every message arrives, none twice (counted by Message-ID at the server).
 */
describe('a worker killed in the middle of a batch', () => {
  const COUNT = 40;
  let peer: SmtpPeer;
  let t: TestApp;
  let worker: ChildProcess | null = null;
  let killedAt: number | null = null;
  let killing: Promise<void> | null = null;
  /**
   * When the first worker was killed: whatever arrives on a connection it opened is never
   * acknowledged, even when the server finishes reading it after the restart (its client is dead).
   */
  let killTime: number | null = null;

  const startWorker = () =>
    spawn(process.execPath, ['dist/apps/worker/main.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? 'silent',
        DATABASE_URL: t.config.databaseUrl!,
        SMTP_URL: peer.url,
        AUTH_SECRET: t.config.authSecret,
        MAIL_SEND_TIMEOUT_SECONDS: '3',
        MAIL_RETRY_DELAY_SECONDS: '1',
      },
      stdio: ['ignore', process.env.WORKER_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
    });

  beforeAll(async () => {
    peer = await SmtpPeer.start({
      beforeAccept: async (_mail, acceptedSoFar, { connectedAt }) => {
        if (!killing && acceptedSoFar >= 12) {
          killing = (async () => {
            // Messages the server already acknowledged are recorded first: the one window no
            // mail system can close (250 received, crash before the log update) is not what this tests.
            await waitFor('acknowledged messages recorded', async () => {
              const [{ sent }] = await t.db.query(`SELECT count(*)::int AS sent FROM notification_delivery WHERE status = 'SENT'`);
              return sent >= peer.accepted.length;
            });
            killedAt = peer.accepted.length;
            killTime = Date.now();
            worker!.kill('SIGKILL');
          })();
        }
        // From the moment the kill is decided, the first worker's messages are in flight when it dies.
        if (killing && (killTime === null || connectedAt <= killTime)) {
          await killing;
          return 'drop';
        }
        return 'accept';
      },
    });
    t = await TestApp.start({ RUN_WORKER_IN_API: 'false', SMTP_URL: peer.url, MAIL_SEND_TIMEOUT_SECONDS: '3', MAIL_RETRY_DELAY_SECONDS: '1' });
    const organiser = await t.signUp('Crash Organiser');
    const { createEvent } = await t.ok(
      `mutation { createEvent(input: { name: "Crash Days", slug: "crash-days", timeZone: "Europe/Helsinki", startsOn: "2030-05-01", endsOn: "2030-05-02" }) { id } }`,
      {},
      organiser.token,
    );
    await t.db.query(
      `WITH a AS (INSERT INTO account (email, name) SELECT 'c' || i || '@crash.test', 'Crash ' || i FROM generate_series(1, ${COUNT}) i RETURNING id)
       INSERT INTO participation (event_id, account_id, role, status) SELECT $1, id, 'PARTICIPANT', 'APPROVED' FROM a`,
      [createEvent.id],
    );
    const { sendAnnouncement } = await t.ok(
      `mutation($e: ID!) { sendAnnouncement(eventId: $e, input: { subject: "Crash test", body: "Hello {{recipientName}}" }, role: PARTICIPANT) }`,
      { e: createEvent.id },
      organiser.token,
    );
    expect(sendAnnouncement).toBe(COUNT);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) {
      worker.kill('SIGTERM');
      await once(worker, 'exit');
    }
    await t?.stop();
    await peer?.close();
  });

  it('delivers every message exactly once after a restart', async () => {
    // The API does not process jobs here: nothing is sent until a worker runs.
    await new Promise((r) => setTimeout(r, 1500));
    expect(peer.accepted).toHaveLength(0);

    worker = startWorker();
    const [, signal] = await once(worker, 'exit');
    expect(signal).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThanOrEqual(12);
    expect(killedAt).toBeLessThan(COUNT);
    const statuses = await t.db.query(`SELECT status, count(*)::int AS n FROM notification_delivery GROUP BY status`);
    // Caught mid-batch: messages in flight (SENDING), or, when the kill took longer than the
    // transport's idle timeout, already given back for a retry (RETRYING); none of them SENT.
    const unfinished = statuses.filter((s: { status: string }) => s.status === 'SENDING' || s.status === 'RETRYING');
    expect(unfinished.reduce((n: number, s: { n: number }) => n + s.n, 0)).toBeGreaterThan(0);

    worker = startWorker();
    await waitFor('every message', async () => peer.accepted.length >= COUNT, 60_000);
    await waitFor('all recorded as sent', async () => {
      const [{ sent }] = await t.db.query(`SELECT count(*)::int AS sent FROM notification_delivery WHERE status = 'SENT'`);
      return sent === COUNT;
    });
    await new Promise((r) => setTimeout(r, 1000)); // a duplicate would show up now
    const counts = peer.countByMessageId();
    expect(counts.size).toBe(COUNT);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const recipients = new Set(peer.accepted.map((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : '')));
    expect(recipients.size).toBe(COUNT);
  }, 120_000);
});
