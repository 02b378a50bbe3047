import { errorCode, TestApp } from '../support/test-app.js';

const TABLE_MATES = `query($s: ID!) { tableMates(sessionId: $s) { accountId name organisationName jobTitle isHost } }`;
const TAKE = `mutation($s: ID!, $t: ID) { takeSeat(sessionId: $s, roundTableId: $t) { status } }`;

type Person = { token: string; accountId: string; email: string };

/** "Who's at my table": the others seated at my round table and its host, as their profiles allow. */
describe('table mates of a round table (GraphQL end to end)', () => {
  let t: TestApp;
  let eventId: string;
  let sessionId: string;
  let draftSessionId: string;
  let tableIds: string[];
  let organiser: Person;
  const p = {} as Record<'host' | 'ann' | 'ben' | 'hilda' | 'pat' | 'wes' | 'cat' | 'booker' | 'outsider' | 'otherOrganiser', Person>;

  const mates = async (who: Person, s = sessionId) => (await t.ok(TABLE_MATES, { s }, who.token)).tableMates as Record<string, unknown>[];
  const names = async (who: Person) => (await mates(who)).map((m) => m.name);

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.signUp('Olga Organiser');
    const created = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Clusters meet Regions', slug: 'table-mates', timeZone: 'Europe/Helsinki', startsOn: '2031-04-26', endsOn: '2031-04-27' } },
      organiser.token,
    );
    eventId = created.createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: eventId }, organiser.token);

    const names: Record<keyof typeof p, string> = {
      host: 'Harri Host', ann: 'Ann Seated', ben: 'Ben Seated', hilda: 'Hilda Hidden', pat: 'Pat Partner',
      wes: 'Wes Waiting', cat: 'Cat Table Two', booker: 'Bea Bookmark', outsider: 'Otto Outsider', otherOrganiser: 'Orvo Elsewhere',
    };
    for (const [key, name] of Object.entries(names)) p[key as keyof typeof p] = await t.signUp(name);
    for (const key of ['host', 'ann', 'ben', 'hilda', 'pat', 'wes', 'cat', 'booker'] as const) {
      await t.ok(`mutation($e: ID!) { registerForEvent(eventId: $e, consentVersion: "2026-11") { status } }`, { e: eventId }, p[key].token);
    }
    await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Another event', slug: 'table-mates-other', timeZone: 'Europe/Helsinki', startsOn: '2031-05-26', endsOn: '2031-05-27' } },
      p.otherOrganiser.token,
    );

    const [org] = await t.db.query(`INSERT INTO organisation (name, type, country) VALUES ('Kemi Digital Hub', 'CLUSTER', 'FI') RETURNING id`);
    await t.db.query(`UPDATE account SET organisation_id = $1, job_title = 'Cluster manager' WHERE id = ANY($2::uuid[])`, [
      org.id,
      [p.host, p.ben, p.hilda, p.pat].map((x) => x.accountId),
    ]);
    // Hilda narrows her organisation to organisers; Pat shows her job title to meeting partners only.
    const profile = (who: Person, visibility: { field: string; audience: string }[]) =>
      t.ok(`mutation($e: ID!, $i: MatchmakingProfileInput!) { updateMatchmakingProfile(eventId: $e, input: $i) { __typename } }`, { e: eventId, i: { visibility } }, who.token);
    await profile(p.hilda, [{ field: 'ORGANISATION', audience: 'ORGANISERS' }]);
    await profile(p.pat, [{ field: 'JOB_TITLE', audience: 'MEETING_PARTNERS' }]);
    // Ann and Pat have a confirmed meeting: Ann sees Pat's job title, Ben does not.
    const [slot] = await t.db.query(`INSERT INTO meeting_slot (event_id, starts_at, ends_at) VALUES ($1, '2031-04-26T12:00:00Z', '2031-04-26T12:20:00Z') RETURNING id`, [eventId]);
    const [request] = await t.db.query(`INSERT INTO meeting_request (event_id, requester_id, recipient_id, status) VALUES ($1, $2, $3, 'ACCEPTED') RETURNING id`, [
      eventId,
      p.ann.accountId,
      p.pat.accountId,
    ]);
    await t.db.query(`INSERT INTO meeting (event_id, request_id, requester_id, recipient_id, slot_id, table_number) VALUES ($1, $2, $3, $4, $5, 1)`, [
      eventId,
      request.id,
      p.ann.accountId,
      p.pat.accountId,
      slot.id,
    ]);

    const session = async (title: string) =>
      (
        await t.ok(
          `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`,
          { e: eventId, i: { title, type: 'ROUND_TABLE', startsAt: '2031-04-26T10:00:00+03:00', endsAt: '2031-04-26T11:30:00+03:00' } },
          organiser.token,
        )
      ).createSession.id as string;
    sessionId = await session('Round Table I: Modern Digital Solutions');
    draftSessionId = await session('Round Table II: still a draft');
    const table = async (s: string, input: Record<string, unknown>) =>
      (await t.ok(`mutation($s: ID!, $i: RoundTableInput!) { addRoundTable(sessionId: $s, input: $i) { roundTables { id } } }`, { s, i: input }, organiser.token))
        .addRoundTable.roundTables as { id: string }[];
    await table(sessionId, { topic: 'Data spaces', seats: 4, hostAccountId: p.host.accountId, position: 1 });
    tableIds = (await table(sessionId, { topic: 'Smart specialisation', seats: 3, position: 2 })).map((x) => x.id);
    await table(draftSessionId, { topic: 'Draft table', seats: 4 });
    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { status } }`, { id: sessionId }, organiser.token);

    for (const key of ['ann', 'ben', 'hilda', 'pat'] as const) expect((await t.ok(TAKE, { s: sessionId, t: tableIds[0] }, p[key].token)).takeSeat.status).toBe('SEATED');
    expect((await t.ok(TAKE, { s: sessionId, t: tableIds[0] }, p.wes.token)).takeSeat.status).toBe('WAITING');
    expect((await t.ok(TAKE, { s: sessionId, t: tableIds[1] }, p.cat.token)).takeSeat.status).toBe('SEATED');
    await t.ok(`mutation($s: ID!) { bookmarkSession(sessionId: $s) }`, { s: sessionId }, p.booker.token);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('shows a seated person the others at their table and its host, host first, as each profile allows', async () => {
    expect(await mates(p.ann)).toEqual([
      { accountId: p.host.accountId, name: 'Harri Host', organisationName: 'Kemi Digital Hub', jobTitle: 'Cluster manager', isHost: true },
      { accountId: p.ben.accountId, name: 'Ben Seated', organisationName: 'Kemi Digital Hub', jobTitle: 'Cluster manager', isHost: false },
      // Organisation narrowed to organisers: hidden, job title still shown.
      { accountId: p.hilda.accountId, name: 'Hilda Hidden', organisationName: null, jobTitle: 'Cluster manager', isHost: false },
      // Job title for meeting partners: Ann has met Pat.
      { accountId: p.pat.accountId, name: 'Pat Partner', organisationName: 'Kemi Digital Hub', jobTitle: 'Cluster manager', isHost: false },
    ]);
    const forBen = await mates(p.ben);
    expect(forBen.map((m) => m.name)).toEqual(['Harri Host', 'Ann Seated', 'Hilda Hidden', 'Pat Partner']);
    expect(forBen.find((m) => m.name === 'Pat Partner')!.jobTitle).toBeNull();
  });

  it("shows the host their table's seated people, and nobody's e-mail address", async () => {
    const forHost = await mates(p.host);
    expect(forHost.map((m) => [m.name, m.isHost])).toEqual([
      ['Ann Seated', false],
      ['Ben Seated', false],
      ['Hilda Hidden', false],
      ['Pat Partner', false],
    ]);
    for (const who of [p.ann, p.host, p.cat]) {
      const json = JSON.stringify(await t.gql(TABLE_MATES, { s: sessionId }, who.token));
      expect(json).not.toContain('@');
      for (const person of Object.values(p)) expect(json).not.toContain(person.email);
    }
  });

  it('gives [] to the waiting, bookmarkers, organisers without a seat and someone alone at a table', async () => {
    expect(await mates(p.wes)).toEqual([]);
    expect(await mates(p.booker)).toEqual([]);
    expect(await mates(organiser)).toEqual([]);
    expect(await mates(p.cat)).toEqual([]);
    // A draft is visible to its organisers only (and nobody sits there).
    expect(await mates(organiser, draftSessionId)).toEqual([]);
  });

  it('refuses the anonymous, people outside the event and drafts', async () => {
    expect(errorCode(await t.gql(TABLE_MATES, { s: sessionId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(TABLE_MATES, { s: sessionId }, p.outsider.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(TABLE_MATES, { s: sessionId }, p.otherOrganiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(TABLE_MATES, { s: draftSessionId }, p.ann.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(TABLE_MATES, { s: 'not-an-id' }, p.ann.token))).toBe('NOT_FOUND');
  });

  it('follows a move to another table (and the promotion it gives the first in line)', async () => {
    await t.ok(`mutation($s: ID!, $t: ID!) { moveSeat(sessionId: $s, roundTableId: $t) { status } }`, { s: sessionId, t: tableIds[1] }, p.ben.token);
    expect(await names(p.ben)).toEqual(['Cat Table Two']);
    expect(await names(p.cat)).toEqual(['Ben Seated']);
    // Wes moved up into Ben's seat at table 1.
    expect(await names(p.ann)).toEqual(['Harri Host', 'Hilda Hidden', 'Pat Partner', 'Wes Waiting']);
    expect(await names(p.wes)).toEqual(['Harri Host', 'Ann Seated', 'Hilda Hidden', 'Pat Partner']);
    expect(await names(p.host)).toEqual(['Ann Seated', 'Hilda Hidden', 'Pat Partner', 'Wes Waiting']);
  });
});
