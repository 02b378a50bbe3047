import { JobQueue } from '../../libs/jobs/index.js';
import { PRIVACY_RETENTION_QUEUE } from '../../libs/privacy/index.js';
import { matchmakingEvent, meetingBetween, participant, type Person } from '../support/matchmaking-fixtures.js';
import { errorCode, TestApp } from '../support/test-app.js';

const REGISTER = `mutation($input: RegisterAccountInput!) { register(input: $input) { token account { id } } }`;
const REGISTER_FOR_EVENT = `mutation($id: ID!, $v: String) { registerForEvent(eventId: $id, consentVersion: $v) { id status } }`;
const EXPORT = `{ exportMyData }`;
const DELETE = `mutation($email: String!) { deleteMyAccount(confirmEmail: $email) { cancelledMeetings } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const PASSWORD = 'correct horse battery';

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('privacy: consent, export, erasure, retention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('consent', () => {
    it('refuses account registration without a (known) consent version, naming the field', async () => {
      const input = { email: 'no.consent@test.example', name: 'No Consent', password: PASSWORD };
      for (const consentVersion of [undefined, null, '', '1999-01']) {
        const res = await t.gql(REGISTER, { input: { ...input, consentVersion } });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].extensions).toMatchObject({ field: 'input.consentVersion' });
      }
      expect(await t.db.query(`SELECT 1 FROM account WHERE email = $1`, [input.email])).toHaveLength(0);
    });

    it('records what was agreed to, when, and which wording version, for the account and each event registration', async () => {
      const before = new Date(Date.now() - 1000);
      const { register } = await t.ok(REGISTER, { input: { email: 'consenting@test.example', name: 'Consenting Person', password: PASSWORD, consentVersion: '2026-11' } });
      const organiser = await t.signUp('Consent Organiser');
      const { createEvent } = await t.ok(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        { input: { name: 'Consent event', slug: 'consent-event', timeZone: 'Europe/Helsinki', startsOn: '2031-04-25', endsOn: '2031-04-27' } },
        organiser.token,
      );
      await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { id } }`, { id: createEvent.id }, organiser.token);

      const refused = await t.gql(REGISTER_FOR_EVENT, { id: createEvent.id }, register.token);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions).toMatchObject({ field: 'consentVersion' });
      expect(await t.db.query(`SELECT 1 FROM participation WHERE account_id = $1`, [register.account.id])).toHaveLength(0);

      await t.ok(REGISTER_FOR_EVENT, { id: createEvent.id, v: '2026-11' }, register.token);
      const rows = await t.db.query(`SELECT purpose, event_id, wording_version, given_at FROM consents WHERE account_id = $1 ORDER BY given_at`, [register.account.id]);
      expect(rows.map((r: any) => [r.purpose, r.event_id, r.wording_version])).toEqual([
        ['ACCOUNT', null, '2026-11'],
        ['EVENT_REGISTRATION', createEvent.id, '2026-11'],
      ]);
      for (const r of rows) expect(new Date(r.given_at).getTime()).toBeGreaterThan(before.getTime());

      const { consentWordings } = await t.ok(`{ consentWordings { purpose version text current } }`);
      expect(consentWordings).toEqual(
        expect.arrayContaining([expect.objectContaining({ purpose: 'ACCOUNT', version: '2026-11', current: true }), expect.objectContaining({ purpose: 'EVENT_REGISTRATION', version: '2026-11' })]),
      );
    });
  });

  describe('export and erasure', () => {
    let event: Awaited<ReturnType<typeof matchmakingEvent>>;
    let anna: Person;
    let ben: Person;
    let cara: Person;
    const annaEmail = () => t.db.query(`SELECT email FROM account WHERE id = $1`, [anna.accountId]).then((r) => r[0].email as string);

    beforeAll(async () => {
      event = await matchmakingEvent(t);
      anna = await participant(t, event, 'Anna Eraser', { profile: { pitch: 'Anna pitches lithium recycling', phone: '+358 40 1234567' }, offers: ['Anna offers battery expertise'] });
      ben = await participant(t, event, 'Ben Other', { profile: { pitch: 'Ben pitches water technology' }, offers: ['Ben offers pumps'] });
      cara = await participant(t, event, 'Cara Third', { profile: { pitch: 'Cara pitches mining software' } });
      // A booked future meeting (the event is in 2030) and a past one, which stays.
      await meetingBetween(t, event, anna, ben, event.slots[0].id, 1);
      const past = await meetingBetween(t, event, anna, cara, event.slots[1].id, 2);
      await t.db.query(`UPDATE meeting_slot SET starts_at = starts_at - interval '10 years', ends_at = ends_at - interval '10 years' WHERE id = $1`, [past.slot!.id]);
      // Both sides' private feedback on the past meeting: Anna's is hers to export and erase, Cara's is not.
      const FEEDBACK = `mutation($m: ID!, $i: MeetingFeedbackInput!) { giveMeetingFeedback(meetingId: $m, input: $i) { rating } }`;
      await t.ok(FEEDBACK, { m: past.id, i: { rating: 5, expectedOutcome: 'PARTNERSHIP_LIKELY', note: 'Anna note: call about the lithium pilot' } }, anna.token);
      await t.ok(FEEDBACK, { m: past.id, i: { rating: 4, expectedOutcome: 'FOLLOW_UP_PLANNED', note: 'Cara note: keep private' } }, cara.token);
      await t.ok(`mutation($id: ID!, $input: SendMeetingRequestInput!) { sendMeetingRequest(eventId: $id, input: $input) { id } }`, { id: event.eventId, input: { recipientId: cara.accountId, message: 'Hello Cara' } }, ben.token);
      // A future round table with one seat: Anna holds it, Ben waits.
      const [session] = await t.db.query(
        `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status) VALUES ($1, 'Round table', 'ROUND_TABLE', '2030-04-26T12:00:00Z', '2030-04-26T13:00:00Z', 'PUBLISHED') RETURNING id`,
        [event.eventId],
      );
      const [table] = await t.db.query(`INSERT INTO agenda_round_table (session_id, topic, seats) VALUES ($1, 'Batteries', 1) RETURNING id`, [session.id]);
      roundTable = table.id;
      // Slides Anna uploaded for it (rows only: the export lists materials, it does not carry files).
      await t.db.query(
        `WITH m AS (INSERT INTO material (event_id, session_id, title, owner_account_id, current_version) VALUES ($1, $2, 'Anna slides', $3, 1) RETURNING id)
         INSERT INTO material_version (material_id, version, storage_key, file_name, file_type, content_type, size_bytes, sha256, uploaded_by)
         SELECT id, 1, 'ab/' || gen_random_uuid(), 'anna-slides.pdf', 'PDF', 'application/pdf', 1234, repeat('a', 64), $3 FROM m`,
        [event.eventId, session.id, anna.accountId],
      );
      for (const p of [anna, ben]) {
        await t.ok(`mutation($s: ID!, $t: ID) { takeSeat(sessionId: $s, roundTableId: $t) { status } }`, { s: session.id, t: table.id }, p.token);
      }
    });
    let roundTable: string;

    it("exports all of the person's data and nothing of others, by GraphQL and as a JSON download; audited", async () => {
      const { exportMyData } = await t.ok<{ exportMyData: string }>(EXPORT, {}, anna.token);
      const data = JSON.parse(exportMyData);
      expect(data.account).toMatchObject({ id: anna.accountId, name: 'Anna Eraser', email: await annaEmail() });
      expect(data.consents.map((c: any) => c.purpose)).toEqual(['ACCOUNT', 'EVENT_REGISTRATION']);
      expect(data.participations).toEqual([expect.objectContaining({ eventId: event.eventId, status: 'APPROVED' })]);
      expect(data.matchmaking.profiles).toEqual([expect.objectContaining({ eventId: event.eventId, pitch: 'Anna pitches lithium recycling', phone: '+358 40 1234567' })]);
      expect(data.matchmaking.marketplaceEntries.map((e: any) => e.title)).toEqual(['Anna offers battery expertise']);
      expect(data.matchmaking.meetings).toHaveLength(2);
      expect(data.matchmaking.meetingRequests).toHaveLength(2);
      expect(data.materials.owned).toEqual([expect.objectContaining({ eventId: event.eventId, title: 'Anna slides', currentVersion: 1 })]);
      expect(data.materials.uploaded).toEqual([expect.objectContaining({ version: 1, fileName: 'anna-slides.pdf', sizeBytes: '1234' })]);
      expect(data.outcomes.feedback).toEqual([expect.objectContaining({ eventId: event.eventId, rating: 5, note: 'Anna note: call about the lithium pilot' })]);
      const text = JSON.stringify(data);
      for (const foreign of ['Ben pitches', 'Cara pitches', 'Ben offers pumps', 'Hello Cara', 'Cara note', ben.name, cara.name]) expect(text).not.toContain(foreign);

      const rest = await fetch(`${t.baseUrl}/me/export.json`, { headers: { authorization: `Bearer ${anna.token}` } });
      expect(rest.status).toBe(200);
      expect(rest.headers.get('content-type')).toContain('application/json');
      expect(rest.headers.get('content-disposition')).toContain('attachment');
      expect(((await rest.json()) as { account: { id: string } }).account.id).toBe(anna.accountId);
      expect((await fetch(`${t.baseUrl}/me/export.json`)).status).toBe(401);
      expect(errorCode(await t.gql(EXPORT))).toBe('UNAUTHENTICATED');

      const audited = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.exported' AND actor_account_id = $1`, [anna.accountId]);
      expect(audited[0].n).toBe(2);
    });

    it('erases the account: anonymised, counts kept, the other side of the future meeting told, no sign-in, old tokens dead', async () => {
      const counts = async () =>
        (await t.db.query(
          `SELECT (SELECT count(*)::int FROM participation WHERE event_id = $1) AS participations,
                  (SELECT count(*)::int FROM meeting WHERE event_id = $1) AS meetings,
                  (SELECT count(*)::int FROM matchmaking_profile WHERE event_id = $1) AS profiles`,
          [event.eventId],
        ))[0];
      const before = await counts();
      const email = await annaEmail();
      expect(errorCode(await t.gql(DELETE, { email: 'someone.else@test.example' }, anna.token))).toBe('BAD_USER_INPUT');

      const { deleteMyAccount } = await t.ok(DELETE, { email }, anna.token);
      expect(deleteMyAccount).toEqual({ cancelledMeetings: 1 });

      expect(await counts()).toEqual(before);
      const [account] = await t.db.query(`SELECT name, email, job_title, organisation_id, erased_at FROM account WHERE id = $1`, [anna.accountId]);
      expect(account).toMatchObject({ name: 'Deleted account', job_title: null, organisation_id: null });
      expect(account.email).toMatch(/@erased\.invalid$/);
      expect(account.erased_at).not.toBeNull();
      const [profile] = await t.db.query(`SELECT pitch, phone, taking_part FROM matchmaking_profile WHERE account_id = $1`, [anna.accountId]);
      expect(profile).toEqual({ pitch: null, phone: null, taking_part: false });
      expect(await t.db.query(`SELECT 1 FROM marketplace_entry WHERE account_id = $1`, [anna.accountId])).toHaveLength(0);
      // Ben's (future) meeting is cancelled, Cara's past one stays confirmed.
      const meetings = await t.db.query(`SELECT recipient_id, status FROM meeting WHERE requester_id = $1 ORDER BY status`, [anna.accountId]);
      expect(meetings.map((m: any) => [m.recipient_id === ben.accountId ? 'ben' : 'cara', m.status])).toEqual([
        ['ben', 'CANCELLED'],
        ['cara', 'CONFIRMED'],
      ]);
      const told = await t.db.query(`SELECT kind, data FROM notification_delivery WHERE recipient_account_id = $1 AND kind = 'MEETING_REQUEST_CANCELLED'`, [ben.accountId]);
      expect(told).toHaveLength(1);
      expect(JSON.stringify(told[0].data)).not.toContain('Anna');
      expect(await t.db.query(`SELECT 1 FROM notification_delivery WHERE recipient_account_id = $1 AND kind = 'MEETING_REQUEST_CANCELLED'`, [cara.accountId])).toHaveLength(0);
      // Anna's future seat went to Ben, who waited for it.
      const seats = await t.db.query(`SELECT account_id, status FROM agenda_seat WHERE round_table_id = $1`, [roundTable]);
      expect(seats).toEqual([{ account_id: ben.accountId, status: 'SEATED' }]);
      // Her private feedback note is gone, her rating still counts; Cara's note is hers and stays.
      const feedback = await t.db.query(`SELECT account_id, rating, note FROM meeting_feedback WHERE account_id = ANY($1::uuid[]) ORDER BY rating DESC`, [[anna.accountId, cara.accountId]]);
      expect(feedback).toEqual([
        { account_id: anna.accountId, rating: 5, note: null },
        { account_id: cara.accountId, rating: 4, note: 'Cara note: keep private' },
      ]);
      // Others' data untouched.
      const [bens] = await t.db.query(`SELECT pitch FROM matchmaking_profile WHERE account_id = $1`, [ben.accountId]);
      expect(bens.pitch).toBe('Ben pitches water technology');

      expect(errorCode(await t.gql(`{ me { id } }`, {}, anna.token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(EXPORT, {}, anna.token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(LOGIN, { email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(LOGIN, { email: account.email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('retention', () => {
    it('organisers set a retention period; the scheduled job anonymises an old event and leaves others alone', async () => {
      const oldEvent = await matchmakingEvent(t);
      const recent = await matchmakingEvent(t);
      const p1 = await participant(t, oldEvent, 'Olli Oldtimer', { profile: { pitch: 'Olli pitch' }, offers: ['Olli offer'] });
      const p2 = await participant(t, recent, 'Rita Recent', { profile: { pitch: 'Rita pitch' } });
      // A meeting at the old event, held, with a private feedback note.
      const p3 = await participant(t, oldEvent, 'Otto Oldtimer');
      const held = await meetingBetween(t, oldEvent, p1, p3, oldEvent.slots[0].id, 1);
      await t.db.query(`UPDATE meeting_slot SET starts_at = starts_at - interval '10 years', ends_at = ends_at - interval '10 years' WHERE id = $1`, [held.slot!.id]);
      await t.ok(
        `mutation($m: ID!, $i: MeetingFeedbackInput!) { giveMeetingFeedback(meetingId: $m, input: $i) { rating } }`,
        { m: held.id, i: { rating: 3, expectedOutcome: 'INFORMATION_EXCHANGE', note: 'Olli note' } },
        p1.token,
      );
      await t.db.query(`UPDATE event SET starts_on = '2023-04-25', ends_on = '2023-04-27' WHERE id = $1`, [oldEvent.eventId]);

      const SET = `mutation($id: ID!, $days: Int) { setEventRetention(eventId: $id, days: $days) { retentionDays anonymiseAfter anonymisedAt } }`;
      expect(errorCode(await t.gql(SET, { id: oldEvent.eventId, days: 30 }, p1.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(SET, { id: oldEvent.eventId, days: 0 }, oldEvent.organiser.token))).toBe('BAD_USER_INPUT');
      const { setEventRetention } = await t.ok(SET, { id: oldEvent.eventId, days: 30 }, oldEvent.organiser.token);
      expect(setEventRetention).toMatchObject({ retentionDays: 30, anonymisedAt: null });
      expect(new Date(setEventRetention.anonymiseAfter).getTime()).toBeLessThan(Date.now());
      await t.ok(SET, { id: recent.eventId, days: 30 }, recent.organiser.token);

      // Run the scheduled job's queue now instead of waiting for its hourly tick.
      await t.app.get(JobQueue, { strict: false }).enqueue(PRIVACY_RETENTION_QUEUE, {});
      const anonymised = await waitFor(
        async () => (await t.db.query(`SELECT anonymised_at FROM event_retention WHERE event_id = $1 AND anonymised_at IS NOT NULL`, [oldEvent.eventId]))[0],
        'the retention job',
      );
      expect(anonymised.anonymised_at).not.toBeNull();
      const [old] = await t.db.query(`SELECT pitch FROM matchmaking_profile WHERE account_id = $1`, [p1.accountId]);
      expect(old.pitch).toBeNull();
      expect(await t.db.query(`SELECT 1 FROM marketplace_entry WHERE event_id = $1`, [oldEvent.eventId])).toHaveLength(0);
      expect(await t.db.query(`SELECT 1 FROM participation WHERE event_id = $1`, [oldEvent.eventId])).toHaveLength(3);
      expect(await t.db.query(`SELECT rating, note FROM meeting_feedback WHERE meeting_id = $1`, [held.id])).toEqual([{ rating: 3, note: null }]);
      const [kept] = await t.db.query(`SELECT pitch FROM matchmaking_profile WHERE account_id = $1`, [p2.accountId]);
      expect(kept.pitch).toBe('Rita pitch');
      const [retention] = await t.db.query(`SELECT anonymised_at FROM event_retention WHERE event_id = $1`, [recent.eventId]);
      expect(retention.anonymised_at).toBeNull();
      const { eventRetention } = await t.ok(`query($id: ID!) { eventRetention(eventId: $id) { anonymisedAt } }`, { id: oldEvent.eventId }, oldEvent.organiser.token);
      expect(eventRetention.anonymisedAt).not.toBeNull();
    });
  });
});
