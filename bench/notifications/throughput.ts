/**
 * Worker throughput: N messages queued through the outbox, sent by the in-process worker to a
 * local SMTP server (smtp-server, parsed back with mailparser), timed from the commit to the
 * last message acknowledged.
 *
 *   npm run build:test && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node dist/bench/notifications/throughput.js [messages=2000]
 */
import 'reflect-metadata';
import pg from 'pg';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/app.factory.js';
import { loadConfig } from '../../libs/config/index.js';
import { quoteIdent, runMigrations } from '../../libs/database/index.js';
import { NotificationKind, NotificationsService } from '../../libs/notifications/index.js';
import { SmtpPeer } from '../../test/support/smtp-peer.js';

async function main() {
  const total = Number(process.argv[2] ?? 2000);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `clustermeet_bench_mail_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  const databaseUrl = url.toString();
  const peer = await SmtpPeer.start();
  try {
    await runMigrations(databaseUrl);
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: databaseUrl, SMTP_URL: peer.url, AUTH_SECRET: 'bench-secret-that-is-at-least-32-characters', LOG_LEVEL: 'warn' });
    const app = await createApp(config, databaseUrl, pino({ level: 'warn' }));
    const dataSource = app.get(DataSource);
    const [{ id: eventId }] = await dataSource.query(
      `INSERT INTO event (slug, name, time_zone, starts_on, ends_on, status) VALUES ('bench', 'Bench', 'Europe/Helsinki', '2030-01-01', '2030-01-02', 'PUBLISHED') RETURNING id`,
    );
    const accounts: { id: string }[] = await dataSource.query(
      `INSERT INTO account (email, name) SELECT 'b' || i || '@bench.test', 'Bench ' || i FROM generate_series(1, $1) i RETURNING id`,
      [total],
    );
    const notifications = app.get(NotificationsService);
    await dataSource.transaction(async (manager) => {
      for (const a of accounts) {
        await notifications.notify(manager, {
          kind: NotificationKind.SESSION_MOVED,
          eventId,
          recipientAccountId: a.id,
          subjectItem: { type: 'session', id: 'bench', revision: 1 },
          data: { title: 'Plenary', startsAt: '2030-01-01T08:00:00Z', endsAt: '2030-01-01T09:00:00Z', location: 'Hall A' },
        });
      }
    });
    const started = Date.now();
    while (peer.accepted.length < total) await new Promise((r) => setTimeout(r, 50));
    const seconds = (Date.now() - started) / 1000;
    const duplicates = total - peer.countByMessageId().size;
    console.log(JSON.stringify({ messages: total, seconds: +seconds.toFixed(2), messagesPerSecond: Math.round(total / seconds), duplicates }));
    await app.close();
  } finally {
    await peer.close();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.end();
  }
}

void main();
