import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { NotificationKind, NotificationsService, RemindersService, ReminderKind, ReminderSources, type ReminderSource } from '../../libs/notifications/index.js';
import { refuseEveryThirdMessage, SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { errorCode, TestApp } from '../support/test-app.js';

const DELIVERIES = `query($eventId: ID!, $status: DeliveryStatus, $kind: NotificationKind) {
  notificationDeliveries(eventId: $eventId, status: $status, kind: $kind) { id kind status attempts lastError messageId recipientEmail subject } }`;

describe('notifications through a real SMTP server (end to end)', () => {
  let peer: SmtpPeer;
  let t: TestApp;
  let organiser: { token: string; accountId: string; email: string };
  let eventId: string;
  const refusedRecipients = new Set<string>();

  beforeAll(async () => {
    peer = await SmtpPeer.start({
      refuse: refuseEveryThirdMessage(),
    });
    // Rejects permanently every mail to a chosen address, to exercise FAILED and resend.
    const plainRefuse = peer['options'].refuse!;
    peer['options'].refuse = (id, attempt) => plainRefuse(id, attempt) || [...refusedRecipients].some((r) => id.includes(r));
    t = await TestApp.start({
      SMTP_URL: peer.url,
      MAIL_RETRY_LIMIT: '3',
      MAIL_RETRY_DELAY_SECONDS: '1',
      MAIL_SEND_TIMEOUT_SECONDS: '5',
      PUBLIC_BASE_URL: 'http://cm.test',
    });
    organiser = await t.signUp('Olga Organiser');
    const { createEvent } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Kittilä Cluster Days', slug: 'kittila-days', timeZone: 'Europe/Helsinki', startsOn: '2030-03-29', endsOn: '2030-03-31', requiresApproval: true } },
      organiser.token,
    );
    eventId = createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { id } }`, { id: eventId }, organiser.token);
  });
  afterAll(async () => {
    await t?.stop();
    await peer?.close();
  });

  const mailsTo = (email: string) => peer.accepted.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : '') === email);

  it('sends "registration received" and "approved" from the events library, with text, HTML and headers', async () => {
    const person = await t.signUp('Pekka Participant');
    const { registerForEvent } = await t.ok(`mutation($e: ID!) { registerForEvent(eventId: $e, consentVersion: "2026-11") { id } }`, { e: eventId }, person.token);
    const received = await waitFor('registration mail', async () => mailsTo(person.email)[0]);
    expect(received.subject).toBe('We received your registration for Kittilä Cluster Days');
    expect(received.text).toContain('Hello Pekka Participant');
    expect(received.html).toContain('<p>Hello Pekka Participant');
    expect(received.from?.text).toContain('no-reply@clustermeet.local');
    expect(received.date).toBeInstanceOf(Date);
    expect(received.messageId).toMatch(/^<[0-9a-f]{40}@cm\.test>$/);
    expect(received.replyTo?.value[0].address).toBe(organiser.email);
    expect(received.headers.get('list-unsubscribe')).toBeUndefined(); // essential

    await t.ok(`mutation($id: ID!) { decideRegistration(participationId: $id, approve: true) { status } }`, { id: registerForEvent.id }, organiser.token);
    const approved = await waitFor('approval mail', async () => mailsTo(person.email).find((m) => m.subject?.startsWith('You are registered')));
    expect(approved.messageId).not.toBe(received.messageId);

    // The peer holds a mail before its "250 OK" reaches us, and SENT is written after that reply.
    const log = await waitFor('both logged as SENT', async () => {
      const sent = await t.ok(DELIVERIES, { eventId, status: 'SENT' }, organiser.token);
      return sent.notificationDeliveries.length === 2 && sent;
    });
    expect(log.notificationDeliveries.map((d: { kind: string }) => d.kind).sort()).toEqual(['REGISTRATION_APPROVED', 'REGISTRATION_RECEIVED']);
    const row = log.notificationDeliveries.find((d: { kind: string }) => d.kind === 'REGISTRATION_RECEIVED');
    expect(row).toMatchObject({ recipientEmail: person.email, messageId: received.messageId });
    // Participants do not see the log.
    expect(errorCode(await t.gql(DELIVERIES, { eventId }, person.token))).toBe('FORBIDDEN');
  });

  it('writes nothing when the causing transaction rolls back, and each key once', async () => {
    const notifications = t.app.get(NotificationsService);
    const dataSource = t.app.get(DataSource);
    const input = {
      kind: NotificationKind.SESSION_CANCELLED,
      eventId,
      recipientAccountId: organiser.accountId,
      subjectItem: { type: 'session', id: 'rolled-back', revision: 1 },
      data: { title: 'Never' },
    };
    await expect(
      dataSource.transaction(async (manager) => {
        expect(await notifications.notify(manager, input)).toBe(true);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM notification_delivery WHERE subject_id = 'rolled-back'`);
    expect(count).toBe(0);
    const [{ jobs }] = await t.db.query(`SELECT count(*)::int AS jobs FROM pgboss.job WHERE data->>'deliveryId' IS NULL AND name = 'notifications-mail'`);
    expect(jobs).toBe(0);

    const once = { ...input, subjectItem: { type: 'session', id: 'committed', revision: 1 } };
    expect(await dataSource.transaction((m) => notifications.notify(m, once))).toBe(true);
    expect(await dataSource.transaction((m) => notifications.notify(m, once))).toBe(false);
    await waitFor('cancellation mail', async () => mailsTo(organiser.email).find((m) => m.subject === 'Cancelled: Never'));
  });

  it('delivers every announcement exactly once although the server refuses every third message twice', async () => {
    // 30 approved participants, arranged directly in the database.
    await t.db.query(
      `WITH a AS (INSERT INTO account (email, name) SELECT 'p' || i || '@crowd.test', 'Person ' || i FROM generate_series(1, 30) i RETURNING id)
       INSERT INTO participation (event_id, account_id, role, status) SELECT $1, id, 'PARTICIPANT', 'APPROVED' FROM a`,
      [eventId],
    );
    const { sendAnnouncement } = await t.ok(
      `mutation($e: ID!) { sendAnnouncement(eventId: $e, input: { subject: "Bus at {{eventName}}", body: "Dear {{recipientName}}, the bus leaves at 8." }, role: PARTICIPANT) }`,
      { e: eventId },
      organiser.token,
    );
    expect(sendAnnouncement).toBe(31); // the 30 and Pekka
    const announcements = () => peer.accepted.filter((m) => m.subject === 'Bus at Kittilä Cluster Days');
    await waitFor('31 announcements', async () => announcements().length >= 31, 60_000);
    const ids = announcements().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(31);
    expect(ids.filter((id) => peer.attempts.get(id!) === 3).length).toBeGreaterThanOrEqual(10); // the fault did happen, to a third of them
    for (const id of ids) expect(peer.countByMessageId().get(id!)).toBe(1);
    expect(announcements()[0].replyTo?.value[0].address).toBe(organiser.email);
    expect(announcements().find((m) => m.text?.includes('Dear Person 7,'))).toBeDefined();
    const log = await waitFor('every announcement logged as SENT', async () => {
      const all = await t.ok(DELIVERIES, { eventId, kind: 'ANNOUNCEMENT' }, organiser.token);
      return all.notificationDeliveries.every((d: { status: string }) => d.status === 'SENT') && all;
    });
    expect(log.notificationDeliveries).toHaveLength(31);
    expect(Math.max(...log.notificationDeliveries.map((d: { attempts: number }) => d.attempts))).toBe(3);
  });

  it('marks a message FAILED after the last attempt, shows the error, and resends it on request', async () => {
    const notifications = t.app.get(NotificationsService);
    const key = { type: 'session', id: 'doomed', revision: 1 };
    const messageId = notifications.messageIdFor([NotificationKind.SESSION_MOVED, organiser.accountId, key.type, key.id, key.revision].join(':'));
    refusedRecipients.add(messageId);
    await t.app.get(DataSource).transaction((m) =>
      notifications.notify(m, { kind: NotificationKind.SESSION_MOVED, eventId, recipientAccountId: organiser.accountId, subjectItem: key, data: { title: 'Doomed session' } }),
    );
    const failed = await waitFor('FAILED', async () => (await t.ok(DELIVERIES, { eventId, status: 'FAILED' }, organiser.token)).notificationDeliveries[0], 60_000);
    expect(failed).toMatchObject({ kind: 'SESSION_MOVED', attempts: 4, messageId });
    expect(failed.lastError).toContain('451');

    refusedRecipients.clear();
    peer.attempts.set(messageId, 99); // the 30% rule no longer applies to it
    const { resendNotification } = await t.ok(`mutation($id: ID!) { resendNotification(deliveryId: $id) { status } }`, { id: failed.id }, organiser.token);
    expect(resendNotification.status).toBe('PENDING');
    await waitFor('resent mail', async () => peer.accepted.find((m) => m.messageId === messageId));
    const again = await t.gql(`mutation($id: ID!) { resendNotification(deliveryId: $id) { status } }`, { id: failed.id }, organiser.token);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('attaches a calendar invitation as text/calendar with its method', async () => {
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//ClusterMeet//test//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT',
      'UID:meeting-42@cm.test', 'SEQUENCE:2', 'DTSTAMP:20300101T000000Z', 'DTSTART:20300330T070000Z', 'DTEND:20300330T072000Z',
      'SUMMARY:Meeting with Aino (table 12)', 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    await t.app.get(DataSource).transaction((m) =>
      t.app.get(NotificationsService).notify(m, {
        kind: NotificationKind.MEETING_SCHEDULED,
        eventId,
        recipientAccountId: organiser.accountId,
        subjectItem: { type: 'meeting', id: 'meeting-42', revision: 2 },
        data: { withWhom: 'Aino', startsAt: '2030-03-30T07:00:00Z', endsAt: '2030-03-30T07:20:00Z', tableNumber: 12, location: 'Hall A' },
        calendar: { ics, method: 'REQUEST' },
      }),
    );
    const mail = await waitFor('invitation', async () => mailsTo(organiser.email).find((m) => m.subject?.startsWith('Meeting with Aino')));
    // Times in the event's zone: summer time starts on 31 March 2030, so 07:00Z on the 30th is 09:00 EET.
    expect(mail.subject).toBe('Meeting with Aino: Sat, 30 Mar 2030, 09:00 EET, table 12');
    const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar') ?? null;
    const raw = calendar ? calendar.content.toString() : (mail as unknown as { textAsHtml?: string }).textAsHtml ?? '';
    expect(calendar?.headers.get('content-type')).toMatchObject({ params: expect.objectContaining({ method: 'REQUEST' }) });
    const event = new ICAL.Component(ICAL.parse(raw)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('uid')).toBe('meeting-42@cm.test');
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
  });

  it('lets a person unsubscribe from an optional kind with one click; essential ones still arrive', async () => {
    const notifications = t.app.get(NotificationsService);
    const dataSource = t.app.get(DataSource);
    const person = await t.signUp('Ulla Unsubscriber');
    const send = (kind: NotificationKind, id: string) =>
      dataSource.transaction((m) => notifications.notify(m, { kind, eventId, recipientAccountId: person.accountId, subjectItem: { type: 'session', id }, data: { title: id } }));
    await send(NotificationKind.SESSION_REMINDER, 'first');
    const reminder = await waitFor('reminder', async () => mailsTo(person.email)[0]);
    const header = String(reminder.headers.get('list-unsubscribe') ?? JSON.stringify(reminder.headers.get('list')));
    const url = /<(http[^>]+)>/.exec(header)?.[1] ?? (reminder.headers.get('list') as { unsubscribe?: { url: string } })?.unsubscribe?.url;
    expect(url).toMatch(/^http:\/\/cm\.test\/unsubscribe\//);
    expect(reminder.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const local = url!.replace('http://cm.test', t.baseUrl);
    expect((await fetch(local)).status).toBe(200); // a page with a button; nothing changed yet
    expect((await fetch(local, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
    expect((await fetch(local.slice(0, -3) + 'xyz', { method: 'POST' })).status).toBe(404);
    const mine = await t.ok(`{ myUnsubscribedNotificationKinds }`, {}, person.token);
    expect(mine.myUnsubscribedNotificationKinds).toEqual(['SESSION_REMINDER']);

    await send(NotificationKind.SESSION_REMINDER, 'second');
    await send(NotificationKind.SESSION_CANCELLED, 'third');
    await waitFor('essential mail', async () => mailsTo(person.email).find((m) => m.subject === 'Cancelled: third'));
    const [skipped] = await t.db.query(`SELECT status FROM notification_delivery WHERE subject_id = 'second'`);
    await waitFor('skip', async () => (await t.db.query(`SELECT status FROM notification_delivery WHERE subject_id = 'second'`))[0].status === 'SKIPPED');
    expect(skipped).toBeDefined();
    expect(mailsTo(person.email).filter((m) => m.subject?.includes('second'))).toHaveLength(0);
    expect(errorCode(await t.gql(`mutation { setNotificationSubscription(kind: SESSION_CANCELLED, subscribed: false) }`, {}, person.token))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('keeps going when SMTP is down and delivers once it is back', async () => {
    await peer.close();
    await t.ok(
      `mutation($e: ID!) { sendAnnouncement(eventId: $e, input: { subject: "Storm warning", body: "Stay inside." }, role: ORGANISER) }`,
      { e: eventId },
      organiser.token,
    );
    await waitFor('a failed attempt', async () => (await t.db.query(`SELECT 1 FROM notification_delivery WHERE kind = 'ANNOUNCEMENT' AND status = 'RETRYING'`)).length > 0);
    await peer.listen();
    const storm = await waitFor('storm warning', async () => peer.accepted.find((m) => m.subject === 'Storm warning'), 60_000);
    expect(peer.countByMessageId().get(storm.messageId!)).toBe(1);
  });

  it('sweeps reminders from current data: default rules, moved items remind again, cancelled ones not', async () => {
    const reminders = t.app.get(RemindersService);
    const person = await t.signUp('Rita Reminded');
    let session = { id: 'round-table-1', revision: 1, startsAt: new Date('2030-03-30T09:00:00Z'), cancelled: false };
    const source: ReminderSource = {
      kinds: [ReminderKind.SESSION_ATTENDING],
      itemsStartingBetween: async (_kind, from, to) =>
        !session.cancelled && session.startsAt >= from && session.startsAt < to
          ? [{ eventId, type: 'session', id: session.id, revision: session.revision, startsAt: session.startsAt, title: 'Round table I', location: 'Levi Hall', recipients: [{ accountId: person.accountId }] }]
          : [],
    };
    t.app.get(ReminderSources).register(source);
    try {
      // 15 minutes before (the default rule for attendees); an earlier sweep finds nothing.
      expect(await reminders.sweep(new Date('2030-03-30T08:40:00Z'))).toBe(0);
      expect(await reminders.sweep(new Date('2030-03-30T08:45:30Z'))).toBe(1);
      expect(await reminders.sweep(new Date('2030-03-30T08:46:00Z'))).toBe(0); // already queued
      const mail = await waitFor('reminder', async () => mailsTo(person.email)[0]);
      expect(mail.subject).toBe('Starting soon: Round table I');
      expect(mail.text).toContain('starts Sat, 30 Mar 2030, 11:00 EET in Levi Hall');

      session = { ...session, revision: 2, startsAt: new Date('2030-03-30T12:00:00Z') }; // moved
      expect(await reminders.sweep(new Date('2030-03-30T11:45:00Z'))).toBe(1);
      session = { ...session, revision: 3, startsAt: new Date('2030-03-30T14:00:00Z'), cancelled: true };
      expect(await reminders.sweep(new Date('2030-03-30T13:45:00Z'))).toBe(0);

      // Organisers change the rules; unknown placeholders are refused.
      const bad = await t.gql(
        `mutation($e: ID!) { setReminderRules(eventId: $e, rules: [{ kind: SESSION_ATTENDING, offsetMinutes: 60, subject: "{{nope}}", body: "x" }]) { id } }`,
        { e: eventId },
        organiser.token,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      const { setReminderRules } = await t.ok(
        `mutation($e: ID!) { setReminderRules(eventId: $e, rules: [{ kind: SESSION_ATTENDING, offsetMinutes: 60, subject: "In an hour: {{title}}", body: "{{title}} at {{startsAt}}" }]) { kind offsetMinutes } }`,
        { e: eventId },
        organiser.token,
      );
      expect(setReminderRules).toEqual([{ kind: 'SESSION_ATTENDING', offsetMinutes: 60 }]);
      session = { id: 'keynote', revision: 1, startsAt: new Date('2030-03-31T09:00:00Z'), cancelled: false };
      expect(await reminders.sweep(new Date('2030-03-31T08:45:00Z'))).toBe(0); // the 15-minute rule is gone
      expect(await reminders.sweep(new Date('2030-03-31T08:00:00Z'))).toBe(1);
      await waitFor('custom reminder', async () => mailsTo(person.email).find((m) => m.subject === 'In an hour: Round table I'));
    } finally {
      t.app.get(ReminderSources).unregister(source);
    }
  });
});
