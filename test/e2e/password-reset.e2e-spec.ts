import { SmtpPeer, waitFor } from '../support/smtp-peer.js';
import { errorCode, TestApp } from '../support/test-app.js';

const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { token account { id } } }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ME = `{ me { id } }`;
const OLD_PASSWORD = 'correct horse battery';

/**
 * Forgotten passwords (and imported accounts that never had one) through a real SMTP server, and
 * changing a password: the link works once, for an hour, only its hash is stored, asking again
 * retires it, every earlier session ends, and nobody learns whether an address has an account.
 */
describe('setting and changing passwords', () => {
  let peer: SmtpPeer;
  let t: TestApp;

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    t = await TestApp.start({
      SMTP_URL: peer.url,
      PUBLIC_BASE_URL: 'http://cm.test',
      RATE_LIMITS_ENABLED: 'true',
      RATE_LIMIT_REGISTER: 'ip:100/3600',
      RATE_LIMIT_LOGIN: 'ip:100/300,account:20/300',
      RATE_LIMIT_PASSWORD_RESET: 'ip:100/3600,account:3/3600',
    });
  });
  afterAll(async () => {
    await t?.stop();
    await peer?.close();
  });

  const mailsTo = (email: string) => peer.accepted.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0].address : '') === email);
  /** The token of the n-th (1-based) reset mail to `email`, once it has arrived. */
  const linkToken = async (email: string, n = 1) => {
    const mail = await waitFor(`reset mail ${n} to ${email}`, async () => mailsTo(email)[n - 1]);
    expect(mail.subject).toBe('Set your ClusterMeet password');
    const match = /http:\/\/cm\.test\/reset-password#token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
    expect(match).not.toBeNull();
    return match![1];
  };
  const resets = () => t.db.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE kind = 'PASSWORD_RESET'`).then((r) => r[0].n as number);

  it('mails a one-time link that sets a new password, ends every earlier session and signs the person in', async () => {
    const pia = await t.signUp('Pia Forgetful');
    expect((await t.ok(REQUEST, { email: '  PIA.FORGETFUL@test.example ' })).requestPasswordReset).toBe(true);
    const token = await linkToken(pia.email);
    // Only the hash is kept.
    const stored = await t.db.query(`SELECT token_hash FROM password_reset WHERE account_id = $1`, [pia.accountId]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(token);

    // Too short: refused at its field, and the link still works afterwards.
    const weak = await t.gql(RESET, { token, password: 'short' });
    expect(weak.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD', field: 'password' });
    const { resetPassword } = await t.ok(RESET, { token, password: 'a much better passphrase' });
    expect(resetPassword.account.id).toBe(pia.accountId);
    expect((await t.ok(ME, {}, resetPassword.token)).me.id).toBe(pia.accountId);
    expect(errorCode(await t.gql(ME, {}, pia.token))).toBe('UNAUTHENTICATED'); // the session from before
    expect(errorCode(await t.gql(LOGIN, { email: pia.email, password: OLD_PASSWORD }))).toBe('UNAUTHENTICATED');
    await t.ok(LOGIN, { email: pia.email, password: 'a much better passphrase' });

    // Once only.
    const again = await t.gql(RESET, { token, password: 'yet another passphrase' });
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_RESET_LINK', field: 'token' });
    expect(errorCode(await t.gql(RESET, { token: 'made-up', password: 'yet another passphrase' }))).toBe('BAD_USER_INPUT');
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'account.password_reset' AND target_id = $1`, [pia.accountId]);
    expect(audit.n).toBe(1);
  });

  it('answers the same for unknown, suspended and erased addresses, and sends them nothing', async () => {
    const before = await resets();
    const sam = await t.signUp('Sam Suspended');
    await t.db.query(`UPDATE account SET suspended_at = now(), suspended_reason = 'test' WHERE id = $1`, [sam.accountId]);
    for (const email of ['nobody@test.example', sam.email, 'erased-00000000-0000-4000-8000-000000000000@erased.invalid']) {
      expect(await t.gql(REQUEST, { email })).toMatchObject({ data: { requestPasswordReset: true } });
    }
    expect(await resets()).toBe(before);
    expect(errorCode(await t.gql(REQUEST, { email: 'not an address' }))).toBe('BAD_USER_INPUT');
  });

  it('retires earlier links when asked again, refuses an expired link, and limits how often one address is mailed', async () => {
    const rita = await t.signUp('Rita Repeat');
    await t.ok(REQUEST, { email: rita.email });
    const first = await linkToken(rita.email, 1);
    await t.ok(REQUEST, { email: rita.email });
    const second = await linkToken(rita.email, 2);
    expect((await t.gql(RESET, { token: first, password: 'first passphrase!' })).errors![0].extensions!.reason).toBe('INVALID_RESET_LINK');
    await t.db.query(`UPDATE password_reset SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE account_id = $1 AND used_at IS NULL`, [rita.accountId]);
    expect((await t.gql(RESET, { token: second, password: 'second passphrase' })).errors![0].extensions!.reason).toBe('INVALID_RESET_LINK');
    // Three links an hour per address.
    await t.ok(REQUEST, { email: rita.email });
    const limited = await t.gql(REQUEST, { email: rita.email });
    expect(errorCode(limited)).toBe('TOO_MANY_REQUESTS');
  });

  it('lets an imported participant, who never had a password, set one and sign in', async () => {
    const [imported] = await t.db.query(`INSERT INTO account (email, name) VALUES ('ida.imported@test.example', 'Ida Imported') RETURNING id`);
    expect(errorCode(await t.gql(LOGIN, { email: 'ida.imported@test.example', password: 'anything at all' }))).toBe('UNAUTHENTICATED');
    await t.ok(REQUEST, { email: 'ida.imported@test.example' });
    const token = await linkToken('ida.imported@test.example');
    expect(mailsTo('ida.imported@test.example')[0].text).toContain('Hello Ida Imported');
    const { resetPassword } = await t.ok(RESET, { token, password: 'my first password' });
    expect(resetPassword.account.id).toBe(imported.id);
    await t.ok(LOGIN, { email: 'ida.imported@test.example', password: 'my first password' });
  });

  it('changes a password with the current one: other sessions end, this one gets a new token', async () => {
    const carl = await t.signUp('Carl Changer');
    const laptop = (await t.ok(LOGIN, { email: carl.email, password: OLD_PASSWORD })).login.token;

    const wrong = await t.gql(CHANGE, { current: 'not my password', next: 'a new passphrase' }, carl.token);
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_PASSWORD', field: 'currentPassword' });
    const weak = await t.gql(CHANGE, { current: OLD_PASSWORD, next: 'short' }, carl.token);
    expect(weak.errors![0].extensions).toMatchObject({ reason: 'WEAK_PASSWORD', field: 'newPassword' });
    expect(errorCode(await t.gql(CHANGE, { current: OLD_PASSWORD, next: 'a new passphrase' }))).toBe('UNAUTHENTICATED');

    const { changePassword } = await t.ok(CHANGE, { current: OLD_PASSWORD, next: 'a new passphrase' }, carl.token);
    expect((await t.ok(ME, {}, changePassword.token)).me.id).toBe(carl.accountId);
    for (const old of [carl.token, laptop]) expect(errorCode(await t.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
    await t.ok(LOGIN, { email: carl.email, password: 'a new passphrase' });
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'account.password_changed' AND target_id = $1`, [carl.accountId]);
    expect(audit.n).toBe(1);
  });
});
