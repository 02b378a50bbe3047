// Organiser settings pages in Chromium against the real API: the wording of e-mails, reminder
// rules and presenter-materials rules, each checked after a reload and against what the API returns.
import { type Locator, type Page } from 'playwright-core';
import { matchmakingEvent, meetingBetween, participant, type MatchmakingEvent, type Person } from '../support/matchmaking-fixtures.js';
import { TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, DESKTOP, PHONE, screenshot } from './browser-harness.js';

const SLOW = 120_000;
const MB = 1024 * 1024;

describeInBrowser('organiser settings in Chromium: e-mails, reminders, materials', () => {
  let t: TestApp;
  let event: MatchmakingEvent;
  let slug: string;
  let speaker: Person;
  const suite = new BrowserSuite();
  const { heading, scan, noOverflow } = suite;
  /** A tab already signed in as this person. */
  const as = (who: Person, viewport: { width: number; height: number }) => suite.signedIn(t.baseUrl, who.token, viewport);

  async function choose(page: Page, scope: Locator, label: string, option: string) {
    await scope.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  const organiserApi = <T>(query: string) => t.ok<T>(query, { e: event.eventId }, event.organiser.token);

  beforeAll(async () => {
    t = await TestApp.start();
    await suite.start();
    event = await matchmakingEvent(t);
    const events = await t.ok<{ events: { nodes: { id: string; slug: string }[] } }>(`query { events(first: 50) { nodes { id slug } } }`);
    slug = events.events.nodes.find((e) => e.id === event.eventId)!.slug;
    speaker = await participant(t, event, 'Sami Speaker', { organisation: { name: 'Arctic Data Centre Cluster', type: 'CLUSTER', country: 'FI' } });
    const o = event.organiser.token;
    const { createSession } = await t.ok(
      `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`,
      { e: event.eventId, i: { title: 'Keynote: Arctic data centres', type: 'KEYNOTE', startsAt: '2030-04-26T05:00:00Z', endsAt: '2030-04-26T05:45:00Z' } }, o,
    );
    await t.ok(`mutation($s: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $s, people: $p) { id } }`, { s: createSession.id, p: [{ accountId: speaker.accountId, role: 'SPEAKER' }] }, o);
    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { status } }`, { id: createSession.id }, o);
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
  });

  it('edits the wording of an e-mail: a bad placeholder shows at its field and keeps the text', async () => {
    const { page } = await as(event.organiser, DESKTOP);
    await page.goto(`/events/${slug}`);
    await page.getByRole('link', { name: 'E-mails and reminders' }).click();
    await heading(page, 'E-mails and reminders');
    await page.getByRole('button', { name: /^Registration approved/ }).click();
    const form = page.getByRole('form', { name: 'Registration approved' });
    const subject = form.getByRole('textbox', { name: 'Subject' });
    expect(await subject.inputValue()).toBe('You are registered for {{eventName}}');
    await form.getByText('{{recipientName}}').first().waitFor();

    await subject.fill('Welcome to {{eventName}}, {{nickname}}');
    expect(await subject.inputValue()).toBe('Welcome to {{eventName}}, {{nickname}}');
    // The spec's first mutation can be slow while other suites start up: wait for its answer
    // itself (CI once timed out on the text alone), then for the text.
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('SetNotificationTemplate'), { timeout: 60_000 });
    await form.getByRole('button', { name: 'Save wording' }).click();
    expect((await answered).status()).toBe(200);
    await form.getByText(/Unknown placeholder \{\{nickname\}\}/).waitFor();
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    expect(await subject.inputValue()).toBe('Welcome to {{eventName}}, {{nickname}}');

    await subject.fill('Welcome to {{eventName}}, {{recipientName}}');
    await form.getByRole('button', { name: 'Save wording' }).click();
    await form.getByText('Wording saved.').waitFor();
    await page.getByRole('button', { name: /^Registration approved\s*Customised/ }).waitFor();
    await scan(page, 'e-mails and reminders (desktop)');
    await screenshot(page, 'emails-reminders-desktop');
    type Templates = { notificationTemplates: { kind: string; subject: string; customised: boolean; defaultSubject: string }[] };
    const templatesQuery = `query($e: ID!) { notificationTemplates(eventId: $e) { kind subject customised defaultSubject } }`;
    const saved = (await organiserApi<Templates>(templatesQuery)).notificationTemplates.find((x) => x.kind === 'REGISTRATION_APPROVED')!;
    expect(saved).toMatchObject({ subject: 'Welcome to {{eventName}}, {{recipientName}}', customised: true });

    // Back to the default, after a confirmation.
    await form.getByRole('button', { name: 'Back to the default wording' }).click();
    await form.getByRole('button', { name: 'Yes, use the default wording' }).click();
    await form.getByText('The default wording is used again.').waitFor();
    expect(await subject.inputValue()).toBe('You are registered for {{eventName}}');
    const reset = (await organiserApi<Templates>(templatesQuery)).notificationTemplates.find((x) => x.kind === 'REGISTRATION_APPROVED')!;
    expect(reset).toEqual({ kind: 'REGISTRATION_APPROVED', subject: reset.defaultSubject, customised: false, defaultSubject: 'You are registered for {{eventName}}' });

    // Reminder kinds are worded by the reminder rules, not here.
    await page.getByRole('button', { name: /^Meeting reminder/ }).click();
    await page.getByRole('region', { name: /^Meeting reminder/ }).getByText('Reminders are worded in the reminder rules below.').waitFor();
  }, SLOW);

  it('saves reminder rules as a whole: a row error stays at its row, and the rules are there after a reload', async () => {
    const { page } = suite.pages[0];
    const reminders = page.getByRole('region', { name: 'Reminders' });
    await reminders.getByText("These are the built-in reminders. Saving makes them this event's own.").waitFor();
    expect(await reminders.getByRole('group', { name: /^Reminder \d+$/ }).count()).toBe(7);

    // The 15-minute meeting reminder becomes a 30-minute one; the "matchmaking closes" one goes.
    const second = reminders.getByRole('group', { name: 'Reminder 2' });
    expect(await second.getByRole('textbox', { name: 'Reminds about' }).inputValue()).toBe('Meetings (both people)');
    await second.getByRole('textbox', { name: 'How long before' }).fill('30');
    await reminders.getByRole('button', { name: 'Remove reminder 7' }).click();
    expect(await reminders.getByRole('group', { name: /^Reminder \d+$/ }).count()).toBe(6);

    // A new one for speakers, two hours before, first with a placeholder that does not exist.
    await reminders.getByRole('button', { name: 'Add a reminder' }).click();
    const added = reminders.getByRole('group', { name: 'Reminder 7' });
    await choose(page, added, 'Reminds about', 'Sessions (people on stage)');
    expect(await added.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe('Reminder: {{title}} at {{startsAt}}');
    await added.getByRole('textbox', { name: 'How long before' }).fill('2');
    await choose(page, added, 'Unit', 'hours');
    await added.getByRole('textbox', { name: 'Subject' }).fill('In two hours you speak: {{title}}');
    await added.getByRole('textbox', { name: 'Message' }).fill('See you at {{venue}}.');
    await reminders.getByRole('button', { name: 'Save reminders' }).click();
    await added.getByText(/Unknown placeholder \{\{venue\}\}/).waitFor();
    expect(await added.getByRole('textbox', { name: 'Message' }).getAttribute('aria-invalid')).toBe('true');
    expect(await added.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('See you at {{venue}}.');
    expect(await added.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe('In two hours you speak: {{title}}');

    await added.getByRole('textbox', { name: 'Message' }).fill('{{title}} starts {{startsAt}} in {{location}}.');
    await reminders.getByRole('button', { name: 'Save reminders' }).click();
    await reminders.getByText('Reminders saved.').waitFor();

    const { reminderRules } = await organiserApi<{ reminderRules: { id: string | null; kind: string; offsetMinutes: number; subject: string; body: string; enabled: boolean }[] }>(
      `query($e: ID!) { reminderRules(eventId: $e) { id kind offsetMinutes subject body enabled } }`,
    );
    expect(reminderRules).toHaveLength(7);
    expect(reminderRules.every((r) => r.id !== null && r.enabled)).toBe(true);
    expect(reminderRules.map((r) => `${r.kind} ${r.offsetMinutes}`).sort()).toEqual([
      'MATCHMAKING_OPENS 0', 'MEETING 1440', 'MEETING 30', 'SESSION_ATTENDING 15', 'SESSION_SPEAKING 120', 'SESSION_SPEAKING 1440', 'SESSION_SPEAKING 30',
    ]);
    expect(reminderRules.find((r) => r.offsetMinutes === 120)).toMatchObject({ subject: 'In two hours you speak: {{title}}', body: '{{title}} starts {{startsAt}} in {{location}}.' });

    await page.reload();
    await heading(page, 'E-mails and reminders');
    const after = page.getByRole('region', { name: 'Reminders' });
    await after.getByRole('group', { name: 'Reminder 7' }).waitFor();
    expect(await after.getByRole('group', { name: /^Reminder \d+$/ }).count()).toBe(7);
    await after.getByText('Sessions (people on stage), 2 hours before').waitFor();
    await after.getByText('Meetings (both people), 30 minutes before').waitFor();
    await after.getByText('Meetings (both people), 1 day before').waitFor();
    expect(await after.getByText(/Matchmaking closes,/).count()).toBe(0);
    expect(await after.getByText("These are the built-in reminders. Saving makes them this event's own.").count()).toBe(0);
  }, SLOW);

  it('changes the materials rules, which stay after a reload, downloads the pack and lists a session missing materials', async () => {
    const { page } = suite.pages[0];
    await page.goto(`/events/${slug}`);
    await page.getByRole('link', { name: 'Presenter materials' }).click();
    await heading(page, 'Presenter materials');

    // Sami has uploaded nothing to the keynote yet.
    const missing = page.getByRole('region', { name: 'Sessions still missing materials' });
    const keynote = missing.getByRole('article', { name: 'Keynote: Arctic data centres' });
    await keynote.getByText('Sami Speaker (Arctic Data Centre Cluster)').waitFor();
    await keynote.getByText(/08:00/).first().waitFor(); // 05:00 UTC is 08:00 in Helsinki

    const rules = page.getByRole('form', { name: 'Upload rules' });
    const types = rules.getByRole('group', { name: 'File types speakers may upload' });
    const size = rules.getByRole('textbox', { name: 'Largest file (MB)' });
    expect(await size.inputValue()).toBe('50');
    await size.fill('20');
    await rules.getByRole('textbox', { name: 'Upload deadline (event time)' }).fill('2030-04-20T17:00');
    await rules.getByRole('checkbox', { name: 'Anyone may download the materials pack once the event is over' }).check();
    // No file type at all first: refused at the field, and everything typed stays.
    const checked = types.getByRole('checkbox', { checked: true });
    while ((await checked.count()) > 0) await checked.first().uncheck();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByText(/Allow at least one of/).waitFor();
    expect(await size.inputValue()).toBe('20');
    expect(await rules.getByRole('textbox', { name: 'Upload deadline (event time)' }).inputValue()).toBe('2030-04-20T17:00');
    expect(await rules.getByRole('checkbox', { name: 'Anyone may download the materials pack once the event is over' }).isChecked()).toBe(true);

    await types.getByRole('checkbox', { name: 'PDF' }).check();
    await types.getByRole('checkbox', { name: 'PowerPoint (.pptx)' }).check();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByText('Rules saved.').waitFor();
    await rules.getByText('Deadline now:').waitFor();
    await scan(page, 'presenter materials (desktop)');

    const { materialsSettings } = await organiserApi<{ materialsSettings: { allowedTypes: string[]; maxBytes: number; uploadDeadline: string; packPublic: boolean } }>(
      `query($e: ID!) { materialsSettings(eventId: $e) { allowedTypes maxBytes uploadDeadline packPublic } }`,
    );
    expect(materialsSettings.maxBytes).toBe(20 * MB);
    expect([...materialsSettings.allowedTypes].sort()).toEqual(['PDF', 'PPTX']);
    expect(new Date(materialsSettings.uploadDeadline).toISOString()).toBe('2030-04-20T14:00:00.000Z'); // 17:00 in Helsinki
    expect(materialsSettings.packPublic).toBe(true);

    await page.reload();
    await heading(page, 'Presenter materials');
    const reloaded = page.getByRole('form', { name: 'Upload rules' });
    expect(await reloaded.getByRole('textbox', { name: 'Largest file (MB)' }).inputValue()).toBe('20');
    expect(await reloaded.getByRole('textbox', { name: 'Upload deadline (event time)' }).inputValue()).toBe('2030-04-20T17:00');
    const checkedTypes = await reloaded.getByRole('group', { name: 'File types speakers may upload' }).getByRole('checkbox', { checked: true }).all();
    expect(await Promise.all(checkedTypes.map((box) => box.getAttribute('value')))).toEqual(['PDF', 'PPTX']);
    expect(await reloaded.getByRole('checkbox', { name: 'Anyone may download the materials pack once the event is over' }).isChecked()).toBe(true);
    await page.getByText('Anyone can download it once the event is over.').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the materials pack (ZIP)' }).click();
    expect((await download).suggestedFilename()).toBe(`${slug}-materials.zip`);
  }, SLOW);

  it("names the times in a refusal in the event's zone, with the organiser's own beside them", async () => {
    const [ada, ben] = [await participant(t, event, 'Ada Applicant'), await participant(t, event, 'Ben Buyer')];
    await meetingBetween(t, event, ada, ben, event.slots[0].id); // 26 Apr 2030, 13:00 in Helsinki
    const { page } = suite.pages[0];
    await page.goto(`/organise/${slug}/matchmaking`);
    await heading(page, 'Matchmaking settings');
    await page.getByRole('textbox', { name: 'Meeting length (minutes)' }).fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // The organiser's browser is in Brussels, the event in Helsinki: both clocks, each zone named.
    const refusal = await page.getByRole('alert').filter({ hasText: 'already hold meetings' }).textContent();
    expect(refusal).toContain('Fri 26 Apr, 13:00 Helsinki (EEST) · Fri 26 Apr, 12:00 Brussels (CEST) (1 meeting)');
    expect(await page.getByRole('textbox', { name: 'Meeting length (minutes)' }).inputValue()).toBe('30');
  }, SLOW);

  it('on a phone, both pages fit 375 px and pass axe', async () => {
    const { page } = await as(event.organiser, PHONE);
    await page.goto(`/organise/${slug}/notifications`);
    await heading(page, 'E-mails and reminders');
    await page.getByRole('button', { name: /^Meeting scheduled/ }).click();
    await page.getByRole('form', { name: 'Meeting scheduled' }).getByRole('textbox', { name: 'Subject' }).waitFor();
    await page.getByRole('group', { name: 'Reminder 1' }).waitFor();
    await scan(page, 'e-mails and reminders (phone)');
    await noOverflow(page);

    await page.goto(`/organise/${slug}/materials`);
    await heading(page, 'Presenter materials');
    await page.getByRole('article', { name: 'Keynote: Arctic data centres' }).waitFor();
    await scan(page, 'presenter materials (phone)');
    await noOverflow(page);
  }, SLOW);

  it('has no serious or critical accessibility violations and no console errors', () => {
    expect(Object.keys(suite.scanned).sort()).toEqual(['e-mails and reminders (desktop)', 'e-mails and reminders (phone)', 'presenter materials (desktop)', 'presenter materials (phone)']);
    suite.expectClean(4);
  });
});
