import { errorCode, TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery';
const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendAccount(accountId: $id, reason: $reason) }`;
const REINSTATE = `mutation($id: ID!) { reinstateAccount(accountId: $id) }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

describe('account suspension (platform administrators)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Mixed case and spaces: the list is compared case-insensitively.
    t = await TestApp.start({ PLATFORM_ADMIN_EMAILS: ' Admin.Person@test.example , second.admin@test.example' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('suspends: old tokens and sign-ins refused with ACCOUNT_SUSPENDED; reinstating lets the person sign in again', async () => {
    const admin = await t.signUp('Admin Person', 'admin.person@test.example');
    const person = await t.signUp('Suspended Sam');
    expect((await t.ok(`{ me { id } }`, {}, person.token)).me.id).toBe(person.accountId);

    expect(await t.ok(SUSPEND, { id: person.accountId, reason: '  Spam to other participants ' }, admin.token)).toEqual({ suspendAccount: true });

    const me = await t.gql(`{ me { id } }`, {}, person.token);
    expect(errorCode(me)).toBe('UNAUTHENTICATED');
    expect(me.errors![0].extensions!.reason).toBe('ACCOUNT_SUSPENDED');
    // Public operations too: the token itself is refused.
    const publicList = await t.gql(`{ events(first: 1) { nodes { id } } }`, {}, person.token);
    expect(publicList.errors?.[0]?.extensions?.reason).toBe('ACCOUNT_SUSPENDED');

    const login = await t.gql(LOGIN, { e: person.email, p: PASSWORD });
    expect(errorCode(login)).toBe('UNAUTHENTICATED');
    expect(login.errors![0].extensions!.reason).toBe('ACCOUNT_SUSPENDED');
    // A wrong password still gets the generic answer: the suspension is told only to the password's holder.
    const guess = await t.gql(LOGIN, { e: person.email, p: 'wrong password here' });
    expect(guess.errors![0].extensions!.reason).toBe('INVALID_CREDENTIALS');

    const [row] = await t.db.query(`SELECT suspended_at IS NOT NULL AS suspended, suspended_reason FROM account WHERE id = $1`, [person.accountId]);
    expect(row).toEqual({ suspended: true, suspended_reason: 'Spam to other participants' });

    expect(await t.ok(REINSTATE, { id: person.accountId }, admin.token)).toEqual({ reinstateAccount: true });
    // Tokens from before the suspension stay revoked; signing in works again.
    const old = await t.gql(`{ me { id } }`, {}, person.token);
    expect(old.errors?.[0]?.extensions?.reason).toBe('INVALID_TOKEN');
    const { login: again } = await t.ok<{ login: { token: string } }>(LOGIN, { e: person.email, p: PASSWORD });
    expect((await t.ok(`{ me { id } }`, {}, again.token)).me.id).toBe(person.accountId);

    const audit = await t.db.query(
      `SELECT action, actor_account_id, target_id, details FROM audit_log WHERE target_type = 'account' AND target_id = $1 ORDER BY id`,
      [person.accountId],
    );
    expect(audit).toEqual([
      { action: 'account.suspended', actor_account_id: admin.accountId, target_id: person.accountId, details: { reason: 'Spam to other participants' } },
      { action: 'account.reinstated', actor_account_id: admin.accountId, target_id: person.accountId, details: {} },
    ]);
  });

  it('refuses anyone who is not a platform administrator, and bad input, without changing anything', async () => {
    const admin = await t.signUp('Second Admin', 'second.admin@test.example');
    const member = await t.signUp('Ordinary Olli');
    const target = await t.signUp('Target Tiina');

    const byMember = await t.gql(SUSPEND, { id: target.accountId, reason: 'No' }, member.token);
    expect(errorCode(byMember)).toBe('FORBIDDEN');
    expect(byMember.errors![0].extensions!.reason).toBe('NOT_PLATFORM_ADMIN');
    expect(errorCode(await t.gql(REINSTATE, { id: target.accountId }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SUSPEND, { id: target.accountId, reason: 'No' }))).toBe('UNAUTHENTICATED');

    expect(errorCode(await t.gql(SUSPEND, { id: target.accountId, reason: '   ' }, admin.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(SUSPEND, { id: target.accountId, reason: 'x'.repeat(501) }, admin.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(SUSPEND, { id: 'not-an-id', reason: 'Spam' }, admin.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SUSPEND, { id: '00000000-0000-4000-8000-000000000000', reason: 'Spam' }, admin.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SUSPEND, { id: admin.accountId, reason: 'Oops' }, admin.token))).toBe('CONFLICT');

    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM account WHERE suspended_at IS NOT NULL`);
    expect(row.n).toBe(0);
    expect((await t.ok(`{ me { id } }`, {}, target.token)).me.id).toBe(target.accountId);
  });
});
