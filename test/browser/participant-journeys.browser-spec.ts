// Participant, speaker and organiser journeys of the event areas (my agenda, seats and waiting
// lists, matchmaking, calendar, materials, agenda builder, messages), driven in Chromium against
// the real API. Data the journeys do not exercise is set up through the API to keep the suite fast.
import { meetingBetween, participant, matchmakingEvent, type MatchmakingEvent, type Person } from '../support/matchmaking-fixtures.js';
import { TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, DESKTOP, PHONE, screenshot, type WatchedPage } from './browser-harness.js';

const SLOW = 120_000;

describeInBrowser('web app in Chromium: agenda, matchmaking, calendar, materials', () => {
  let t: TestApp;
  let event: MatchmakingEvent;
  let slug: string;
  let anna: Person;
  let ben: Person;
  let sara: Person;
  let sessionId: string;
  const suite = new BrowserSuite();
  const { heading, scan, noOverflow } = suite;
  /** A tab already signed in as this person. */
  const as = (who: Person, viewport: { width: number; height: number }) => suite.signedIn(t.baseUrl, who.token, viewport);


  beforeAll(async () => {
    t = await TestApp.start();
    await suite.start();
    event = await matchmakingEvent(t, { mode: 'PARTICIPANTS_PICK_SLOT' });
    const events = await t.ok<{ events: { nodes: { id: string; slug: string }[] } }>(`query { events(first: 50) { nodes { id slug } } }`);
    slug = events.events.nodes.find((e) => e.id === event.eventId)!.slug;
    const org = { organisation: { name: 'Lapland Mining Cluster', type: 'CLUSTER', country: 'FI', region: 'Lapland' } };
    anna = await participant(t, event, 'Anna Aalto', { ...org, profile: { pitch: 'Critical raw materials from Lapland', themes: ['critical raw materials'] }, offers: ['Ore sorting pilots'], seeks: ['Battery recyclers'] });
    ben = await participant(t, event, 'Ben Bauer', { organisation: { name: 'Saxony Recycling', type: 'SME', country: 'DE', region: 'Saxony' }, profile: { themes: ['critical raw materials'] }, offers: ['Battery recyclers'], seeks: ['Ore sorting pilots'] });
    sara = await participant(t, event, 'Sara Speaker');
    const o = event.organiser.token;
    // A round table with one seat, and a keynote with Sara on stage.
    const { createSession: rt } = await t.ok(
      `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`,
      { e: event.eventId, i: { title: 'Round tables on recycling', type: 'ROUND_TABLE', startsAt: '2030-04-26T06:00:00Z', endsAt: '2030-04-26T07:00:00Z' } }, o,
    );
    await t.ok(`mutation($s: ID!, $i: RoundTableInput!) { addRoundTable(sessionId: $s, input: $i) { id } }`, { s: rt.id, i: { topic: 'Black mass', seats: 1 } }, o);
    await t.ok(`mutation($s: ID!, $i: RoundTableInput!) { addRoundTable(sessionId: $s, input: $i) { id } }`, { s: rt.id, i: { topic: 'Cathode scrap', seats: 2, hostAccountId: event.organiser.accountId } }, o);
    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { status } }`, { id: rt.id }, o);
    const { createSession: keynote } = await t.ok(
      `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`,
      { e: event.eventId, i: { title: 'Keynote: Europe needs its own metals', type: 'KEYNOTE', startsAt: '2030-04-26T05:00:00Z', endsAt: '2030-04-26T05:45:00Z' } }, o,
    );
    sessionId = keynote.id;
    await t.ok(`mutation($s: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $s, people: $p) { id } }`, { s: keynote.id, p: [{ accountId: sara.accountId, role: 'SPEAKER' }] }, o);
    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { status } }`, { id: keynote.id }, o);
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
  });

  it('on a phone, a participant takes the last seat and the next one lands on the waiting list', async () => {
    const a = await as(anna, PHONE);
    await a.page.goto(`/events/${slug}/agenda`);
    await heading(a.page, 'Agenda');
    await a.page.getByRole('button', { name: 'Take a seat: Black mass' }).click();
    await a.page.getByText('You have a seat.').waitFor();

    const b = await as(ben, PHONE);
    await b.page.goto(`/events/${slug}/agenda`);
    await heading(b.page, 'Agenda');
    await b.page.getByRole('button', { name: 'Join the waiting list: Black mass' }).click();
    await b.page.getByText('You are number 1 on the waiting list.').waitFor();
    await b.page.goto(`/events/${slug}/me`);
    await heading(b.page, 'My agenda');
    await b.page.getByText('Waiting list, position 1').waitFor();
    await scan(b.page, 'my agenda (phone)');
    await noOverflow(b.page);
    await screenshot(b.page, 'my-agenda-phone');

    // Ben moves from the waiting list to the other table in one step; the full table offers no move.
    await b.page.goto(`/events/${slug}/agenda`);
    await heading(b.page, 'Agenda');
    expect(await b.page.getByRole('button', { name: 'Move to this table: Black mass' }).count()).toBe(0);
    await b.page.getByRole('button', { name: 'Move to this table: Cathode scrap' }).click();
    await b.page.getByText('You have a seat.').waitFor();
    await b.page.getByText('Cathode scrap · 1 of 2 seats taken').waitFor();
    await scan(b.page, 'agenda after moving tables (phone)');

    // Who else is at Ben's new table: its host, asked for when the disclosure opens.
    await b.page.getByText("Who's at my table (1)").click();
    const mates = b.page.getByRole('list', { name: "Who's at my table" });
    await mates.getByText(event.organiser.name, { exact: false }).waitFor();
    await mates.getByText('host', { exact: true }).waitFor();
    await scan(b.page, "who's at my table open (phone)");
  }, SLOW);

  it('on phones, two participants request, accept with a slot and get a table', async () => {
    const a = suite.pages[0].page;
    await a.goto(`/events/${slug}/matchmaking`);
    await heading(a, 'Matchmaking');
    // Ben is recommended to Anna, with the reasons why.
    const rec = a.getByRole('article', { name: 'Ben Bauer' }).first();
    await rec.waitFor();
    await scan(a, 'matchmaking people (phone)');
    // Directory filters: Ben is from Saxony (DE), an SME.
    const directory = a.getByRole('region', { name: 'Directory' });
    await directory.getByLabel('Country (e.g. FI)').fill('de');
    await directory.getByRole('article', { name: 'Ben Bauer' }).waitFor();
    await directory.getByLabel('Country (e.g. FI)').fill('SE');
    await directory.getByText('Nobody matches these filters.').waitFor();
    await directory.getByLabel('Country (e.g. FI)').fill('');
    await directory.getByRole('article', { name: 'Ben Bauer' }).waitFor();
    await noOverflow(a);
    await screenshot(a, 'matchmaking-phone');
    await rec.getByRole('button', { name: 'Request a meeting with Ben Bauer' }).click();
    await rec.getByLabel('Message (optional)').fill('Shall we talk about black mass?');
    await rec.getByRole('button', { name: 'Send request' }).click();
    await rec.getByText('Request sent to Ben Bauer.').waitFor();

    const b = suite.pages[1].page;
    await b.goto(`/events/${slug}/matchmaking/requests`);
    await heading(b, 'Requests');
    const req = b.getByRole('article', { name: 'Anna Aalto' });
    await req.getByText('Shall we talk about black mass?').waitFor();
    await req.getByRole('textbox', { name: 'Pick a time' }).click();
    await b.getByRole('option').nth(1).click();
    await scan(b, 'requests (phone)');
    await req.getByRole('button', { name: 'Accept: Anna Aalto' }).click();
    await req.getByText('Accepted').waitFor();

    await a.goto(`/events/${slug}/meetings`);
    await heading(a, 'My meetings');
    const meeting = a.getByRole('article', { name: 'Ben Bauer' });
    await meeting.getByText(/^Table \d/).waitFor();
    await meeting.getByText('Helsinki', { exact: false }).first().waitFor();
    await scan(a, 'my meetings (phone)');
    await noOverflow(a);
    await screenshot(a, 'meetings-phone');
    // At the venue Anna checks in from the event home.
    await a.goto(`/events/${slug}`);
    await a.getByRole('button', { name: 'Check in' }).click();
    await a.getByText('You are checked in:').waitFor();
    await scan(a, 'event home checked in (phone)');
    // Her printable plan opens in a tab of its own, styled by its own CSS (no policy complaint).
    const [plan] = await Promise.all([a.context().waitForEvent('page'), a.getByRole('button', { name: 'My meeting plan (printable)' }).click()]);
    await plan.getByText('Ben Bauer').first().waitFor();
    expect(await plan.evaluate<string>('getComputedStyle(document.body).fontFamily')).toContain('system-ui');
    await plan.close();
    // The meeting is in Anna's agenda too, and her calendar link has a QR code.
    await a.goto(`/events/${slug}/me`);
    await a.getByText('Meeting with Ben Bauer').waitFor();
    await a.getByRole('button', { name: 'Show my calendar link' }).click();
    await a.getByRole('img', { name: /QR code/ }).waitFor();
    expect(await a.getByLabel('Calendar link').inputValue()).toMatch(/^webcal:\/\//);
    await scan(a, 'my agenda with calendar (phone)');
  }, SLOW);

  it('on a phone, a participant adds a video link to a meeting; a refused link keeps the text; "Join online" opens it', async () => {
    const a = suite.pages[0].page;
    await a.goto(`/events/${slug}/meetings`);
    await heading(a, 'My meetings');
    const meeting = a.getByRole('article', { name: 'Ben Bauer' });
    await meeting.getByRole('button', { name: 'Add a video link' }).click();
    const form = meeting.getByRole('form', { name: 'Video link of the meeting' });
    const field = form.getByRole('textbox', { name: 'Video link' });
    await form.getByText('For a partner joining remotely; the table stays yours.').waitFor();
    await field.fill('http://video.example/anna-ben');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('A video link starts with https:// and is at most 2,000 characters, with no user name or password in it.').waitFor();
    expect(await field.inputValue()).toBe('http://video.example/anna-ben');
    await scan(a, 'video link form with a refusal (phone)');
    await noOverflow(a);

    await field.fill('https://video.example/anna-ben');
    await form.getByRole('button', { name: 'Save' }).click();
    const join = meeting.getByRole('link', { name: 'Join online: meeting with Ben Bauer' });
    await join.waitFor();
    expect(await join.evaluate((el) => [el.getAttribute('href'), el.getAttribute('target'), el.getAttribute('rel')])).toEqual(['https://video.example/anna-ben', '_blank', 'noopener noreferrer']);
    await meeting.getByRole('button', { name: 'Change the video link' }).waitFor();
    expect(await form.count()).toBe(0);
    await noOverflow(a);
    // The API has it, and Ben (who was told) sees the same link.
    const { myMeetings } = await t.ok<{ myMeetings: { onlineUrl: string | null; requester: { accountId: string } | null }[] }>(
      `query($e: ID!) { myMeetings(eventId: $e) { onlineUrl requester { accountId } } }`, { e: event.eventId }, ben.token,
    );
    expect(myMeetings.find((x) => x.requester?.accountId === anna.accountId)?.onlineUrl).toBe('https://video.example/anna-ben');

    // My agenda's timeline has the link on the meeting too.
    await a.goto(`/events/${slug}/me`);
    await heading(a, 'My agenda');
    const inTimeline = a.getByRole('listitem', { name: 'Meeting with Ben Bauer' }).getByRole('link', { name: 'Join online: meeting with Ben Bauer' });
    expect(await inTimeline.getAttribute('href')).toBe('https://video.example/anna-ben');
    await noOverflow(a);
    await a.goto(`/events/${slug}/meetings`);
    await heading(a, 'My meetings');

    // Removing it: in person again.
    await meeting.getByRole('button', { name: 'Change the video link' }).click();
    expect(await field.inputValue()).toBe('https://video.example/anna-ben');
    await form.getByRole('button', { name: 'Remove the link' }).click();
    await meeting.getByRole('button', { name: 'Add a video link' }).waitFor();
    expect(await join.count()).toBe(0);
  }, SLOW);

  it('my profile keeps what was typed when the API refuses it', async () => {
    const a = suite.pages[0].page;
    await a.goto(`/events/${slug}/matchmaking/profile`);
    await heading(a, 'My profile');
    await a.getByLabel('What I bring (pitch)').fill('x'.repeat(3000));
    await a.getByRole('button', { name: 'Save profile' }).click();
    await a.getByText('at most 2,000 characters').waitFor();
    expect((await a.getByLabel('What I bring (pitch)').inputValue()).length).toBe(3000);
    await a.getByLabel('What I bring (pitch)').fill('Critical raw materials from Lapland, sorted at the mine');
    await a.getByRole('button', { name: 'Save profile' }).click();
    await a.getByText('Profile saved.').waitFor();
    await scan(a, 'my profile (phone)');
  }, SLOW);

  it('a participant changes a pending request in place; a refusal keeps the text; the person asked sees the change', async () => {
    const cara = await participant(t, event, 'Cara Castro', { organisation: { name: 'Oulu Water Cluster', type: 'CLUSTER', country: 'FI' } });
    const dan = await participant(t, event, 'Dan Dahl');
    const [first, later] = [event.slots[0]!, event.slots[4]!];
    const c = await as(cara, PHONE);
    const page = c.page;
    await page.goto(`/events/${slug}/matchmaking`);
    await heading(page, 'Matchmaking');
    const card = page.getByRole('region', { name: 'Directory' }).getByRole('article', { name: 'Dan Dahl' });
    await card.getByRole('button', { name: 'Request a meeting with Dan Dahl' }).click();
    await card.getByLabel('Message (optional)').fill('Coffee on the first day?');
    await card.getByRole('textbox', { name: 'Time slot' }).click();
    await page.getByRole('option', { name: /26 Apr, 13:00/ }).click();
    await card.getByRole('radio', { name: 'High' }).check();
    await card.getByRole('button', { name: 'Send request' }).click();
    await card.getByText('Request sent to Dan Dahl.').waitFor();

    await page.goto(`/events/${slug}/matchmaking/requests`);
    await heading(page, 'Requests');
    const sent = page.getByRole('region', { name: 'Sent' }).getByRole('article', { name: 'Dan Dahl' });
    await sent.getByText('“Coffee on the first day?”').waitFor();
    await sent.locator(`time[datetime="${first.startsAt}"]`).waitFor();
    expect(await sent.getByText(/^Changed/).count()).toBe(0);
    const change = sent.getByRole('button', { name: 'Change the request to Dan Dahl' });
    const editor = sent.getByRole('form', { name: 'Change the request to Dan Dahl' });
    const message = editor.getByLabel('Message (optional)');
    const slot = editor.getByRole('textbox', { name: 'Time slot' });
    // Cancel closes the editor and changes nothing.
    await change.click();
    await message.fill('Never mind');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await change.waitFor();
    await sent.getByText('“Coffee on the first day?”').waitFor();

    // The editor opens with what the request says now.
    await change.click();
    expect(await message.inputValue()).toBe('Coffee on the first day?');
    expect(await slot.inputValue()).toMatch(/26 Apr, 13:00/);
    expect(await editor.getByRole('radio', { name: 'High' }).isChecked()).toBe(true);
    await slot.click();
    expect(await page.getByRole('option').first().textContent()).toBe('No proposed time');
    await page.getByRole('option', { name: /27 Apr, 10:20/ }).click();
    // Too long a message is refused at its field, and nothing typed is lost.
    await message.fill('x'.repeat(2100));
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('at most 2,000 characters').waitFor();
    expect(await message.getAttribute('aria-invalid')).toBe('true');
    expect((await message.inputValue()).length).toBe(2100);
    expect(await slot.inputValue()).toMatch(/27 Apr, 10:20/);
    await scan(page, 'request editor with a refusal (phone)');
    await noOverflow(page);
    await message.fill('Coffee on the second day instead?');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await sent.getByText('“Coffee on the second day instead?”').waitFor();
    await sent.locator(`time[datetime="${later.startsAt}"]`).waitFor();
    await sent.getByText(/^Changed/).waitFor();
    expect(await editor.count()).toBe(0);
    await scan(page, 'sent request changed (phone)');
    await noOverflow(page);

    const d = await as(dan, PHONE);
    await d.page.goto(`/events/${slug}/matchmaking/requests`);
    await heading(d.page, 'Requests');
    const received = d.page.getByRole('region', { name: 'Received' }).getByRole('article', { name: 'Cara Castro' });
    await received.getByText('“Coffee on the second day instead?”').waitFor();
    await received.locator(`time[datetime="${later.startsAt}"]`).waitFor();
    await received.getByText(/^Changed/).waitFor();
    await scan(d.page, 'received request changed (phone)');
    await noOverflow(d.page);
  }, SLOW);

  it('my agenda stays readable offline once loaded', async () => {
    const { page, context } = suite.pages[0];
    await page.goto(`/events/${slug}/me`);
    await page.getByText('Meeting with Ben Bauer').waitFor();
    await page.evaluate(async () => {
      const nav = (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } }).navigator;
      await nav.serviceWorker.ready;
    });
    // Reload once under the worker so the answers are stored, then go offline.
    await page.reload();
    await page.getByText('Meeting with Ben Bauer').waitFor();
    const sw = await fetch(`${t.baseUrl}/sw.js`);
    expect([sw.status, sw.headers.get('cache-control'), sw.headers.get('content-type')]).toEqual([200, 'no-cache', 'text/javascript; charset=utf-8']);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByText('Meeting with Ben Bauer').waitFor();
      await page.getByText('You are offline').waitFor();
    } finally {
      await context.setOffline(false);
    }
  }, SLOW);

  it('a speaker uploads a PDF with a progress bar, sees its versions and replaces it', async () => {
    const s = await as(sara, DESKTOP);
    await s.page.goto(`/events/${slug}/speaker`);
    await heading(s.page, 'My sessions');
    const card = s.page.getByRole('region', { name: 'Keynote: Europe needs its own metals' });
    await card.getByLabel('Title (optional)').fill('Slides');
    await card.locator('input[type=file]').last().setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% ClusterMeet test\n%%EOF\n') });
    await card.getByRole('button', { name: 'Upload a file' }).click();
    await card.getByText('Uploaded: Slides').waitFor();
    const material = card.getByRole('article', { name: 'Slides' });
    await material.getByText('Version 1: slides.pdf').waitFor();
    await material.getByRole('button', { name: 'Replace file' }).click();
    await material.locator('input[type=file]').setInputFiles({ name: 'slides-v2.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% version two\n%%EOF\n') });
    await material.getByRole('button', { name: 'Upload a file' }).click();
    await material.getByText(/Version 2: slides-v2\.pdf.*current/).waitFor();
    await scan(s.page, 'speaker');
    await screenshot(s.page, 'speaker-desktop');
    expect(sessionId).toBeTruthy();
  }, SLOW);

  it('an organiser builds a session, sees the conflict and publishes; matchmaking settings and messages work', async () => {
    const o = await as(event.organiser, DESKTOP);
    const page = o.page;
    await page.goto(`/organise/${slug}/agenda`);
    await heading(page, 'Agenda builder');
    await page.getByLabel('Title').fill('Clash with the keynote');
    await page.getByLabel('Starts (event time)').fill('2030-04-26T08:00');
    await page.getByLabel('Ends (event time)').fill('2030-04-26T08:30');
    await page.getByRole('button', { name: 'Create session' }).click();
    const created = page.getByRole('article', { name: 'Clash with the keynote' });
    await created.waitFor();
    await created.getByRole('textbox', { name: 'Person' }).click();
    await page.getByRole('option', { name: 'Sara Speaker' }).click();
    await created.getByRole('button', { name: /Add person/ }).click();
    await created.getByText('Sara Speaker (Speaker)').waitFor();
    await page.getByRole('region', { name: 'Conflicts' }).getByText(/Sara Speaker|speaker|person/i).first().waitFor();
    // Publishing with a hard conflict is refused, and the reason shows at the session.
    await created.getByRole('button', { name: 'Publish: Clash with the keynote' }).click();
    await created.getByText('cannot be published as planned').waitFor();
    await created.getByText('Conflict', { exact: true }).waitFor();
    await scan(page, 'agenda builder with a conflict');
    // Taking Sara off the clashing session clears the conflict; then it publishes.
    await created.getByRole('button', { name: 'Remove Sara Speaker, Clash with the keynote' }).click();
    await page.getByText('No conflicts.').waitFor();
    await created.getByRole('button', { name: 'Publish: Clash with the keynote' }).click();
    await created.getByText('Published', { exact: true }).waitFor();
    await scan(page, 'agenda builder');
    await screenshot(page, 'agenda-builder-desktop');

    await page.goto(`/organise/${slug}/matchmaking`);
    await heading(page, 'Matchmaking settings');
    await page.getByText('6 slots').waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await scan(page, 'matchmaking settings');

    await page.goto(`/organise/${slug}/messages`);
    await heading(page, 'Messages');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.mantine-InputWrapper-error, [role="alert"]').first().waitFor();
    await page.getByLabel('Subject').fill('Welcome to Levi');
    await page.getByLabel('Message').fill('Buses leave at 8:00.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/Sent to \d+ people/).waitFor();
    await scan(page, 'messages');

    await page.goto(`/organise/${slug}/reports`);
    await heading(page, 'Reports');
    await page.getByRole('region', { name: 'Meetings between organisation types' }).waitFor();
    await page.getByRole('region', { name: 'Meeting requests' }).getByText('Sent (all)').waitFor();
    const activity = page.getByRole('region', { name: 'Requests and meetings over time' });
    await activity.getByText(/\d+ requests sent and \d+ accepted from/).waitFor();
    await activity.getByRole('img').waitFor();
    await activity.getByText('Show the numbers').click();
    await activity.getByRole('columnheader', { name: 'Requests sent' }).waitFor();
    // A follow-up round, in the event's zone; its number follows round 1 (the feedback).
    await page.getByRole('textbox', { name: 'Opens' }).fill('2030-05-01T09:00');
    await page.getByRole('textbox', { name: 'Closes' }).fill('2030-06-01T09:00');
    await page.getByRole('button', { name: 'Open round' }).click();
    await page.getByText('Follow-up round 2 opened.').waitFor();
    await page.getByRole('region', { name: 'Follow-up rounds' }).getByText('Follow-up 2:').waitFor();
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV: Meetings between organisation types' }).click();
    expect((await csv).suggestedFilename()).toBe(`${slug}-type-matrix.csv`);
    await scan(page, 'reports');
    await screenshot(page, 'reports-desktop');
  }, SLOW);

  it('an organiser runs the meeting scheduler, reviews the draft and publishes it', async () => {
    const scheduled = await matchmakingEvent(t, { mode: 'ORGANISER_SCHEDULES' });
    const [p, q, r] = [await participant(t, scheduled, 'Pia Pohjola'), await participant(t, scheduled, 'Quentin Quist'), await participant(t, scheduled, 'Rita Rossi')];
    await meetingBetween(t, scheduled, p, q);
    await meetingBetween(t, scheduled, q, r);
    const events = await t.ok<{ events: { nodes: { id: string; slug: string }[] } }>(`query { events(first: 50) { nodes { id slug } } }`);
    const where = events.events.nodes.find((e) => e.id === scheduled.eventId)!.slug;
    const o = await as(scheduled.organiser, DESKTOP);
    await o.page.goto(`/organise/${where}/scheduler`);
    await heading(o.page, 'Meeting scheduler');
    await o.page.getByText('No run yet.').waitFor();
    await o.page.getByLabel('Search time (seconds)').fill('1');
    await o.page.getByRole('button', { name: 'Run the scheduler' }).click();
    await o.page.getByRole('heading', { name: 'Draft ready for review' }).waitFor({ timeout: 30_000 });
    await o.page.getByText('2 of 2 meetings placed').waitFor();
    // Moving a draft meeting: a refusal shows at its field; a valid move locks the meeting there.
    await o.page.getByRole('button', { name: 'Move: Quentin Quist & Rita Rossi' }).click();
    const move = o.page.getByRole('form', { name: /Move Quentin Quist & Rita Rossi/ });
    await move.getByLabel('Table number').fill('999');
    await move.getByRole('button', { name: 'Move here' }).click();
    await move.getByText('Table 999 does not exist', { exact: false }).waitFor();
    expect(await move.getByLabel('Table number').getAttribute('aria-invalid')).toBe('true');
    await move.getByLabel('Table number').fill('1');
    await move.getByRole('button', { name: 'Move here' }).click();
    await o.page.getByRole('button', { name: 'Unlock: Quentin Quist & Rita Rossi' }).waitFor();
    await o.page.getByRole('button', { name: 'Lock: Pia Pohjola & Quentin Quist' }).click();
    await o.page.getByText('Locked').first().waitFor();
    await scan(o.page, 'scheduler');
    await screenshot(o.page, 'scheduler-desktop');
    await o.page.getByRole('button', { name: 'Publish the schedule' }).click();
    await o.page.getByText('Published: everyone was told their meeting times.').waitFor();
    // The printable table plans need the sign-in token: they open from the console in a new tab.
    await o.page.goto(`/events/${where}`);
    const popup = o.page.waitForEvent('popup');
    await o.page.getByRole('button', { name: 'Meeting plans by table' }).click();
    const plans = await popup;
    await plans.getByText('Pia Pohjola').first().waitFor();
    await plans.close();
  }, SLOW);

  it('a participant sets e-mail preferences, downloads their data and deletes the account', async () => {
    const who = await participant(t, event, 'Dora Delete');
    const { me } = await t.ok<{ me: { email: string } }>(`query { me { email } }`, {}, who.token);
    const d = await as(who, PHONE);
    await d.page.goto('/account');
    await heading(d.page, 'My account');
    const digest = d.page.getByRole('switch', { name: 'Daily digest' });
    const saved = d.page.waitForResponse((r) => r.url().endsWith('/graphql') && !!r.request().postData()?.includes('SetNotificationSubscription'));
    await digest.uncheck();
    await saved;
    await d.page.reload();
    await heading(d.page, 'My account');
    expect(await d.page.getByRole('switch', { name: 'Daily digest' }).isChecked()).toBe(false);
    const download = d.page.waitForEvent('download');
    await d.page.getByRole('button', { name: 'Download my data' }).click();
    expect((await download).suggestedFilename()).toBe('clustermeet-my-data.json');
    await scan(d.page, 'my account (phone)');
    await noOverflow(d.page);
    await d.page.getByLabel('Type your e-mail to confirm').fill('someone@else.example');
    await d.page.getByRole('button', { name: 'Delete my account for good' }).click();
    await d.page.locator('[role="alert"], [id$="-error"]').first().waitFor();
    expect(await d.page.getByLabel('Type your e-mail to confirm').inputValue()).toBe('someone@else.example');
    await d.page.getByLabel('Type your e-mail to confirm').fill(me.email);
    await d.page.getByRole('button', { name: 'Delete my account for good' }).click();
    await heading(d.page, 'Sign in');
    await d.page.getByRole('status').getByText('Your account has been deleted.').waitFor();
  }, SLOW);

  it('has no serious or critical accessibility violations and no console errors', () => {
    suite.expectClean(10);
  });
});
