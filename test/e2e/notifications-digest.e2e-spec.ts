import { DailyDigests } from '../../libs/domain-notifications/index.js';
import { SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { TestApp } from '../support/test-app.js';

type Person = { token: string; accountId: string; email: string };

/** 2030-06-10..12 in Helsinki (EEST, UTC+3): the digest for 11 June goes out from 18:00 on 10 June. */
describe('notifications: the daily "your agenda tomorrow" digest (SMTP end to end)', () => {
  let peer: SmtpPeer;
  let t: TestApp;
  let organiser: Person;
  let alice: Person; // a bookmarked session and a meeting tomorrow
  let bob: Person; // the meeting only
  let carol: Person; // something the day after tomorrow only
  let dave: Person; // a bookmark tomorrow, but unsubscribed from digests
  let eventId: string;
  const sql = <T = any>(query: string, params: unknown[] = []) => t.db.query(query, params) as Promise<T[]>;
  const mailsTo = (p: Person) => peer.accepted.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : '') === p.email);
  const digestsTo = (p: Person) => mailsTo(p).filter((m) => m.subject?.startsWith('Your agenda tomorrow'));

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await TestApp.start({ SMTP_URL: peer.url, MAIL_RETRY_DELAY_SECONDS: '1', PUBLIC_BASE_URL: 'http://cm.test' });
    organiser = await t.signUp('Olga Organiser');
    [alice, bob, carol, dave] = [await t.signUp('Alice Aalto'), await t.signUp('Bob Berg'), await t.signUp('Carol Castrén'), await t.signUp('Dave Dahl')];
    const { createEvent } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Digest Days', slug: 'digest-days', timeZone: 'Europe/Helsinki', startsOn: '2030-06-10', endsOn: '2030-06-12' } },
      organiser.token,
    );
    eventId = createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { id } }`, { id: eventId }, organiser.token);
    for (const p of [alice, bob, carol, dave]) await sql(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, 'PARTICIPANT', 'APPROVED')`, [eventId, p.accountId]);
    const [room] = await sql<{ id: string }>(`INSERT INTO agenda_room (event_id, name, location) VALUES ($1, 'Hall A', 'Levi') RETURNING id`, [eventId]);
    const session = async (title: string, startsAt: string) =>
      (await sql<{ id: string }>(
        `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, room_id, status) VALUES ($1, $2, 'KEYNOTE', $3, $3::timestamptz + interval '45 minutes', $4, 'PUBLISHED') RETURNING id`,
        [eventId, title, startsAt, room.id],
      ))[0].id;
    const keynote = await session('Critical raw materials keynote', '2030-06-11T06:00:00Z'); // 09:00 local
    const closing = await session('Closing panel', '2030-06-12T12:00:00Z');
    for (const [p, s] of [[alice, keynote], [dave, keynote], [carol, closing]] as const) {
      await sql(`INSERT INTO agenda_bookmark (account_id, session_id, event_id) VALUES ($1, $2, $3)`, [p.accountId, s, eventId]);
    }
    const [slot] = await sql<{ id: string }>(`INSERT INTO meeting_slot (event_id, starts_at, ends_at) VALUES ($1, '2030-06-11T07:30:00Z', '2030-06-11T07:50:00Z') RETURNING id`, [eventId]);
    const [request] = await sql<{ id: string }>(`INSERT INTO meeting_request (event_id, requester_id, recipient_id, status) VALUES ($1, $2, $3, 'ACCEPTED') RETURNING id`, [eventId, alice.accountId, bob.accountId]);
    const [meeting] = await sql<{ id: string }>(`INSERT INTO meeting (event_id, request_id, requester_id, recipient_id) VALUES ($1, $2, $3, $4) RETURNING id`, [eventId, request.id, alice.accountId, bob.accountId]);
    await t.ok(`mutation($id: ID!, $slot: ID!) { bookMeeting(id: $id, slotId: $slot, tableNumber: 7) { id } }`, { id: meeting.id, slot: slot.id }, organiser.token);
    await sql(`INSERT INTO notification_preference (account_id, kind) VALUES ($1, 'DAILY_DIGEST')`, [dave.accountId]);
  });
  afterAll(async () => {
    await t?.stop();
    await peer?.close();
  });

  it('sends nothing before 18:00 local time the day before', async () => {
    expect(await t.app.get(DailyDigests).run(new Date('2030-06-10T14:55:00Z'))).toBe(0); // 17:55 EEST
  });

  it('sends each person with something tomorrow one digest, in event-zone times with the table; once', async () => {
    const digests = t.app.get(DailyDigests);
    const now = new Date('2030-06-10T15:05:00Z'); // 18:05 EEST
    expect(await digests.run(now)).toBe(3); // alice, bob, dave (recorded, skipped at send)
    expect(await digests.run(now)).toBe(0);
    expect(await digests.run(new Date('2030-06-10T20:50:00Z'))).toBe(0); // later that evening

    const [forAlice] = await waitFor('alice digest', async () => digestsTo(alice).length > 0 && digestsTo(alice));
    const [forBob] = await waitFor('bob digest', async () => digestsTo(bob).length > 0 && digestsTo(bob));
    expect(forAlice.subject).toBe('Your agenda tomorrow at Digest Days');
    expect(forAlice.text).toContain('Tuesday, 11 June 2030 (times in Europe/Helsinki)');
    expect(forAlice.text).toContain('09:00–09:45  Critical raw materials keynote (Hall A, Levi)');
    expect(forAlice.text).toContain('10:30–10:50  Meeting with Bob Berg, table 7');
    expect(forAlice.text!.indexOf('09:00')).toBeLessThan(forAlice.text!.indexOf('10:30'));
    expect(forBob.text).toContain('10:30–10:50  Meeting with Alice Aalto, table 7');
    expect(forBob.text).not.toContain('keynote');
    expect(forAlice.text).toContain('http://cm.test/unsubscribe/'); // optional kind: one-click unsubscribe

    const rows = await sql<{ recipient_account_id: string; status: string; subject_id: string }>(
      `SELECT recipient_account_id, status, subject_id FROM notification_delivery WHERE kind = 'DAILY_DIGEST'`,
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.subject_id))).toEqual(new Set([`${eventId}:2030-06-11`]));
    await waitFor('dave skipped', async () => (await sql(`SELECT 1 FROM notification_delivery WHERE kind = 'DAILY_DIGEST' AND recipient_account_id = $1 AND status = 'SKIPPED'`, [dave.accountId])).length === 1);
    expect(digestsTo(dave)).toHaveLength(0);
    expect(digestsTo(carol)).toHaveLength(0);
    expect(digestsTo(alice)).toHaveLength(1);
    expect(digestsTo(bob)).toHaveLength(1);
  });

  it('the next evening, the digest of the last day goes to whoever has something then', async () => {
    expect(await t.app.get(DailyDigests).run(new Date('2030-06-11T15:30:00Z'))).toBe(1);
    const [forCarol] = await waitFor('carol digest', async () => digestsTo(carol).length > 0 && digestsTo(carol));
    expect(forCarol.text).toContain('15:00–15:45  Closing panel');
    // No event day after the last one: nothing.
    expect(await t.app.get(DailyDigests).run(new Date('2030-06-12T15:30:00Z'))).toBe(0);
  });
});
