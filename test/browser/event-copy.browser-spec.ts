// Starting a new event from an earlier one in Chromium against the real API: the organiser picks
// the earlier event on the "New event" page, asks for the programme as drafts, and reads on the
// new event's settings page what was copied and what was left out.
import { type Page } from 'playwright-core';
import { matchmakingEvent, type MatchmakingEvent } from '../support/matchmaking-fixtures.js';
import { TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, DESKTOP } from './browser-harness.js';

const SLOW = 120_000;

describeInBrowser('web app in Chromium: a new event from an earlier one', () => {
  let t: TestApp;
  let event: MatchmakingEvent;
  let sourceName: string;
  const suite = new BrowserSuite();
  const { heading, scan } = suite;

  async function choose(page: Page, label: string, option: string) {
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  beforeAll(async () => {
    t = await TestApp.start();
    await suite.start();
    // 25–27 April 2030 in Helsinki, with meeting windows on the 26th and 27th.
    event = await matchmakingEvent(t);
    const o = event.organiser.token;
    sourceName = (await t.db.query(`SELECT name FROM event WHERE id = $1`, [event.eventId]))[0].name;
    const { createRoom } = await t.ok(`mutation($e: ID!) { createRoom(eventId: $e, input: { name: "Aurora hall", capacity: 120 }) { id } }`, { e: event.eventId }, o);
    await t.ok(`mutation($e: ID!) { createTrack(eventId: $e, input: { name: "Circular economy", colour: "#2f9e44" }) { id } }`, { e: event.eventId }, o);
    const session = (title: string, startsAt: string, endsAt: string) =>
      t.ok(`mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`, { e: event.eventId, i: { title, type: 'PLENARY', startsAt, endsAt, roomId: createRoom.id } }, o);
    await session('Welcome', '2030-04-25T06:00:00Z', '2030-04-25T07:00:00Z');
    await session('Farewell', '2030-04-27T11:00:00Z', '2030-04-27T12:00:00Z');
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
  });

  it('creates a shorter event from the earlier one and shows what was copied and left out', async () => {
    const { page } = await suite.signedIn(t.baseUrl, event.organiser.token, DESKTOP);
    await page.goto('/organise/new');
    await heading(page, 'New event');
    await choose(page, 'Start from an earlier event', `${sourceName} (2030-04-25)`);
    await page.getByRole('checkbox', { name: 'Copy the programme as drafts' }).check();
    await page.getByRole('textbox', { name: 'Name' }).fill('Clusters meet Regions, autumn');
    await page.getByRole('textbox', { name: 'Address (slug)' }).fill('cmr-autumn-2030');
    await page.getByLabel('First day').fill('2030-09-10');
    await page.getByLabel('Last day').fill('2030-09-11');
    // The zone comes from the earlier event.
    expect(await page.getByRole('textbox', { name: 'Time zone' }).inputValue()).toBe('Europe/Helsinki');
    await scan(page, 'new event from an earlier one');
    await page.getByRole('button', { name: 'Create draft event' }).click();

    await heading(page, 'Event settings');
    expect(new URL(page.url()).pathname).toBe('/organise/cmr-autumn-2030/settings');
    const report = page.getByRole('status').filter({ hasText: `Created from ${sourceName}` });
    await report.getByText('Copied: rooms (1), tracks (1), sessions as drafts (1)', { exact: false }).waitFor();
    await report.getByText('Sessions left out because they fall outside the new dates: 1.').waitFor();
    await scan(page, 'copy report');

    const [copy] = await t.db.query(`SELECT id, time_zone FROM event WHERE slug = 'cmr-autumn-2030'`);
    expect(copy.time_zone).toBe('Europe/Helsinki');
    expect(await t.db.query(`SELECT title, status FROM agenda_session WHERE event_id = $1`, [copy.id])).toEqual([{ title: 'Welcome', status: 'DRAFT' }]);
    suite.expectClean(2);
  });
});
