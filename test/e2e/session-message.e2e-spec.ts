import { SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { errorCode, TestApp } from '../support/test-app.js';
import { matchmakingEvent, type MatchmakingEvent, type Person, person } from '../support/matchmaking-fixtures.js';

const SEND = `mutation($s: ID!, $input: AnnouncementInput!, $audience: [SessionAudienceGroup!]) {
  sendSessionMessage(sessionId: $s, input: $input, audience: $audience) }`;
const DELIVERIES = `query($e: ID!) { notificationDeliveries(eventId: $e, kind: SESSION_MESSAGE, first: 100) { kind recipientAccountId subjectType subjectId essential } }`;

interface Row {
  recipient_account_id: string;
  subject_id: string;
  essential: boolean;
  data: { template: { subject: string; body: string }; title: string; location: string; startsAt: string; replyToAccountIds: string[]; sessionId: string };
}

describe("organisers message the people of one session (GraphQL end to end, outbox rows and a real SMTP peer)", () => {
  let peer: SmtpPeer;
  let t: TestApp;
  let ev: MatchmakingEvent;
  let other: MatchmakingEvent;
  let organiser: Person;
  // Seated at table A (full with two), seated at B, waiting at A, bookmarked, speaker, host of B,
  // several groups at once (seated at B + bookmark), withdrawn (seat and bookmark left behind), bystander.
  let seatedA1: Person, seatedA2: Person, seatedB: Person, waiting: Person, bookmarker: Person, speaker: Person, host: Person, several: Person;
  let withdrawn: Person, bystander: Person;
  let sessionId: string;

  const member = async (name: string) => {
    const p = await person(t, name);
    await t.ok(`mutation($e: ID!) { registerForEvent(eventId: $e, consentVersion: "2026-11") { status } }`, { e: ev.eventId }, p.token);
    return p;
  };
  const createSession = async (title: string, type = 'ROUND_TABLE', roomId: string | null = null) => {
    const { createSession: s } = await t.ok(
      `mutation($e: ID!, $input: CreateSessionInput!) { createSession(eventId: $e, input: $input) { id } }`,
      { e: ev.eventId, input: { title, type, startsAt: '2030-04-26T06:00:00Z', endsAt: '2030-04-26T07:00:00Z', roomId } },
      organiser.token,
    );
    return s.id as string;
  };
  const setStatus = (id: string, status: string) => t.ok(`mutation($id: ID!, $s: SessionStatus!) { setSessionStatus(id: $id, status: $s) { id } }`, { id, s: status }, organiser.token);
  const addTable = async (s: string, topic: string, seats: number, hostAccountId: string | null) => {
    const { addRoundTable } = await t.ok(
      `mutation($s: ID!, $input: RoundTableInput!) { addRoundTable(sessionId: $s, input: $input) { roundTables { id topic } } }`,
      { s, input: { topic, seats, hostAccountId } },
      organiser.token,
    );
    return (addRoundTable.roundTables as { id: string; topic: string }[]).find((r) => r.topic === topic)!.id;
  };
  const takeSeat = (who: Person, s: string, table: string) =>
    t.ok(`mutation($s: ID!, $t: ID) { takeSeat(sessionId: $s, roundTableId: $t) { status } }`, { s, t: table }, who.token);
  const bookmark = (who: Person, s: string) => t.ok(`mutation($s: ID!) { bookmarkSession(sessionId: $s) }`, { s }, who.token);
  const rowsOf = async (subjectId: string): Promise<Row[]> =>
    t.db.query(`SELECT recipient_account_id, subject_id, essential, data FROM notification_delivery WHERE kind = 'SESSION_MESSAGE' AND subject_id = $1`, [subjectId]);
  /** The rows of the message just sent: its id is the newest session_message subject. */
  const lastMessage = async (): Promise<Row[]> => {
    const [{ subject_id }] = await t.db.query(`SELECT subject_id FROM notification_delivery WHERE kind = 'SESSION_MESSAGE' ORDER BY created_at DESC, id LIMIT 1`);
    return rowsOf(subject_id);
  };
  const ids = (people: Person[]) => people.map((p) => p.accountId).sort();

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await TestApp.start({ SMTP_URL: peer.url, MAIL_RETRY_DELAY_SECONDS: '1' });
    ev = await matchmakingEvent(t);
    other = await matchmakingEvent(t);
    organiser = ev.organiser;
    [seatedA1, seatedA2, seatedB, waiting, bookmarker, speaker, host, several, withdrawn, bystander] = await Promise.all(
      ['Sara SeatedA', 'Simo SeatedA', 'Sini SeatedB', 'Wille Waiting', 'Bea Bookmark', 'Pia Speaker', 'Hannu Host', 'Monika Several', 'Ville Withdrawn', 'Bo Bystander'].map(member),
    );
    const { createRoom } = await t.ok(
      `mutation($e: ID!, $input: RoomInput!) { createRoom(eventId: $e, input: $input) { id } }`,
      { e: ev.eventId, input: { name: 'Room B', location: '2nd floor', capacity: 40 } },
      organiser.token,
    );
    sessionId = await createSession('Round tables on water', 'ROUND_TABLE', createRoom.id);
    const tableA = await addTable(sessionId, 'Mine water', 2, null);
    const tableB = await addTable(sessionId, 'Drinking water', 5, host.accountId);
    await t.ok(`mutation($s: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $s, people: $p) { id } }`,
      { s: sessionId, p: [{ accountId: speaker.accountId, role: 'MODERATOR' }] }, organiser.token);
    await setStatus(sessionId, 'PUBLISHED');
    await takeSeat(seatedA1, sessionId, tableA);
    await takeSeat(seatedA2, sessionId, tableA);
    expect((await takeSeat(waiting, sessionId, tableA)).takeSeat.status).toBe('WAITING');
    await takeSeat(seatedB, sessionId, tableB);
    await takeSeat(several, sessionId, tableB);
    await bookmark(several, sessionId);
    await bookmark(speaker, sessionId);
    await bookmark(bookmarker, sessionId);
    await takeSeat(withdrawn, sessionId, tableB);
    await bookmark(withdrawn, sessionId);
    await t.ok(`mutation($e: ID!) { cancelMyRegistration(eventId: $e) { status } }`, { e: ev.eventId }, withdrawn.token);
    // Whatever withdrawing cleared, leave a bookmark behind: the registration, not the bookmark, decides.
    await t.db.query(`INSERT INTO agenda_bookmark (account_id, session_id, event_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [withdrawn.accountId, sessionId, ev.eventId]);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
    await peer?.close();
  });

  it('writes to everyone in any group by default, each once, approved participants only, with the session filled in', async () => {
    const input = { subject: 'Change: {{title}}', body: 'Hello {{recipientName}},\n\n{{title}} ({{startsAt}}) moves from {{location}} to Room C.' };
    const { sendSessionMessage } = await t.ok(SEND, { s: sessionId, input }, organiser.token);
    const everyone = [seatedA1, seatedA2, seatedB, waiting, bookmarker, speaker, host, several];
    expect(sendSessionMessage).toBe(everyone.length);
    const rows = await lastMessage();
    expect(rows.map((r) => r.recipient_account_id).sort()).toEqual(ids(everyone));
    expect(rows.map((r) => r.recipient_account_id)).not.toContain(withdrawn.accountId);
    for (const row of rows) {
      expect(row.essential).toBe(true);
      expect(row.data).toMatchObject({
        template: input,
        title: 'Round tables on water',
        location: 'Room B, 2nd floor',
        startsAt: '2030-04-26T06:00:00.000Z',
        replyToAccountIds: [organiser.accountId],
        sessionId,
      });
    }
    // Through the real SMTP peer: placeholders filled in the event's zone, Reply-To the organiser.
    const mail = await waitFor('the message to Monika', async () => peer.accepted.find((m) => m.subject === 'Change: Round tables on water' && m.text?.includes('Hello Monika Several')));
    expect(mail.text).toContain('Round tables on water (');
    expect(mail.text).toContain('moves from Room B, 2nd floor to Room C.');
    expect(mail.text).not.toContain('{{');
    expect(mail.replyTo?.value[0].address).toMatch(/^olga\.organiser/);
    expect(mail.headers.get('x-clustermeet-kind')).toBe('SESSION_MESSAGE');
    expect(mail.headers.get('list-unsubscribe')).toBeUndefined(); // essential, like announcements
    await waitFor('all eight mails', async () => peer.accepted.filter((m) => m.subject === 'Change: Round tables on water').length === 8);

    // An empty list is the default too; a new message is new rows (its own idempotency keys).
    const again = await t.ok(SEND, { s: sessionId, input: { subject: 'Again', body: 'Second message.' }, audience: [] }, organiser.token);
    expect(again.sendSessionMessage).toBe(8);
    const second = await lastMessage();
    expect(second[0].subject_id).not.toBe(rows[0].subject_id);
    expect(new Set(second.map((r) => r.recipient_account_id)).size).toBe(8);

    // Audited, with the groups and the count.
    const audit = await t.db.query(`SELECT actor_account_id, target_id, details FROM audit_log WHERE action = 'session.messaged' AND event_id = $1 ORDER BY id`, [ev.eventId]);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actor_account_id: organiser.accountId,
      target_id: sessionId,
      details: { groups: ['BOOKMARKED', 'ON_STAGE', 'SEATED', 'WAITING'], recipients: 8, messageId: rows[0].subject_id },
    });
  });

  it('writes to the chosen groups only: on stage, waiting, and a person in several groups once', async () => {
    const onStage = await t.ok(SEND, { s: sessionId, input: { subject: 'Speakers', body: 'Your train?' }, audience: ['ON_STAGE'] }, organiser.token);
    expect(onStage.sendSessionMessage).toBe(2);
    expect((await lastMessage()).map((r) => r.recipient_account_id).sort()).toEqual(ids([speaker, host]));

    const inLine = await t.ok(SEND, { s: sessionId, input: { subject: 'Waiting', body: 'Come anyway.' }, audience: ['WAITING'] }, organiser.token);
    expect(inLine.sendSessionMessage).toBe(1);
    expect((await lastMessage()).map((r) => r.recipient_account_id)).toEqual([waiting.accountId]);

    // Monika is seated and bookmarked; Pia is on stage and bookmarked: once each.
    const mixed = await t.ok(SEND, { s: sessionId, input: { subject: 'Seated and bookmarks', body: 'Laptop.' }, audience: ['SEATED', 'BOOKMARKED', 'SEATED'] }, organiser.token);
    const mixedRows = await lastMessage();
    expect(mixed.sendSessionMessage).toBe(6);
    expect(mixedRows.map((r) => r.recipient_account_id).sort()).toEqual(ids([seatedA1, seatedA2, seatedB, several, bookmarker, speaker]));
  });

  it('refuses everyone but the organisers of the event', async () => {
    const input = { subject: 'Hi', body: 'There' };
    expect(errorCode(await t.gql(SEND, { s: sessionId, input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(SEND, { s: sessionId, input }, bystander.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SEND, { s: sessionId, input }, speaker.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SEND, { s: sessionId, input }, other.organiser.token))).toBe('FORBIDDEN');
    // A draft does not exist for others; nor does an unknown session.
    const draft = await createSession('Draft workshop', 'WORKSHOP');
    expect(errorCode(await t.gql(SEND, { s: draft, input }, other.organiser.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SEND, { s: draft, input }, bystander.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SEND, { s: '00000000-0000-4000-8000-000000000000', input }, organiser.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SEND, { s: 'not-a-uuid', input }, organiser.token))).toBe('NOT_FOUND');
  });

  it('checks the wording like announcements, naming the field', async () => {
    const refused = async (input: { subject: string; body: string }) => {
      const r = await t.gql(SEND, { s: sessionId, input }, organiser.token);
      expect(errorCode(r)).toBe('BAD_USER_INPUT');
      return r.errors![0].extensions!;
    };
    expect(await refused({ subject: '  ', body: 'x' })).toMatchObject({ field: 'subject', details: { variant: 'LENGTH', min: 1, max: 300 } });
    expect(await refused({ subject: 'x'.repeat(301), body: 'x' })).toMatchObject({ field: 'subject' });
    expect(await refused({ subject: 'x', body: '' })).toMatchObject({ field: 'body', details: { variant: 'LENGTH', min: 1, max: 20000 } });
    expect(await refused({ subject: 'x', body: 'y'.repeat(20001) })).toMatchObject({ field: 'body' });
    expect(await refused({ subject: 'x', body: 'See {{room}}' })).toMatchObject({
      field: 'body',
      reason: 'INVALID_TEMPLATE',
      details: { variant: 'UNKNOWN_PLACEHOLDER', placeholders: '{{room}}', known: '{{recipientName}}, {{eventName}}, {{eventUrl}}, {{title}}, {{startsAt}}, {{endsAt}}, {{location}}' },
    });
  });

  it('writes to the people on stage of a draft, to a cancelled session, and refuses when nobody is there', async () => {
    const draft = await createSession('Draft panel', 'PANEL');
    const empty = await t.gql(SEND, { s: draft, input: { subject: 'Hi', body: 'There' } }, organiser.token);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].extensions).toMatchObject({ reason: 'NO_RECIPIENTS' });
    await t.ok(`mutation($s: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $s, people: $p) { id } }`,
      { s: draft, p: [{ accountId: speaker.accountId, role: 'PANELLIST' }] }, organiser.token);
    expect((await t.ok(SEND, { s: draft, input: { subject: 'Draft', body: 'Slides?' } }, organiser.token)).sendSessionMessage).toBe(1);
    // Nobody can bookmark a draft: asking for that group alone finds nobody.
    expect(errorCode(await t.gql(SEND, { s: draft, input: { subject: 'Hi', body: 'There' }, audience: ['BOOKMARKED'] }, organiser.token))).toBe('BAD_USER_INPUT');

    const talk = await createSession('Cancelled talk', 'KEYNOTE');
    await setStatus(talk, 'PUBLISHED');
    await bookmark(bookmarker, talk);
    await setStatus(talk, 'CANCELLED');
    const { sendSessionMessage } = await t.ok(SEND, { s: talk, input: { subject: 'Sorry', body: '{{title}} is off; coffee instead.' } }, organiser.token);
    expect(sendSessionMessage).toBe(1);
    expect((await lastMessage()).map((r) => r.recipient_account_id)).toEqual([bookmarker.accountId]);
  });

  it('shows the messages in the delivery log', async () => {
    const { notificationDeliveries } = await t.ok(DELIVERIES, { e: ev.eventId }, organiser.token);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM notification_delivery WHERE kind = 'SESSION_MESSAGE' AND event_id = $1`, [ev.eventId]);
    expect(notificationDeliveries).toHaveLength(count);
    expect(count).toBe(8 + 8 + 2 + 1 + 6 + 1 + 1);
    expect(notificationDeliveries.every((d: { kind: string; subjectType: string; essential: boolean }) => d.kind === 'SESSION_MESSAGE' && d.subjectType === 'session_message' && d.essential)).toBe(true);
    expect(errorCode(await t.gql(DELIVERIES, { e: ev.eventId }, speaker.token))).toBe('FORBIDDEN');
  });
});
