import { errorCode, TestApp } from '../support/test-app.js';

const FIND = `query($email: String!) { platformAccount(email: $email) { id email name createdAt suspendedAt suspendedReason } }`;
const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendAccount(accountId: $id, reason: $reason) }`;
const REINSTATE = `mutation($id: ID!) { reinstateAccount(accountId: $id) }`;

describe('platform administration: finding accounts and knowing who administers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ PLATFORM_ADMIN_EMAILS: 'Platform.Admin@test.example' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('tells the signed-in account whether it is a platform administrator, and nobody else', async () => {
    const admin = await t.signUp('Platform Admin', 'platform.admin@test.example');
    const member = await t.signUp('Mere Member');
    expect((await t.ok(`{ me { isPlatformAdmin } }`, {}, admin.token)).me).toEqual({ isPlatformAdmin: true });
    expect((await t.ok(`{ me { isPlatformAdmin } }`, {}, member.token)).me).toEqual({ isPlatformAdmin: false });
    // An account seen by someone else (here: the anonymous caller of login) says nothing.
    const { login } = await t.ok(`mutation { login(email: "platform.admin@test.example", password: "correct horse battery") { account { isPlatformAdmin } } }`);
    expect(login.account).toEqual({ isPlatformAdmin: null });
  });

  it('finds an account by e-mail in any case, with its suspension, for administrators only', async () => {
    const admin = await t.ok<{ login: { token: string } }>(`mutation { login(email: "platform.admin@test.example", password: "correct horse battery") { token } }`);
    const token = admin.login.token;
    const target = await t.signUp('Findable Fiona');

    const found = await t.ok(FIND, { email: '  FINDABLE.fiona@TEST.example ' }, token);
    expect(found.platformAccount).toMatchObject({ id: target.accountId, email: target.email, name: 'Findable Fiona', suspendedAt: null, suspendedReason: null });
    expect(Date.parse(found.platformAccount.createdAt)).not.toBeNaN();

    await t.ok(SUSPEND, { id: target.accountId, reason: 'Unsolicited sales messages' }, token);
    const suspended = (await t.ok(FIND, { email: target.email }, token)).platformAccount;
    expect(suspended.suspendedReason).toBe('Unsolicited sales messages');
    expect(Date.parse(suspended.suspendedAt)).not.toBeNaN();
    await t.ok(REINSTATE, { id: target.accountId }, token);
    expect((await t.ok(FIND, { email: target.email }, token)).platformAccount).toMatchObject({ suspendedAt: null, suspendedReason: null });

    expect(errorCode(await t.gql(FIND, { email: 'nobody@test.example' }, token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(FIND, { email: '   ' }, token))).toBe('BAD_USER_INPUT');
    const member = await t.signUp('Curious Carl');
    const byMember = await t.gql(FIND, { email: target.email }, member.token);
    expect(errorCode(byMember)).toBe('FORBIDDEN');
    expect(byMember.errors![0].extensions!.reason).toBe('NOT_PLATFORM_ADMIN');
    expect(errorCode(await t.gql(FIND, { email: target.email }))).toBe('UNAUTHENTICATED');
  });

  it('does not find erased accounts', async () => {
    const { login } = await t.ok<{ login: { token: string } }>(`mutation { login(email: "platform.admin@test.example", password: "correct horse battery") { token } }`);
    const leaver = await t.signUp('Leaving Lena');
    await t.ok(`mutation($e: String!) { deleteMyAccount(confirmEmail: $e) { cancelledMeetings } }`, { e: leaver.email }, leaver.token);
    expect(errorCode(await t.gql(FIND, { email: leaver.email }, login.token))).toBe('NOT_FOUND');
  });
});
