// What the organisers' settings pages read and write: e-mail wording with its defaults and
// placeholders, reminder rules edited as a list, and the materials rules with the size ceiling.
import { errorCode, TestApp } from '../support/test-app.js';

const TEMPLATES = `query($e: ID!) { notificationTemplates(eventId: $e) { kind subject body customised defaultSubject defaultBody placeholders editable reminderKinds } }`;
const SET_TEMPLATE = `mutation($e: ID!, $kind: NotificationKind!, $subject: String, $body: String) {
  setNotificationTemplate(eventId: $e, kind: $kind, subject: $subject, body: $body) { kind subject body customised } }`;
const RULES = `query($e: ID!) { reminderRules(eventId: $e) { id kind offsetMinutes subject body enabled } }`;
const SET_RULES = `mutation($e: ID!, $rules: [ReminderRuleInput!]!) { setReminderRules(eventId: $e, rules: $rules) { kind offsetMinutes } }`;

describe('organiser settings: e-mail wording, reminder rules, materials rules', () => {
  let t: TestApp;
  let organiser: { token: string };
  let e: string;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.signUp('Olga Organiser');
    const { createEvent } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Settings days', slug: 'settings-days', timeZone: 'Europe/Helsinki', startsOn: '2030-03-29', endsOn: '2030-03-31' } },
      organiser.token,
    );
    e = createEvent.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('shows each kind with its default wording, its placeholders and whether it is worded here', async () => {
    const { notificationTemplates } = await t.ok(TEMPLATES, { e }, organiser.token);
    const byKind = new Map(notificationTemplates.map((x: { kind: string }) => [x.kind, x]));
    expect(byKind.get('MEETING_SCHEDULED')).toMatchObject({
      customised: false,
      editable: true,
      reminderKinds: [],
      defaultSubject: 'Meeting with {{withWhom}}: {{startsAt}}, table {{tableNumber}}',
      placeholders: expect.arrayContaining(['recipientName', 'eventName', 'eventUrl', 'withWhom', 'startsAt', 'tableNumber', 'location', 'url']),
    });
    expect(byKind.get('SESSION_REMINDER')).toMatchObject({ editable: false, reminderKinds: ['SESSION_ATTENDING', 'SESSION_SPEAKING'] });
    expect(byKind.get('MEETING_REMINDER')).toMatchObject({ editable: false, reminderKinds: ['MEETING'], placeholders: expect.arrayContaining(['withWhom', 'minutesBefore']) });
    expect(byKind.get('ANNOUNCEMENT')).toMatchObject({ editable: false, reminderKinds: [], placeholders: ['recipientName', 'eventName', 'eventUrl'] });
  });

  it('changes a wording, names the kind\'s placeholders on a bad one, returns to the default with nulls', async () => {
    const bad = await t.gql(SET_TEMPLATE, { e, kind: 'SEAT_CONFIRMED', subject: 'Your seat at {{table}}', body: 'Hello' }, organiser.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions).toMatchObject({
      field: 'subject',
      reason: 'INVALID_TEMPLATE',
      // The facts, for the web app to word in the reader's language.
      details: { variant: 'UNKNOWN_PLACEHOLDER', placeholders: '{{table}}', known: '{{recipientName}}, {{eventName}}, {{eventUrl}}, {{title}}, {{startsAt}}, {{location}}' },
    });
    expect(bad.errors![0].message).toBe('Unknown placeholder {{table}}; use {{recipientName}}, {{eventName}}, {{eventUrl}}, {{title}}, {{startsAt}}, {{location}}.');

    const { setNotificationTemplate: own } = await t.ok(SET_TEMPLATE, { e, kind: 'SEAT_CONFIRMED', subject: ' Seat: {{title}} ', body: 'Hello {{recipientName}}' }, organiser.token);
    expect(own).toEqual({ kind: 'SEAT_CONFIRMED', subject: 'Seat: {{title}}', body: 'Hello {{recipientName}}', customised: true });
    const { setNotificationTemplate: back } = await t.ok(SET_TEMPLATE, { e, kind: 'SEAT_CONFIRMED', subject: null, body: null }, organiser.token);
    expect(back).toMatchObject({ subject: 'Your seat: {{title}}', customised: false });
  });

  it('refuses a wording that would never be used: reminders and announcements bring their own', async () => {
    for (const kind of ['MEETING_REMINDER', 'ANNOUNCEMENT']) {
      const res = await t.gql(SET_TEMPLATE, { e, kind, subject: 'Hi', body: 'Hello' }, organiser.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions).toMatchObject({ field: 'kind' });
    }
    // People still turn reminders off for themselves.
    const { setNotificationSubscription } = await t.ok(`mutation { setNotificationSubscription(kind: MEETING_REMINDER, subscribed: false) }`, {}, organiser.token);
    expect(setNotificationSubscription).toEqual(['MEETING_REMINDER']);
  });

  it('puts a reminder rule error at its row, and reads "no reminders" as an empty list', async () => {
    const rule = { kind: 'MEETING', offsetMinutes: 30, subject: 'Soon: {{withWhom}}', body: 'Table {{tableNumber}}' };
    const twice = await t.gql(SET_RULES, { e, rules: [rule, { ...rule, subject: 'Again' }] }, organiser.token);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rules.1.offsetMinutes' });
    const badPlaceholder = await t.gql(SET_RULES, { e, rules: [rule, { ...rule, kind: 'SESSION_SPEAKING', body: '{{withWhom}} {{nope}}' }] }, organiser.token);
    expect(badPlaceholder.errors![0].extensions).toMatchObject({ field: 'rules.1.body' });
    expect(badPlaceholder.errors![0].message).toContain('{{minutesBefore}}');

    expect((await t.ok(RULES, { e }, organiser.token)).reminderRules.every((r: { id: string | null }) => r.id === null)).toBe(true);
    await t.ok(SET_RULES, { e, rules: [] }, organiser.token);
    expect((await t.ok(RULES, { e }, organiser.token)).reminderRules).toEqual([]);
    await t.ok(SET_RULES, { e, rules: [rule] }, organiser.token);
    expect((await t.ok(RULES, { e }, organiser.token)).reminderRules).toMatchObject([{ kind: 'MEETING', offsetMinutes: 30, enabled: true }]);
  });

  it('tells the materials page the size ceiling of this installation, in words people read', async () => {
    const { materialsSettings } = await t.ok(`query($e: ID!) { materialsSettings(eventId: $e) { maxBytes maxBytesLimit } }`, { e }, organiser.token);
    expect(materialsSettings).toEqual({ maxBytes: 50 * 1024 * 1024, maxBytesLimit: t.config.materials.maxBytesLimit });
    const tooBig = await t.gql(
      `mutation($e: ID!, $i: UpdateMaterialsSettingsInput!) { updateMaterialsSettings(eventId: $e, input: $i) { maxBytes } }`,
      { e, i: { maxBytes: t.config.materials.maxBytesLimit + 1 } },
      organiser.token,
    );
    expect(tooBig.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.maxBytes' });
    expect(tooBig.errors![0].message).toBe('The largest file size is between 1 KB and 1 GiB on this installation.');
  });
});
