import { type Page } from 'playwright-core';
import { TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, DESKTOP, PHONE, screenshot, type WatchedPage } from './browser-harness.js';

const SLOW = 120_000;

describeInBrowser('web app in Chromium: organiser and participant journeys', () => {
  let t: TestApp;
  let desktop: WatchedPage;
  /** Every page visited gets an axe scan; the results are checked in one test at the end. */
  const suite = new BrowserSuite();
  const { heading, scan } = suite;

  async function signIn(page: Page, email: string, password = 'correct horse battery') {
    await page.goto('/sign-in');
    await heading(page, 'Sign in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await heading(page, 'My events');
  }

  beforeAll(async () => {
    t = await TestApp.start();
    await suite.start();
    desktop = await suite.anonymous(t.baseUrl, DESKTOP);
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
  });

  it('serves the app at / with the API untouched beside it', async () => {
    const html = await fetch(`${t.baseUrl}/organise/x/participants`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    expect(await html.text()).toContain('<div id="root">');
    const api = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ events { nodes { slug } } }' }),
    });
    expect(api.status).toBe(200);
    const health = await fetch(`${t.baseUrl}/health`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).not.toContain('text/html');
    const asset = (await (await fetch(`${t.baseUrl}/`, { headers: { accept: 'text/html' } })).text()).match(/\/assets\/[^"]+\.js/)?.[0];
    const cached = await fetch(`${t.baseUrl}${asset}`);
    expect(cached.headers.get('cache-control')).toContain('immutable');
  });

  it('an organiser creates an account, creates an event and publishes it', async () => {
    const { page } = desktop;
    await page.goto('/');
    await heading(page, 'Events');
    await page.getByText('No published events yet.').waitFor();
    await scan(page, 'events');
    await page.goto('/register');
    await heading(page, 'Create your account');
    await scan(page, 'register');
    await page.getByLabel('Full name').fill('Olga Organiser');
    await page.getByLabel('E-mail').fill('olga@lapland.example');
    await page.getByLabel(/^Password/).fill('short');
    await page.getByLabel('Organisation name').fill('Regional Council of Lapland');
    // Without consent the form asks for it first.
    await page.getByRole('button', { name: 'Create account' }).last().click();
    await page.getByText('Please agree to create an account.').waitFor();
    await page.getByLabel(/I agree that ClusterMeet stores/).check();
    await page.getByRole('button', { name: 'Create account' }).last().click();
    // The API's field error appears under the password field; nothing typed is lost.
    await page.getByText('at least 10 characters long').waitFor();
    expect(await page.getByLabel('Full name').inputValue()).toBe('Olga Organiser');
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).last().click();
    await heading(page, 'My events');

    await page.goto('/organise/new');
    await heading(page, 'New event');
    await scan(page, 'create event');
    await page.getByLabel('Name').fill('Clusters meet Regions Kittilä');
    await page.getByLabel('Address (slug)').fill('Bad Slug');
    await page.getByLabel('First day').fill('2031-04-25');
    await page.getByLabel('Last day').fill('2031-04-27');
    await page.getByLabel('Venue').fill('Levi Summit');
    await page.getByRole('textbox', { name: 'Time zone' }).fill('Helsinki');
    await page.getByRole('option', { name: 'Europe/Helsinki' }).click();
    await page.getByRole('button', { name: 'Create draft event' }).click();
    await page.getByText('is not a valid event address').waitFor();
    await page.getByLabel('Address (slug)').fill('cmr-kittila-2031');
    await page.getByRole('button', { name: 'Create draft event' }).click();
    await heading(page, 'Event settings');
    await page.getByText('Status: Draft').waitFor();
    await scan(page, 'event settings');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Status: Published').waitFor();
    await screenshot(page, 'organiser-settings-desktop');
  }, SLOW);

  it('a participant on a phone registers with consent; the organiser approves', async () => {
    const phone = await suite.anonymous(t.baseUrl, PHONE);
    try {
      const { page } = phone;
      await t.signUp('Pekka Participant', 'pekka@joensuu.example');
      await signIn(page, 'pekka@joensuu.example');
      await page.goto('/');
      await page.getByRole('link', { name: 'Clusters meet Regions Kittilä' }).click();
      await heading(page, 'Clusters meet Regions Kittilä');
      // Event zone named, and the viewer's own (Brussels) zone beside it.
      await page.getByText('Times are shown in Helsinki time').waitFor();
      await page.getByText(/Your own time, Brussels time \(CES?T\), is shown beside them\./).waitFor();
      await page.getByRole('button', { name: 'Register for this event' }).click();
      await page.getByText('Please agree to take part.').waitFor();
      await page.getByLabel(/I agree/).check();
      await page.getByRole('button', { name: 'Register for this event' }).click();
      await page.getByText('You are registered: Waiting for approval.').waitFor();
      await scan(page, 'event home (phone)');
      const overflow = await page.evaluate(() => {
        const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
        return w.document.documentElement.scrollWidth - w.innerWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'event-home-phone');

      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'My events' }).click();
      await heading(page, 'My events');
      await page.getByText('Waiting for approval').waitFor();
      await scan(page, 'my events (phone)');
      await screenshot(page, 'my-events-phone');

      const org = desktop.page;
      await org.goto('/organise/cmr-kittila-2031/participants');
      await heading(org, 'Participants');
      await org.getByRole('article', { name: 'Pekka Participant' }).waitFor();
      await scan(org, 'participants');
      await org.getByRole('button', { name: 'Approve: Pekka Participant' }).click();
      await org.getByRole('article', { name: 'Pekka Participant' }).getByText('Approved').waitFor();
      await screenshot(org, 'participants-desktop');

      await page.reload();
      await page.getByText('Approved').first().waitFor();
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  }, SLOW);

  it('an organiser imports a CSV and sees the per-row report', async () => {
    const { page } = desktop;
    await page.goto('/organise/cmr-kittila-2031/import');
    await heading(page, 'Import participants');
    await scan(page, 'import');
    const csv = [
      'name,email,organisation,type,country,region,role',
      'Eero Mäkinen,eero@gtk.example,GTK,research,FI,Lapland,speaker',
      'No Mail,,Nowhere,cluster,FI,Kainuu,participant',
    ].join('\n');
    await page.getByLabel('Or paste the CSV').fill(csv);
    await page.getByLabel('Import the good rows (partial)').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Report' }).waitFor();
    const rows = page.locator('section[aria-labelledby="import-report"] tbody tr');
    expect(await rows.count()).toBe(2);
    await rows.nth(0).getByText('Created').waitFor();
    await rows.nth(1).getByText('Rejected').waitFor();
    await page.getByText('The changes were written.').waitFor();
    await screenshot(page, 'import-report-desktop');

    // Eero has no password yet: the participants list says so, and the organiser invites him to set one.
    await page.goto('/organise/cmr-kittila-2031/participants');
    await page.getByRole('article', { name: 'Eero Mäkinen' }).getByText(/Cannot sign in yet: no password/).waitFor();
    await page.goto('/organise/cmr-kittila-2031/import');
    await heading(page, 'Import participants');
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await page.getByRole('status').filter({ hasText: 'Invitations sent: 1.' }).waitFor();
    const [invitation] = await t.db.query(
      `SELECT d.data->>'url' AS url FROM notification_delivery d JOIN account a ON a.id = d.recipient_account_id WHERE d.kind = 'ACCOUNT_INVITATION' AND a.email = 'eero@gtk.example'`,
    );
    expect(invitation.url).toMatch(/\/reset-password#token=[A-Za-z0-9_-]{43}$/);
    await scan(page, 'import with invitations sent');
  }, SLOW);

  it('the public pages read well on a phone and a desktop', async () => {
    const { page } = desktop;
    await page.goto('/events/cmr-kittila-2031');
    await heading(page, 'Clusters meet Regions Kittilä');
    await scan(page, 'event home (organiser)');
    await screenshot(page, 'event-home-desktop');
    const phone = await suite.anonymous(t.baseUrl, PHONE);
    try {
      await phone.page.goto('/');
      await heading(phone.page, 'Events');
      await phone.page.getByRole('link', { name: 'Clusters meet Regions Kittilä' }).waitFor();
      await screenshot(phone.page, 'events-phone');
      await phone.page.goto('/sign-in');
      await heading(phone.page, 'Sign in');
      await scan(phone.page, 'sign in (phone)');
      await screenshot(phone.page, 'sign-in-phone');
    } finally {
      await phone.context.close();
    }
    await page.goto('/');
    await heading(page, 'Events');
    await screenshot(page, 'events-desktop');
  }, SLOW);

  it('has no serious or critical accessibility violations and no console or CSP errors', () => {
    suite.expectClean(9);
  });
});
