import ICAL from 'ical.js';
import { MeetingRequestsService } from '../../libs/matchmaking/index.js';
import { RemindersService } from '../../libs/notifications/index.js';
import { SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { errorCode, TestApp } from '../support/test-app.js';

type Person = { token: string; accountId: string; email: string };

function vevent(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  const v = comp.getFirstSubcomponent('vevent')!;
  return { method: comp.getFirstPropertyValue('method'), uid: v.getFirstPropertyValue('uid'), sequence: v.getFirstPropertyValue('sequence'), status: v.getFirstPropertyValue('status') };
}

describe('notifications wired to agenda and matchmaking (SMTP end to end)', () => {
  let peer: SmtpPeer;
  let t: TestApp;
  let organiser: Person;
  let alice: Person;
  let bob: Person;
  let eventId: string;
  const slots: string[] = [];
  const sql = <T = any>(query: string, params: unknown[] = []) => t.db.query(query, params) as Promise<T[]>;
  const mailsTo = (p: Person) => peer.accepted.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : '') === p.email);
  const deliveries = (kind: string) => sql<{ recipient_account_id: string; status: string }>(`SELECT recipient_account_id, status FROM notification_delivery WHERE kind = $1`, [kind]);

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await TestApp.start({ SMTP_URL: peer.url, MAIL_RETRY_DELAY_SECONDS: '1', PUBLIC_BASE_URL: 'http://cm.test' });
    organiser = await t.signUp('Olga Organiser');
    alice = await t.signUp('Alice Aalto');
    bob = await t.signUp('Bob Berg');
    const { createEvent } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Kittilä Cluster Days', slug: 'kittila-wiring', timeZone: 'Europe/Helsinki', startsOn: '2030-03-29', endsOn: '2030-03-31' } },
      organiser.token,
    );
    eventId = createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { id } }`, { id: eventId }, organiser.token);
    for (const p of [alice, bob]) await sql(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, 'PARTICIPANT', 'APPROVED')`, [eventId, p.accountId]);
    for (const start of ['2030-03-30T10:00:00Z', '2030-03-30T10:20:00Z']) {
      const [slot] = await sql<{ id: string }>(`INSERT INTO meeting_slot (event_id, starts_at, ends_at) VALUES ($1, $2, $2::timestamptz + interval '20 minutes') RETURNING id`, [eventId, start]);
      slots.push(slot.id);
    }
  });
  afterAll(async () => {
    await t?.stop();
    await peer?.close();
  });

  it('meeting scheduled, moved and cancelled: one mail each, table number, event-zone time, invitation with the feed UID and SEQUENCE', async () => {
    const [request] = await sql<{ id: string }>(`INSERT INTO meeting_request (event_id, requester_id, recipient_id, status) VALUES ($1, $2, $3, 'ACCEPTED') RETURNING id`, [eventId, alice.accountId, bob.accountId]);
    const [meeting] = await sql<{ id: string }>(`INSERT INTO meeting (event_id, request_id, requester_id, recipient_id) VALUES ($1, $2, $3, $4) RETURNING id`, [eventId, request.id, alice.accountId, bob.accountId]);
    const BOOK = `mutation($id: ID!, $slot: ID!, $table: Int) { bookMeeting(id: $id, slotId: $slot, tableNumber: $table) { id } }`;
    await t.ok(BOOK, { id: meeting.id, slot: slots[0], table: 7 }, organiser.token);
    const scheduled = await waitFor('scheduled mail', async () => mailsTo(alice).find((m) => m.subject?.startsWith('Meeting with Bob Berg')));
    expect(scheduled.subject).toContain('table 7');
    expect(scheduled.text).toContain('12:00'); // 10:00 UTC is 12:00 EET
    const feedUrl = (await t.ok(`query($id: ID!) { myCalendarFeed(eventId: $id) { url } }`, { id: eventId }, alice.token)).myCalendarFeed.url;
    const feed = await (await fetch(`${t.baseUrl}${new URL(feedUrl).pathname}`)).text();
    const inFeed = vevent(feed);
    const invitationPart = (m: typeof scheduled) => {
      const ics = (m.attachments ?? []).find((a) => a.contentType.startsWith('text/calendar'))?.content.toString() ?? (m as unknown as { textAsHtml?: string }).textAsHtml;
      return vevent(String(ics));
    };
    const inv = invitationPart(scheduled);
    expect(inv).toMatchObject({ method: 'REQUEST', uid: inFeed.uid, sequence: inFeed.sequence });

    // A booking that fails (table taken) rolls back and sends nothing.
    const [other] = await sql<{ id: string }>(`INSERT INTO meeting_request (event_id, requester_id, recipient_id, status) VALUES ($1, $2, $3, 'ACCEPTED') RETURNING id`, [eventId, organiser.accountId, bob.accountId]);
    const [otherMeeting] = await sql<{ id: string }>(`INSERT INTO meeting (event_id, request_id, requester_id, recipient_id) VALUES ($1, $2, $3, $4) RETURNING id`, [eventId, other.id, organiser.accountId, bob.accountId]);
    expect(errorCode(await t.gql(BOOK, { id: otherMeeting.id, slot: slots[0], table: 7 }, organiser.token))).toBe('CONFLICT');

    await t.ok(BOOK, { id: meeting.id, slot: slots[1], table: 3 }, organiser.token);
    const moved = await waitFor('moved mail', async () => mailsTo(bob).find((m) => m.subject?.includes('moved')));
    expect(moved.subject).toContain('table 3');
    expect(moved.text).toContain('12:20');
    expect(invitationPart(moved).sequence).toBeGreaterThan(Number(inv.sequence));

    await t.ok(`mutation($id: ID!) { cancelMeeting(id: $id, reason: "Flight cancelled") { id } }`, { id: meeting.id }, organiser.token);
    const cancelled = await waitFor('cancel mail', async () => mailsTo(alice).find((m) => m.subject?.includes('cancelled')));
    expect(invitationPart(cancelled)).toMatchObject({ method: 'CANCEL', uid: inFeed.uid, status: 'CANCELLED' });

    const kinds = await sql<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM notification_delivery WHERE subject_id = $1 GROUP BY kind ORDER BY kind`,
      [meeting.id],
    );
    expect(kinds).toEqual([{ kind: 'MEETING_MOVED', n: 2 }, { kind: 'MEETING_REQUEST_CANCELLED', n: 2 }, { kind: 'MEETING_SCHEDULED', n: 2 }]);
    expect(await sql(`SELECT 1 FROM notification_delivery WHERE subject_id = $1`, [otherMeeting.id])).toEqual([]);
  });

  it('expiring overdue requests tells the requester once', async () => {
    // Due in an hour, expired as of two hours from now: the app's own per-minute expiry (real
    // clock) cannot take it first.
    const [r] = await sql<{ id: string }>(
      `INSERT INTO meeting_request (event_id, requester_id, recipient_id, status, expires_at) VALUES ($1, $2, $3, 'PENDING', now() + interval '1 hour') RETURNING id`,
      [eventId, bob.accountId, alice.accountId],
    );
    const requests = t.app.get(MeetingRequestsService);
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await requests.expireOverdue(later, eventId)).toBe(1);
    expect(await requests.expireOverdue(later, eventId)).toBe(0);
    const mail = await waitFor('expired mail', async () => mailsTo(bob).find((m) => m.subject?.includes('expired')));
    expect(mail.subject).toBe('Your meeting request to Alice Aalto expired');
    // An optional kind: mailparser files List-Unsubscribe under the structured 'list' header.
    expect((mail.headers.get('list') as { unsubscribe?: { url?: string } } | undefined)?.unsubscribe?.url).toMatch(/\/unsubscribe\//);
    expect(await sql(`SELECT 1 FROM notification_delivery WHERE subject_id = $1`, [r.id])).toHaveLength(1);
  });

  it('session reminders follow a moved session and are dropped when it is cancelled; attendees hear of both', async () => {
    const [session] = await sql<{ id: string }>(
      `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status) VALUES ($1, 'Green Deal keynote', 'KEYNOTE', '2030-03-30T12:00:00Z', '2030-03-30T13:00:00Z', 'PUBLISHED') RETURNING id`,
      [eventId],
    );
    await t.ok(`mutation($id: ID!) { bookmarkSession(sessionId: $id) }`, { id: session.id }, alice.token);
    const reminders = t.app.get(RemindersService);
    const at = (iso: string) => new Date(Date.parse(iso) - 15 * 60_000);
    expect(await reminders.sweep(at('2030-03-30T12:00:00Z'))).toBe(1);
    expect(await reminders.sweep(at('2030-03-30T12:00:00Z'))).toBe(0);

    await t.ok(
      `mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id } }`,
      { id: session.id, input: { startsAt: '2030-03-30T14:00:00Z', endsAt: '2030-03-30T15:00:00Z' } },
      organiser.token,
    );
    const moved = await waitFor('session moved mail', async () => mailsTo(alice).find((m) => m.subject?.startsWith('Moved:')));
    expect(moved.subject).toBe('Moved: Green Deal keynote is now at Sat, 30 Mar 2030, 16:00 EET');
    expect(await reminders.sweep(at('2030-03-30T12:00:00Z'))).toBe(0); // the old time reminds no more
    expect(await reminders.sweep(at('2030-03-30T14:00:00Z'))).toBe(1); // the new time does

    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: CANCELLED) { id } }`, { id: session.id }, organiser.token);
    await waitFor('session cancelled mail', async () => mailsTo(alice).find((m) => m.subject === 'Cancelled: Green Deal keynote'));
    const [{ revision }] = await sql<{ revision: number }>(`SELECT revision FROM agenda_session WHERE id = $1`, [session.id]);
    // Even a sweep at a time the cancelled session would have been due queues nothing.
    expect(await reminders.sweep(at('2030-03-30T14:00:00Z'))).toBe(0);
    expect(await deliveries('SESSION_REMINDER')).toHaveLength(2);
    expect(revision).toBe(2);
  });
});
