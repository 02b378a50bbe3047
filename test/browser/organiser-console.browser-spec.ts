// The organiser console for running an event (meetings overview, check-in desk, data retention,
// audit log) and platform administration (suspending and reinstating accounts), driven in
// Chromium against the real API. Data the journeys do not exercise is set up through the API.
import { type Page } from 'playwright-core';
import { matchmakingEvent, meetingBetween, participant, type MatchmakingEvent, type Person, sendRequest } from '../support/matchmaking-fixtures.js';
import { TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, DESKTOP, PHONE, screenshot, type WatchedPage } from './browser-harness.js';

const SLOW = 120_000;
const ADMIN_EMAIL = 'console.admin@test.example';

describeInBrowser('web app in Chromium: organiser console and platform administration', () => {
  let t: TestApp;
  let event: MatchmakingEvent;
  let slug: string;
  let anna: Person;
  let ben: Person;
  let carla: Person;
  let dave: Person;
  let organiserPage: WatchedPage;
  let booked: { id: string };
  let overdue: { id: string };
  const suite = new BrowserSuite();
  const { heading, scan, noOverflow } = suite;
  /** A tab already signed in with this token. */
  const as = (token: string, viewport: { width: number; height: number }) => suite.signedIn(t.baseUrl, token, viewport);

  async function choose(page: Page, scope: ReturnType<Page['getByRole']> | Page, label: string, option: string) {
    await scope.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  beforeAll(async () => {
    // No background jobs: the per-minute expiry would otherwise close the overdue request below
    // before the organiser does, at a moment that depends on the clock.
    t = await TestApp.start({ PLATFORM_ADMIN_EMAILS: ADMIN_EMAIL, RUN_WORKER_IN_API: 'false' });
    await suite.start();
    event = await matchmakingEvent(t, { mode: 'PARTICIPANTS_PICK_SLOT', expireAfterHours: 48 });
    const events = await t.ok<{ events: { nodes: { id: string; slug: string }[] } }>(`query { events(first: 50) { nodes { id slug } } }`);
    slug = events.events.nodes.find((e) => e.id === event.eventId)!.slug;
    anna = await participant(t, event, 'Anna Aalto', { organisation: { name: 'Lapland Mining Cluster', type: 'CLUSTER', country: 'FI', region: 'Lapland' } });
    ben = await participant(t, event, 'Ben Bauer', { organisation: { name: 'Saxony Recycling', type: 'SME', country: 'DE' } });
    carla = await participant(t, event, 'Carla Conti', { organisation: { name: 'Piedmont Water', type: 'RESEARCH', country: 'IT' } });
    dave = await participant(t, event, 'Dave Dunn');
    // Anna and Ben meet at table 2; Carla and Dave agreed but have no time yet.
    booked = await meetingBetween(t, event, anna, ben, event.slots[0].id, 2);
    // Ben joins remotely.
    await t.ok(`mutation($id: ID!) { setMeetingOnlineLink(meetingId: $id, url: "https://video.example/anna-ben") { id } }`, { id: booked.id }, anna.token);
    await meetingBetween(t, event, carla, dave);
    // Two pending requests, one of them past its answer time.
    overdue = await sendRequest(t, event, dave, anna);
    await sendRequest(t, event, ben, carla);
    await t.db.query(`UPDATE meeting_request SET expires_at = now() - interval '1 hour' WHERE id = $1`, [overdue.id]);
    // Feedback as it would be given after the meeting (the slot is in 2030), with a private note.
    await t.db.query(
      `INSERT INTO meeting_feedback (meeting_id, account_id, rating, expected_outcome, note) VALUES ($1, $2, 4, 'PROJECT_IDEA', 'Private: Ben talks too much'), ($1, $3, 5, 'PARTNERSHIP_LIKELY', NULL)`,
      [booked.id, anna.accountId, ben.accountId],
    );
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
  });

  it('an organiser filters meetings and requests, locks a meeting and closes overdue requests', async () => {
    organiserPage = await as(event.organiser.token, DESKTOP);
    const { page } = organiserPage;
    await page.goto(`/events/${slug}`);
    await page.getByRole('link', { name: 'Meetings overview' }).click();
    await heading(page, 'Meetings overview');

    const meetings = page.getByRole('region', { name: 'Meetings', exact: true });
    const annaRow = meetings.getByRole('row').filter({ hasText: 'Anna Aalto (Lapland Mining Cluster)' });
    await annaRow.waitFor();
    // Times in the event's zone (Helsinki), the table, both sides' ratings; never the private note.
    await annaRow.getByText('Fri 26 Apr, 13:00').waitFor();
    await annaRow.getByText('Table 2').waitFor();
    const online = annaRow.getByRole('link', { name: 'Online: video link of the meeting of Anna Aalto & Ben Bauer' });
    expect(await online.evaluate((el) => [el.textContent, el.getAttribute('href'), el.getAttribute('target'), el.getAttribute('rel')])).toEqual(['Online', 'https://video.example/anna-ben', '_blank', 'noopener noreferrer']);
    await annaRow.getByText('Anna Aalto: 4/5, Project idea').waitFor();
    await annaRow.getByText('Ben Bauer: 5/5, Partnership likely').waitFor();
    expect(await page.getByText(/Ben talks too much/).count()).toBe(0);
    await page.getByText('Answers: 2. Meetings rated: 1. Average rating: 4.5 of 5.').waitFor();
    await meetings.getByRole('row').filter({ hasText: 'Carla Conti' }).getByText('Not scheduled yet').waitFor();

    await choose(page, meetings, 'Status', 'Waiting for a time');
    await meetings.getByText('Showing 1 of 1').waitFor();
    await meetings.getByRole('row').filter({ hasText: 'Dave Dunn' }).waitFor();
    await choose(page, meetings, 'Status', 'Confirmed (all)');
    await page.getByRole('searchbox', { name: 'Person' }).fill('lapland');
    await meetings.getByText('Showing 1 of 1').waitFor();
    expect(await meetings.getByRole('row').filter({ hasText: 'Carla Conti' }).count()).toBe(0);

    await meetings.getByRole('button', { name: 'Lock the meeting of Anna Aalto & Ben Bauer' }).click();
    await meetings.getByRole('button', { name: 'Unlock the meeting of Anna Aalto & Ben Bauer' }).waitFor();
    await annaRow.getByText('Locked', { exact: true }).waitFor();
    const [row] = await t.db.query(`SELECT locked FROM meeting WHERE id = $1`, [booked.id]);
    expect(row.locked).toBe(true);

    await page.getByRole('searchbox', { name: 'Person' }).fill('');
    const requests = page.getByRole('region', { name: 'Meeting requests' });
    await choose(page, requests, 'Status', 'Pending');
    await requests.getByText('Showing 2 of 2').waitFor();
    await requests.getByText('Requests not answered within 48 hours expire.').waitFor();
    await requests.getByText('Pending requests past their answer time: 1.').waitFor();
    await requests.getByRole('row').filter({ hasText: 'Dave Dunn' }).getByText('Overdue').waitFor();
    await scan(page, 'meetings overview');
    await screenshot(page, 'meetings-overview-desktop');

    await requests.getByRole('button', { name: 'Close overdue requests now' }).click();
    await requests.getByText(/Close every pending request that is past its answer time/).waitFor();
    await scan(page, 'meetings overview (confirming)');
    await requests.getByRole('button', { name: 'Yes, close them' }).click();
    await requests.getByText('Requests closed as expired: 1.').waitFor();
    await requests.getByText('Showing 1 of 1').waitFor();
    await choose(page, requests, 'Status', 'Expired');
    await requests.getByRole('row').filter({ hasText: 'Dave Dunn' }).getByText('Expired').waitFor();
    const [expired] = await t.db.query(`SELECT status FROM meeting_request WHERE id = $1`, [overdue.id]);
    expect(expired.status).toBe('EXPIRED');

    // A link for the venue's printer computer opens the table plans there without signing in.
    await page.getByRole('button', { name: 'Make a link for another computer: Meeting plans by table (printable)' }).click();
    const linkBox = page.getByRole('textbox', { name: 'Link to Meeting plans by table (printable)' });
    await linkBox.waitFor();
    await page.getByText(/Opens without signing in until/).waitFor();
    await scan(page, 'meetings overview with a printout link');
    const printer = await suite.anonymous(t.baseUrl, DESKTOP);
    const url = new URL(await linkBox.inputValue());
    await printer.page.goto(`${url.pathname}${url.search}`);
    await printer.page.getByText('Anna Aalto').first().waitFor();
    await printer.page.getByText('Table 2').first().waitFor();
  }, SLOW);

  it('on a phone, an organiser finds people at the entrance and checks them in', async () => {
    const { page } = await as(event.organiser.token, PHONE);
    await page.goto(`/organise/${slug}/check-in`);
    await heading(page, 'Check-in');
    // Four participants and the organiser; Anna checked herself in already.
    await t.ok(`mutation($e: ID!) { checkInToEvent(eventId: $e) { accountId } }`, { e: event.eventId }, anna.token);
    await page.reload();
    await page.getByText('1 of 5 checked in').waitFor();
    expect(await page.getByRole('article', { name: 'Anna Aalto' }).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('piedmont');
    await page.getByRole('article', { name: 'Carla Conti' }).waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    await scan(page, 'check-in (phone)');
    await screenshot(page, 'check-in-phone');
    await noOverflow(page);
    await page.getByRole('button', { name: 'Check in Carla Conti' }).click();
    await page.getByText('Carla Conti is checked in.').waitFor();
    await page.getByText('2 of 5 checked in').waitFor();
    await page.getByText('Nobody matches.').waitFor();

    await page.getByRole('searchbox', { name: 'Find a person' }).fill('');
    await page.locator('label').filter({ hasText: /^Checked in$/ }).click();
    const carlaCard = page.getByRole('article', { name: 'Carla Conti' });
    await carlaCard.getByText(/by Olga Organiser/).waitFor();
    await page.getByRole('article', { name: 'Anna Aalto' }).getByText(/by themselves/).waitFor();
    await noOverflow(page);
    const rows = await t.db.query(`SELECT account_id, checked_in_by FROM event_check_in WHERE event_id = $1 AND account_id = $2`, [event.eventId, carla.accountId]);
    expect(rows).toEqual([{ account_id: carla.accountId, checked_in_by: event.organiser.accountId }]);
  }, SLOW);

  it('an organiser scans a name badge: the desk opens at that person, one tap checks them in', async () => {
    const [{ id: benBadge }] = await t.db.query(`SELECT id FROM participation WHERE event_id = $1 AND account_id = $2`, [event.eventId, ben.accountId]);
    const { page } = await as(event.organiser.token, PHONE);
    await page.goto(`/organise/${slug}/check-in#p=${benBadge}`);
    const badge = page.getByRole('region', { name: 'Ben Bauer' });
    await badge.getByRole('heading', { name: 'Ben Bauer', level: 2 }).waitFor();
    await badge.getByText('Saxony Recycling').waitFor();
    await scan(page, 'check-in from a badge');
    await noOverflow(page);
    await badge.getByRole('button', { name: 'Check in', exact: true }).click();
    await page.getByText('Ben Bauer is checked in.').waitFor();
    await badge.getByText('Checked in:').waitFor();
    expect(await badge.getByRole('button', { name: 'Check in', exact: true }).count()).toBe(0);
    const rows = await t.db.query(`SELECT checked_in_by FROM event_check_in WHERE event_id = $1 AND account_id = $2`, [event.eventId, ben.accountId]);
    expect(rows).toEqual([{ checked_in_by: event.organiser.accountId }]);

    // Scanned again later: already in, with the time; no second check-in.
    await page.reload();
    await page.getByRole('region', { name: 'Ben Bauer' }).getByText(/^Already checked in at \d{2}:\d{2}/).waitFor();
    await scan(page, 'check-in from a badge (already in)');
    // A code that is nobody's here says so; the list is still there.
    await page.goto(`/events/${slug}`);
    await page.goto(`/organise/${slug}/check-in#p=00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').filter({ hasText: 'This badge is not of an approved participant of this event.' }).waitFor();
    await page.getByRole('button', { name: 'Close and show only the list' }).click();
    expect(await page.getByRole('region', { name: 'From a name badge' }).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Find a person' }).waitFor();
  }, SLOW);

  it('an organiser sets data retention, sees the date after reloading, and reads it in the audit log', async () => {
    const { page } = organiserPage;
    await page.goto(`/organise/${slug}/settings`);
    await heading(page, 'Event settings');
    const retention = page.getByRole('region', { name: 'Personal data retention' });
    await retention.getByText('No retention period: the personal data is kept until the people delete their accounts.').waitFor();
    await retention.getByLabel('Days to keep after the event').fill('0');
    await retention.getByRole('button', { name: 'Save retention period' }).click();
    // The refusal shows at the field and keeps what was typed.
    await retention.getByText('The retention period must be a whole number of days from 1 to 3650.').waitFor();
    expect(await retention.getByLabel('Days to keep after the event').inputValue()).toBe('0');
    await retention.getByLabel('Days to keep after the event').fill('30');
    await retention.getByRole('button', { name: 'Save retention period' }).click();
    await retention.getByText('Retention period saved.').waitFor();
    await scan(page, 'event settings with retention');

    await page.reload();
    await heading(page, 'Event settings');
    const after = page.getByRole('region', { name: 'Personal data retention' });
    await after.getByText('Kept for 30 days after the last day of the event.').waitFor();
    // Last day 27 April 2030, + 30 days, + the spare day: 29 May from 00:00 UTC, 03:00 in Helsinki.
    await after.getByText('Wed 29 May, 03:00').waitFor();
    expect(await after.getByLabel('Days to keep after the event').inputValue()).toBe('30');

    // Older entries page in: 30 more changes than fit on one page.
    for (let days = 100; days < 130; days++) {
      await t.ok(`mutation($e: ID!, $d: Int) { setEventRetention(eventId: $e, days: $d) { retentionDays } }`, { e: event.eventId, d: days }, event.organiser.token);
    }
    await after.getByRole('button', { name: 'Keep until deleted' }).click();
    await after.getByText('Retention period removed: the data is kept.').waitFor();

    await page.goto(`/events/${slug}`);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await heading(page, 'Audit log');
    const log = page.getByRole('table');
    const newest = log.getByRole('row').nth(1);
    await newest.getByText('Data retention changed').waitFor();
    await newest.getByText('Kept until deleted').waitFor();
    await newest.getByText(/Olga Organiser/).waitFor();
    await log.getByText('Kept 129 days after the event').waitFor();
    expect(await log.getByText('Kept 30 days after the event').count()).toBe(0);
    await scan(page, 'audit log');
    await page.getByRole('button', { name: 'Show older entries' }).click();
    await log.getByText('Kept 30 days after the event').waitFor();
    await log.getByText('Event created').waitFor();
    await log.getByText('Event status changed').waitFor();

    const { participants } = await t.ok(`query($e: ID!) { participants(eventId: $e) { id account { id } } }`, { e: event.eventId }, event.organiser.token);
    const daves = participants.find((p: { account: { id: string } }) => p.account.id === dave.accountId);
    await t.ok(`mutation($p: ID!) { setParticipantRole(participationId: $p, role: SPEAKER) { role } }`, { p: daves.id }, event.organiser.token);
    await choose(page, page, 'What', 'Role changes');
    await log.getByText('Dave Dunn: Participant → Speaker').waitFor();
    expect(await log.getByRole('row').count()).toBe(2);
    expect(await log.getByText('Data retention changed').count()).toBe(0);
  }, SLOW);

  it('a platform administrator suspends an account, whose next page load is refused, then reinstates it', async () => {
    const admin = await t.signUp('Console Admin', ADMIN_EMAIL);
    const eve = await t.signUp('Eve Example');
    const evePage = await as(eve.token, DESKTOP);
    await evePage.page.goto('/my/events');
    await heading(evePage.page, 'My events');

    const { page } = await as(admin.token, DESKTOP);
    await page.goto('/');
    await page.getByRole('link', { name: 'Administration' }).click();
    await heading(page, 'Platform administration');
    await page.getByLabel('E-mail of the account').fill('nobody@test.example');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByText('No account has this e-mail address.').waitFor();
    await page.getByLabel('E-mail of the account').fill(eve.email.toUpperCase());
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const card = page.getByRole('region', { name: 'Eve Example' });
    await card.getByText('Active', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Suspend account' }).click();
    await card.getByText('Give a reason.').waitFor();
    await card.getByLabel('Reason (1 to 500 characters)').fill('Sends the same sales pitch to everyone');
    await card.getByRole('button', { name: 'Suspend account' }).click();
    await card.getByText(`Suspend Eve Example (${eve.email}) now?`).waitFor();
    await scan(page, 'administration (confirming)');
    await card.getByRole('button', { name: 'Yes, suspend' }).click();
    await card.getByText('Eve Example is suspended.').waitFor();
    await card.getByText('Suspended', { exact: true }).waitFor();
    await card.getByText('Reason: Sends the same sales pitch to everyone').waitFor();
    await scan(page, 'administration');

    // Eve's next page load: her token is refused, she is signed out and told why at once, and again when she signs in.
    await evePage.page.reload();
    await heading(evePage.page, 'Sign in');
    await evePage.page.getByRole('status').getByText(/This account is suspended/).waitFor();
    await evePage.page.getByLabel('E-mail').fill(eve.email);
    await evePage.page.getByLabel('Password').fill('correct horse battery');
    await evePage.page.getByRole('button', { name: 'Sign in' }).last().click();
    await evePage.page.getByText(/This account is suspended/).waitFor();

    await card.getByRole('button', { name: 'Reinstate account' }).click();
    await card.getByText('Eve Example can sign in again.').waitFor();
    await card.getByText('Active', { exact: true }).waitFor();
    await evePage.page.getByRole('button', { name: 'Sign in' }).last().click();
    await heading(evePage.page, 'My events');
  }, SLOW);

  it('someone who is not a platform administrator sees no link and a clear refusal', async () => {
    const { page } = await as(anna.token, DESKTOP);
    await page.goto('/my/events');
    await heading(page, 'My events');
    await page.getByRole('link', { name: 'My account' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto('/admin');
    await heading(page, 'Platform administration');
    await page.getByRole('alert').getByText('Only platform administrators can open this page.').waitFor();
    expect(await page.getByLabel('E-mail of the account').count()).toBe(0);
    await scan(page, 'administration refused');
    // The API refuses too, whatever the page shows.
    const res = await t.gql(`query { platformAccount(email: "anna@test.example") { id } }`, {}, anna.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, SLOW);

  it('has no serious or critical accessibility violations and no console errors', () => {
    suite.expectClean(9);
  });
});
