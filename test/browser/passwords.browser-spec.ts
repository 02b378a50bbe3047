// Passwords in Chromium against the real API and a real SMTP server: on a phone, a person who
// forgot theirs (imported participants, who never had one, take the same way) asks for a link from
// the sign-in page, opens it from the e-mail, sets a new password and is signed in; the link works
// once; a signed-in person changes the password on My account and stays signed in there.
import { type Locator, type Page } from 'playwright-core';
import { fi } from '../../apps/web/src/i18n/fi.js';
import { SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { errorCode, TestApp } from '../support/test-app.js';
import { BrowserSuite, describeInBrowser, PHONE } from './browser-harness.js';

const SLOW = 120_000;
const OLD_PASSWORD = 'correct horse battery';
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ME = `{ me { id } }`;

describeInBrowser('web app in Chromium: forgotten and changed passwords', () => {
  let peer: SmtpPeer;
  let t: TestApp;
  let pia: { token: string; accountId: string; email: string };
  /** The token of the link mailed to Pia, once she has asked for it. */
  let linkToken: string;
  let phone: Page;
  const suite = new BrowserSuite();
  const { heading, scan, noOverflow } = suite;

  const mailsTo = (email: string) => peer.accepted.filter((mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : '') === email);
  const storedToken = (page: Page) => page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('clustermeet.token'));
  const isFocused = (field: Locator) => field.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement);
  const newPassword = (within: Page | Locator) => within.getByLabel(/^New password\s*\*?$/);
  const repeatPassword = (within: Page | Locator) => within.getByLabel(/^New password again/);

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await TestApp.start({ SMTP_URL: peer.url });
    await suite.start();
    pia = await t.signUp('Pia Forgetful');
    phone = (await suite.anonymous(t.baseUrl, PHONE)).page;
  }, SLOW);

  afterAll(async () => {
    await suite.stop();
    await t?.stop();
    await peer?.close();
  });

  it('on a phone, a person asks for a link from the sign-in page, sets a new password with it and is signed in', async () => {
    await phone.goto('/sign-in');
    await heading(phone, 'Sign in');
    await phone.getByLabel('E-mail').fill('pia.forgetful@test');
    await phone.getByRole('link', { name: 'Forgot your password, or never set one?' }).click();
    await heading(phone, 'Set or reset your password');
    const email = phone.getByLabel('E-mail');
    // What was typed on the sign-in page comes along; a bad address is refused at its field, text kept.
    expect(await email.inputValue()).toBe('pia.forgetful@test');
    await phone.getByRole('button', { name: 'Send me a link' }).click();
    await phone.getByText('This is not a valid e-mail address.').waitFor();
    expect(await email.inputValue()).toBe('pia.forgetful@test');
    expect(await isFocused(email)).toBe(true);
    await scan(phone, 'forgot password, bad address (phone)');
    await noOverflow(phone);

    await email.fill(pia.email);
    await phone.getByRole('button', { name: 'Send me a link' }).click();
    await phone.getByRole('status').getByText(/^If an account uses this address, we have sent a link .* It works for an hour\./).waitFor();
    expect(await email.inputValue()).toBe(pia.email);
    await scan(phone, 'forgot password, link sent (phone)');
    await noOverflow(phone);

    const mail = await waitFor('the reset mail', async () => mailsTo(pia.email)[0]);
    const match = /\/reset-password#token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
    expect(match).not.toBeNull();
    linkToken = match![1];

    await phone.goto(`/reset-password#token=${linkToken}`);
    await heading(phone, 'Set a new password');
    // The secret leaves the address bar (and the history) at once.
    await phone.waitForURL((url) => !url.hash);
    expect(phone.url()).toBe(`${t.baseUrl}/reset-password`);
    await scan(phone, 'reset password (phone)');
    await noOverflow(phone);

    // The page's own checks come first, each at its field.
    await newPassword(phone).fill('short');
    await repeatPassword(phone).fill('short');
    await phone.getByRole('button', { name: 'Set my password' }).click();
    await phone.getByText('The password must be at least 10 characters long.').waitFor();
    expect(await isFocused(newPassword(phone))).toBe(true);
    await newPassword(phone).fill('a fresh passphrase');
    await repeatPassword(phone).fill('a fresh passphrase!');
    await phone.getByRole('button', { name: 'Set my password' }).click();
    await phone.getByText('The two passwords are not the same.').waitFor();
    expect(await isFocused(repeatPassword(phone))).toBe(true);
    expect(await phone.getByText('The password must be at least 10 characters long.').count()).toBe(0);
    await scan(phone, 'reset password, passwords differ (phone)');

    await repeatPassword(phone).fill('a fresh passphrase');
    await phone.getByRole('button', { name: 'Set my password' }).click();
    await heading(phone, 'My events');
    await phone.getByRole('status').getByText('Your new password is set and you are signed in.', { exact: false }).waitFor();
    expect(phone.url()).toBe(`${t.baseUrl}/my/events`);
    await scan(phone, 'my events after setting a password (phone)');
    await noOverflow(phone);

    // Signed in with the new token; the old password and the session from before no longer work.
    const token = await storedToken(phone);
    expect((await t.ok(ME, {}, token!)).me.id).toBe(pia.accountId);
    expect(errorCode(await t.gql(LOGIN, { email: pia.email, password: OLD_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, pia.token))).toBe('UNAUTHENTICATED');
    await t.ok(LOGIN, { email: pia.email, password: 'a fresh passphrase' });
  }, SLOW);

  it('the same link opened again says it was used, and leads to a new one; without a link the page explains', async () => {
    await phone.goto(`/reset-password#token=${linkToken}`);
    await heading(phone, 'Set a new password');
    await newPassword(phone).fill('yet another passphrase');
    await repeatPassword(phone).fill('yet another passphrase');
    await phone.getByRole('button', { name: 'Set my password' }).click();
    await phone.getByRole('alert').getByText('This link to set a password has expired or was already used. Ask for a new one.').waitFor();
    expect(await newPassword(phone).count()).toBe(0);
    await scan(phone, 'reset link already used (phone)');
    await noOverflow(phone);
    await t.ok(LOGIN, { email: pia.email, password: 'a fresh passphrase' });

    // A reload: the link was taken out of the address, so there is nothing to use.
    await phone.reload();
    await heading(phone, 'Set a new password');
    await phone.getByText('This page opens from the link in the e-mail we sent you', { exact: false }).waitFor();
    await scan(phone, 'reset password without a link (phone)');
    await phone.getByRole('link', { name: 'Ask for a new link' }).click();
    await heading(phone, 'Set or reset your password');
  }, SLOW);

  it('reads in Finnish, whose longer words still fit a phone', async () => {
    const { page } = await suite.anonymous(t.baseUrl, PHONE, 'fi-FI');
    await page.goto('/sign-in');
    await heading(page, fi.auth.signInTitle);
    await page.getByRole('link', { name: fi.passwords.forgotLink }).click();
    await heading(page, fi.passwords.forgotTitle);
    await page.getByRole('button', { name: fi.passwords.sendLink }).click();
    await page.getByText(fi.errors.required).waitFor();
    await scan(page, 'forgot password (fi, phone)');
    await noOverflow(page);
    await page.goto('/reset-password');
    await heading(page, fi.passwords.resetTitle);
    await page.getByText(fi.passwords.noToken).waitFor();
    await scan(page, 'reset password without a link (fi, phone)');
    await noOverflow(page);
  }, SLOW);

  it('signed in, a person changes the password on My account and stays signed in; other sessions end', async () => {
    const carl = await t.signUp('Carl Changer');
    const laptop = (await t.ok(LOGIN, { email: carl.email, password: OLD_PASSWORD })).login.token as string;
    const { page } = await suite.signedIn(t.baseUrl, carl.token, PHONE);
    await page.goto('/account');
    await heading(page, 'My account');
    const card = page.getByRole('form', { name: 'Password' });
    const current = card.getByLabel(/^Current password/);
    await scan(page, 'my account with the password form (phone)');

    // A wrong current password is refused at its field, and what was typed stays.
    await current.fill('not my password');
    await newPassword(card).fill('a new passphrase');
    await repeatPassword(card).fill('a new passphrase');
    await card.getByRole('button', { name: 'Change password' }).click();
    await card.getByText('Your current password is not this one.').waitFor();
    expect(await current.inputValue()).toBe('not my password');
    expect(await newPassword(card).inputValue()).toBe('a new passphrase');
    expect(await isFocused(current)).toBe(true);
    await scan(page, 'change password, wrong current password (phone)');
    await noOverflow(page);

    await current.fill(OLD_PASSWORD);
    await card.getByRole('button', { name: 'Change password' }).click();
    await card.getByRole('status').getByText('Your password was changed. You are still signed in here; your other devices have been signed out.').waitFor();
    expect(await current.inputValue()).toBe('');
    await scan(page, 'password changed (phone)');
    await noOverflow(page);

    // This device carries on with the new token, across a reload; the old ones stop working.
    const token = await storedToken(page);
    expect(token).not.toBe(carl.token);
    await page.reload();
    await heading(page, 'My account');
    expect((await t.ok(ME, {}, token!)).me.id).toBe(carl.accountId);
    for (const old of [carl.token, laptop]) expect(errorCode(await t.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LOGIN, { email: carl.email, password: OLD_PASSWORD }))).toBe('UNAUTHENTICATED');
    await t.ok(LOGIN, { email: carl.email, password: 'a new passphrase' });
  }, SLOW);

  it('has no serious or critical accessibility violations and no console or CSP errors', () => {
    suite.expectClean(12);
  });
});
