import { errorCode, TestApp } from '../support/test-app.js';

const IMPORT = `mutation($eventId: ID!, $csv: String!, $mode: ImportMode, $dryRun: Boolean) {
  importParticipants(eventId: $eventId, csv: $csv, mode: $mode, dryRun: $dryRun) {
    applied dryRun mode counts { CREATED ADDED UPDATED UNCHANGED REJECTED }
    rows { line email outcome reasons }
  }
}`;

const GOOD = [
  'name,email,organisation,type,country,region,role',
  'Eero Mäkinen,eero.makinen@gtk.example,GTK – Geological Survey of Finland,research,FI,Lapland,speaker',
  'Lucía García,lucia.garcia@jcyl.example,Junta de Castilla y León,public authority,es,Castilla y León,participant',
  '"Nikos Georgiou, PhD",nikos@minerals.example,"Hellenic Minerals Cluster",cluster,GR,Sterea Ellada,',
].join('\n');

describe('CSV participant import (GraphQL end to end)', () => {
  let t: TestApp;
  let organiser: { token: string };
  let eventId: string;

  beforeAll(async () => {
    t = await TestApp.start({ IMPORT_MAX_BYTES: '4096' });
    organiser = await t.signUp('Import Organiser');
    const { createEvent } = await t.ok(
      `mutation { createEvent(input: { name: "Import", slug: "import-event", timeZone: "Europe/Helsinki", startsOn: "2023-04-25", endsOn: "2023-04-27" }) { id } }`,
      {},
      organiser.token,
    );
    eventId = createEvent.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const participantsOf = () =>
    t.db.query(
      `SELECT a.email, p.role, p.status, o.name AS organisation, o.type, o.country
         FROM participation p JOIN account a ON a.id = p.account_id LEFT JOIN organisation o ON o.id = a.organisation_id
        WHERE p.event_id = $1 AND p.role <> 'ORGANISER' ORDER BY a.email`,
      [eventId],
    );

  it('does nothing on a dry run but reports what would happen', async () => {
    const { importParticipants } = await t.ok(IMPORT, { eventId, csv: GOOD, dryRun: true }, organiser.token);
    expect(importParticipants).toMatchObject({ applied: false, dryRun: true, counts: { CREATED: 3, REJECTED: 0 } });
    expect(await participantsOf()).toEqual([]);
  });

  it('creates accounts, organisations and approved participations', async () => {
    const { importParticipants } = await t.ok(IMPORT, { eventId, csv: GOOD }, organiser.token);
    expect(importParticipants.applied).toBe(true);
    expect(importParticipants.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([
      [2, 'CREATED'],
      [3, 'CREATED'],
      [4, 'CREATED'],
    ]);
    expect(await participantsOf()).toEqual([
      { email: 'eero.makinen@gtk.example', role: 'SPEAKER', status: 'APPROVED', organisation: 'GTK – Geological Survey of Finland', type: 'RESEARCH', country: 'FI' },
      { email: 'lucia.garcia@jcyl.example', role: 'PARTICIPANT', status: 'APPROVED', organisation: 'Junta de Castilla y León', type: 'PUBLIC_AUTHORITY', country: 'ES' },
      { email: 'nikos@minerals.example', role: 'PARTICIPANT', status: 'APPROVED', organisation: 'Hellenic Minerals Cluster', type: 'CLUSTER', country: 'GR' },
    ]);

    // Importing again changes nothing; a changed role is an update.
    const again = await t.ok(IMPORT, { eventId, csv: GOOD.replace('Lapland,speaker', 'Lapland,participant') }, organiser.token);
    expect(again.importParticipants.counts).toMatchObject({ CREATED: 0, UPDATED: 1, UNCHANGED: 2 });
    expect(again.importParticipants.rows[0].reasons).toEqual(['role speaker → participant']);
  });

  it('rejects bad rows and duplicates with reasons, and writes nothing in all-or-nothing mode', async () => {
    const csv = [
      'Name,E-mail-ignored,email,type,country,role',
      'Good Person,,good.person@test.example,sme,FI,',
      'No Email,,,sme,FI,',
      'Bad Type,,bad.type@test.example,alien,FI,',
      'Bad Country,,bad.country@test.example,sme,Finland,',
      'Bad Role,,bad.role@test.example,sme,FI,king',
      'Duplicate,,GOOD.person@test.example,sme,FI,',
    ].join('\r\n');
    const { importParticipants } = await t.ok(IMPORT, { eventId, csv }, organiser.token);
    expect(importParticipants.applied).toBe(false);
    const byLine = Object.fromEntries(importParticipants.rows.map((r: { line: number; reasons: string[]; outcome: string }) => [r.line, r]));
    expect(byLine[2].outcome).toBe('CREATED');
    expect(byLine[3].reasons[0]).toMatch(/not a valid e-mail/);
    expect(byLine[4].reasons[0]).toMatch(/unknown organisation type "alien"/);
    expect(byLine[5].reasons[0]).toMatch(/two-letter ISO code/);
    expect(byLine[6].reasons[0]).toMatch(/unknown role "king"/);
    expect(byLine[7].reasons[0]).toBe('duplicate of line 2');
    expect(importParticipants.counts.REJECTED).toBe(5);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM account WHERE email = 'good.person@test.example'`);
    expect(count).toBe(0);

    // PARTIAL mode writes the good row and still reports the rest.
    const partial = await t.ok(IMPORT, { eventId, csv, mode: 'PARTIAL' }, organiser.token);
    expect(partial.importParticipants).toMatchObject({ applied: true, counts: { CREATED: 1, REJECTED: 5 } });
    const [{ count: after }] = await t.db.query(`SELECT count(*)::int AS count FROM account WHERE email = 'good.person@test.example'`);
    expect(after).toBe(1);
  });

  it('refuses a file over the limit, a file without the needed columns, and broken CSV', async () => {
    const huge = 'name,email\n' + 'A Person,a.person@test.example\n'.repeat(400);
    const tooLarge = await t.gql(IMPORT, { eventId, csv: huge }, organiser.token);
    expect(tooLarge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_TOO_LARGE', field: 'csv' });
    const noEmail = await t.gql(IMPORT, { eventId, csv: 'name,organisation\nX,Y' }, organiser.token);
    expect(noEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_MALFORMED' });
    expect(noEmail.errors?.[0]?.message).toMatch(/Missing column\(s\): email/);
    const broken = await t.gql(IMPORT, { eventId, csv: 'name,email\n"Unclosed,x@test.example' }, organiser.token);
    expect(broken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_MALFORMED' });
  });

  it('is for the event organisers only', async () => {
    const stranger = await t.signUp('Stranger');
    expect(errorCode(await t.gql(IMPORT, { eventId, csv: GOOD }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(IMPORT, { eventId, csv: GOOD }, stranger.token))).toBe('NOT_FOUND'); // a draft
  });

  it('invites the imported people, who have no password, to set one; they then sign in', async () => {
    const INVITE = `mutation($e: ID!) { inviteParticipantsWithoutPassword(eventId: $e) }`;
    // Someone with a password of their own, registered for the event, is not invited.
    const own = await t.signUp('Own Password');
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { id } }`, { id: eventId }, organiser.token);
    await t.ok(`mutation($e: ID!) { registerForEvent(eventId: $e, consentVersion: "2026-11") { id } }`, { e: eventId }, own.token);
    expect(errorCode(await t.gql(INVITE, { e: eventId }, own.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(INVITE, { e: eventId }))).toBe('UNAUTHENTICATED');

    const withoutPassword = async () =>
      (
        await t.db.query(
          `SELECT a.email FROM participation p JOIN account a ON a.id = p.account_id
            WHERE p.event_id = $1 AND p.status = 'APPROVED' AND a.password_hash IS NULL ORDER BY a.email`,
          [eventId],
        )
      ).map((r: { email: string }) => r.email) as string[];
    const imported = await withoutPassword(); // the three above and whoever the earlier cases imported
    // The organisers' list says who cannot sign in yet.
    const { participants } = await t.ok(
      `query($e: ID!) { participants(eventId: $e, status: APPROVED) { canSignIn account { email } } }`,
      { e: eventId },
      organiser.token,
    );
    const cannot = participants.filter((p: { canSignIn: boolean }) => !p.canSignIn).map((p: { account: { email: string } }) => p.account.email).sort();
    expect(cannot).toEqual(imported);
    expect(participants.find((p: { account: { email: string } }) => p.account.email === own.email).canSignIn).toBe(true);
    expect(imported).toEqual(expect.arrayContaining(['eero.makinen@gtk.example', 'lucia.garcia@jcyl.example', 'nikos@minerals.example']));
    expect((await t.ok(INVITE, { e: eventId }, organiser.token)).inviteParticipantsWithoutPassword).toBe(imported.length);
    const invitations = async () =>
      (await t.db.query(
        `SELECT a.email, d.data->>'url' AS url, d.event_id FROM notification_delivery d JOIN account a ON a.id = d.recipient_account_id
          WHERE d.kind = 'ACCOUNT_INVITATION' ORDER BY d.created_at, a.email`,
      )) as { email: string; url: string; event_id: string }[];
    const sent = await invitations();
    expect(sent.map((x) => x.email).sort()).toEqual(imported);
    expect(sent.map((x) => x.email)).not.toContain(own.email);
    expect(sent.every((x) => x.event_id === eventId)).toBe(true);

    // Lucía sets her password with her link and signs in; asking again invites the others only.
    const token = /#token=([A-Za-z0-9_-]{43})$/.exec(sent.find((x) => x.email === 'lucia.garcia@jcyl.example')!.url)![1];
    await t.ok(`mutation($t: String!) { resetPassword(token: $t, password: "lucia's own password") { token } }`, { t: token });
    await t.ok(`mutation { login(email: "lucia.garcia@jcyl.example", password: "lucia's own password") { token } }`);
    expect((await t.ok(INVITE, { e: eventId }, organiser.token)).inviteParticipantsWithoutPassword).toBe(imported.length - 1);
    // The first links of the others stopped working when the new ones went out.
    const nikosFirst = /#token=(.+)$/.exec(sent.find((x) => x.email === 'nikos@minerals.example')!.url)![1];
    expect((await t.gql(`mutation($t: String!) { resetPassword(token: $t, password: "long enough password") { token } }`, { t: nikosFirst })).errors![0].extensions!.reason).toBe(
      'INVALID_RESET_LINK',
    );
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'participants.invited' AND event_id = $1`, [eventId]);
    expect(audit.n).toBe(2);
  });
});
