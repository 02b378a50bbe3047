import { MaterialsMissingReminders } from '../../libs/domain-notifications/index.js';
import { reminderDueAt, RemindersService } from '../../libs/notifications/index.js';
import { materialsWorld, type MaterialsWorld } from '../support/materials-fixtures.js';
import { SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { TestApp } from '../support/test-app.js';

describe('notifications: materials missing and matchmaking window reminders (SMTP end to end)', () => {
  let peer: SmtpPeer;
  let t: TestApp;
  let world: MaterialsWorld;
  const sql = <T = any>(query: string, params: unknown[] = []) => t.db.query(query, params) as Promise<T[]>;
  const emailOf = async (accountId: string) => (await sql<{ email: string }>(`SELECT email FROM account WHERE id = $1`, [accountId]))[0].email;
  const mailsTo = (email: string) => peer.accepted.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : '') === email);

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await TestApp.start({ SMTP_URL: peer.url, MAIL_RETRY_DELAY_SECONDS: '1', PUBLIC_BASE_URL: 'http://cm.test' });
    world = await materialsWorld(t, 'notify-extra');
  });
  afterAll(async () => {
    await t?.stop();
    await peer?.close();
  });

  it('reminds each speaker without materials once per session and deadline, in the event zone', async () => {
    // A moment of its own, not the clock: the app's own 15-minute job (real clock) must not find this deadline in reach first.
    const now = new Date('2029-06-01T09:00:00Z');
    const deadline = new Date(now.getTime() + 24 * 3_600_000);
    await sql(`INSERT INTO materials_settings (event_id, upload_deadline) VALUES ($1, $2)`, [world.eventId, deadline]);
    const reminders = t.app.get(MaterialsMissingReminders);
    const first = await reminders.run(now);
    expect(first).toBeGreaterThanOrEqual(2); // the speaker's two sessions (and the other speaker's)
    expect(await reminders.run(now)).toBe(0);
    const rows = await sql<{ recipient_account_id: string }>(`SELECT recipient_account_id FROM notification_delivery WHERE kind = 'MATERIALS_MISSING'`);
    expect(rows.filter((r) => r.recipient_account_id === world.speaker.accountId)).toHaveLength(2);
    const email = await emailOf(world.speaker.accountId);
    const mails = await waitFor('materials mails', async () => mailsTo(email).filter((m) => m.subject?.includes('materials')).length === 2 && mailsTo(email));
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(deadline);
    expect(mails[0].text).toContain(local);
    // A moved deadline is a new reminder; no deadline in reach, nothing.
    await sql(`UPDATE materials_settings SET upload_deadline = $2 WHERE event_id = $1`, [world.eventId, new Date(deadline.getTime() + 3_600_000)]);
    expect(await reminders.run(now)).toBe(first);
    await sql(`UPDATE materials_settings SET upload_deadline = $2 WHERE event_id = $1`, [world.eventId, new Date(now.getTime() + 10 * 24 * 3_600_000)]);
    expect(await reminders.run(now)).toBe(0);
  });

  it('reminds approved participants taking part in matchmaking when requests open and close', async () => {
    const now = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 120_000);
    const { participant, speaker } = world;
    for (const [p, takingPart] of [[participant, true], [speaker, false]] as const) {
      await sql(`INSERT INTO matchmaking_profile (event_id, account_id, taking_part, sectors, themes, visibility) VALUES ($1, $2, $3, '{}', '{}', '{}')`, [world.eventId, p.accountId, takingPart]);
    }
    await sql(
      `INSERT INTO matchmaking_settings (event_id, requests_open_at, requests_close_at) VALUES ($1, $2, $3)
       ON CONFLICT (event_id) DO UPDATE SET requests_open_at = $2, requests_close_at = $3`,
      [world.eventId, now, new Date(now.getTime() + 2 * 24 * 3_600_000)],
    );
    const reminders = t.app.get(RemindersService);
    await reminders.sweep(now);
    await reminders.sweep(now);
    const rows = await sql<{ recipient_account_id: string; subject_item_type: string }>(`SELECT * FROM notification_delivery WHERE kind = 'MATCHMAKING_REMINDER'`);
    expect(rows.map((r) => r.recipient_account_id)).toEqual([participant.accountId]);
    const email = await emailOf(participant.accountId);
    const opened = await waitFor('opens mail', async () => mailsTo(email).find((m) => m.subject?.startsWith('Matchmaking is open')));
    expect(opened.text).toContain('http://cm.test/events/notify-extra/matchmaking');
    // A day before closing (same local time), one "closes tomorrow" message.
    const dayBefore = reminderDueAt(new Date(now.getTime() + 2 * 24 * 3_600_000), 1440, 'Europe/Helsinki');
    await reminders.sweep(dayBefore);
    await reminders.sweep(dayBefore);
    const closing = await waitFor('closes mail', async () => mailsTo(email).find((m) => m.subject?.startsWith('Matchmaking closes tomorrow')));
    expect(closing.text).toMatch(/meeting requests close .*(EET|EEST)/);
    expect(mailsTo(email).filter((m) => m.subject?.startsWith('Matchmaking'))).toHaveLength(2);
  });
});
