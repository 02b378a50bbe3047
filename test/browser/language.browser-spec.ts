// The app's language: a Finnish browser gets Finnish texts and Finnish dates, a person switches
// between English and Suomi in the header (or the phone menu), and the choice outlasts a reload.
import { type Locator, type Page } from 'playwright-core';
import { DEMO_EVENT } from '../../libs/demo/index.js';
import { dateRangeLabel } from '../../apps/web/src/lib/time-display.js';
import { en } from '../../apps/web/src/i18n/en.js';
import { fi } from '../../apps/web/src/i18n/fi.js';
import { TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, DESKTOP, PHONE, type WatchedPage } from './browser-harness.js';

const SLOW = 120_000;

describeInBrowser('web app in Chromium: Finnish and English', () => {
  let t: TestApp;
  let participantToken: string;
  let finnishDesktop: WatchedPage;
  const suite = new BrowserSuite();
  const { heading, scan, noOverflow } = suite;

  async function htmlLang(page: Page) {
    return page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang);
  }
  async function storedLanguage(page: Page) {
    return page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('clustermeet.language'));
  }
  /** The header's language switch (on phones inside the menu). */
  function languageSwitch(within: Page | Locator, label: string) {
    return within.getByRole('group', { name: label });
  }

  beforeAll(async () => {
    t = await TestApp.start();
    await suite.start();
    await t.seedDemoEvent();
    participantToken = await t.loginDemo('participant@cmr-kittila.example');
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
  });

  it('a Finnish browser reads the events list, an event home and its agenda in Finnish, with Finnish dates', async () => {
    finnishDesktop = await suite.anonymous(t.baseUrl, DESKTOP, 'fi-FI');
    const { page, problems } = finnishDesktop;
    await page.goto('/');
    await heading(page, fi.events.title);
    expect(await htmlLang(page)).toBe('fi');
    expect(await storedLanguage(page)).toBeNull();
    const dates = dateRangeLabel(DEMO_EVENT.startsOn, DEMO_EVENT.endsOn, 'fi-FI');
    // Finnish weekday abbreviations and day.month. dates: "ti 25.4. – to 27.4.2023".
    expect(dates).toMatch(/^ti 25\.4\. – to 27\.4\.2023$/);
    const card = page.getByRole('article').filter({ hasText: DEMO_EVENT.name });
    await card.getByText(dates).waitFor();
    await page.getByRole('link', { name: fi.nav.signIn }).waitFor();
    await languageSwitch(page, fi.language.label).getByRole('button', { name: fi.language.finnish, pressed: true }).waitFor();
    await scan(page, 'events (fi)');

    await card.getByRole('link', { name: DEMO_EVENT.name }).click();
    await heading(page, DEMO_EVENT.name);
    await page.getByText(`${fi.events.dates}: ${dates}`).waitFor();
    await page.getByText(/Ajat näytetään aikavyöhykkeen Helsinki \(.+\) mukaan\./).waitFor();
    await page.getByText(/Oma aikasi, Brussels \(.+\), näkyy niiden vieressä\./).waitFor();
    await page.getByRole('link', { name: fi.participation.signInToRegister }).waitFor();
    await scan(page, 'event home (fi)');

    await page.getByRole('link', { name: fi.agenda.open, exact: true }).click();
    await heading(page, fi.agenda.title);
    // Day headings and times in Finnish: "ke 26.4.2023", "09.00–10.15".
    await page.getByRole('heading', { name: dateRangeLabel('2023-04-26', '2023-04-26', 'fi-FI') }).waitFor();
    await page.getByText(/^09\.00–10\.15$/).first().waitFor();
    await page.getByText(fi.agenda.types.ROUND_TABLE).first().waitFor();
    await scan(page, 'agenda (fi)');
    expect(problems).toEqual([]);
  }, SLOW);

  it('switching to English shows English, and the choice outlasts a reload', async () => {
    const { page, problems } = finnishDesktop;
    await page.goto(`/events/${DEMO_EVENT.slug}`);
    await heading(page, DEMO_EVENT.name);
    await languageSwitch(page, fi.language.label).getByRole('button', { name: en.language.english }).click();
    await page.getByText(/^Times are shown in Helsinki time/).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await storedLanguage(page)).toBe('en');
    await page.getByText(`${en.events.dates}: ${dateRangeLabel(DEMO_EVENT.startsOn, DEMO_EVENT.endsOn, 'en-GB')}`).waitFor();
    await page.reload();
    await heading(page, DEMO_EVENT.name);
    await page.getByRole('link', { name: en.participation.signInToRegister }).waitFor();
    await languageSwitch(page, en.language.label).getByRole('button', { name: en.language.english, pressed: true }).waitFor();
    await page.goto('/');
    await heading(page, en.events.title);
    expect(await htmlLang(page)).toBe('en');
    expect(problems).toEqual([]);
  }, SLOW);

  it('on a phone, an English browser switches to Suomi in the menu; the header fits at 375 px', async () => {
    const { page, problems } = await suite.anonymous(t.baseUrl, PHONE, 'en-GB');
    await page.goto('/');
    await heading(page, en.events.title);
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('button', { name: en.nav.menu }).click();
    const menu = page.getByRole('navigation', { name: en.app.mainNav });
    const suomi = languageSwitch(menu, en.language.label).getByRole('button', { name: en.language.finnish, pressed: false });
    // Each language is named in its own language, marked so screen readers pronounce it right.
    expect(await suomi.getAttribute('lang')).toBe('fi');
    await suomi.click();
    await heading(page, fi.events.title);
    expect(await htmlLang(page)).toBe('fi');
    expect(await storedLanguage(page)).toBe('fi');
    await page.getByRole('button', { name: fi.nav.menu }).click();
    await languageSwitch(page.getByRole('navigation', { name: fi.app.mainNav }), fi.language.label)
      .getByRole('button', { name: fi.language.finnish, pressed: true }).waitFor();
    await noOverflow(page);
    await scan(page, 'events with the menu open (fi, phone)');
    expect(problems).toEqual([]);
  }, SLOW);

  it('a signed-in participant on a phone reads the event home in Finnish without overflow', async () => {
    const { page, problems } = await suite.signedIn(t.baseUrl, participantToken, PHONE, 'fi-FI');
    await page.goto(`/events/${DEMO_EVENT.slug}`);
    await heading(page, DEMO_EVENT.name);
    await page.getByRole('button', { name: fi.nav.signOut }).waitFor();
    await page.getByRole('link', { name: fi.myAgenda.open }).waitFor();
    await noOverflow(page);
    await scan(page, 'event home signed in (fi, phone)');
    await page.getByRole('button', { name: fi.nav.menu }).click();
    const menu = page.getByRole('navigation', { name: fi.app.mainNav });
    await menu.getByText(/^Kirjautuneena: Paula Participant/).waitFor();
    await languageSwitch(menu, fi.language.label).getByRole('button', { name: en.language.english }).waitFor();
    await noOverflow(page);
    await scan(page, 'menu signed in (fi, phone)');
    expect(problems).toEqual([]);
  }, SLOW);

  it('has no serious or critical accessibility violation and no console error on any page visited', () => {
    suite.expectClean(6);
  });
});
