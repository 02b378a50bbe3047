import { OutcomesPersonalDataService } from '../../libs/outcomes/index.js';
import { errorCode, TestApp } from '../support/test-app.js';
import { matchmakingEvent, type MatchmakingEvent, type Person, person } from '../support/matchmaking-fixtures.js';

const RATE = `mutation($s: ID!, $r: Int!, $c: String) { rateSession(sessionId: $s, rating: $r, comment: $c) { sessionId rating comment updatedAt } }`;
const REMOVE = `mutation($s: ID!) { removeSessionFeedback(sessionId: $s) }`;
const MINE = `query($e: ID!) { mySessionFeedback(eventId: $e) { sessionId rating comment } }`;
const SUMMARY = `sessionId title type status startsAt roomName count average distribution comments detailsHidden`;
const REPORT = `query($e: ID!) { sessionFeedbackReport(eventId: $e) { ${SUMMARY} } }`;
const SPEAKER = `query($e: ID!) { mySessionsFeedback(eventId: $e) { ${SUMMARY} } }`;

interface Summary {
  sessionId: string;
  title: string;
  count: number;
  average: number | null;
  distribution: number[] | null;
  comments: string[] | null;
  detailsHidden: boolean;
}

describe('session feedback: ratings of talks and panels, anonymous to organisers and speakers (GraphQL and HTTP end to end)', () => {
  let t: TestApp;
  let ev: MatchmakingEvent;
  let other: MatchmakingEvent;
  let slug: string;
  let anna: Person;
  let bernd: Person;
  let cecilia: Person;
  let sven: Person; // speaker of the keynote
  let mona: Person; // moderator of the panel
  let keynote: string; // started, in the Main hall
  let panel: string; // started
  let future: string; // starts tomorrow
  let cancelled: string;
  let draft: string;

  const member = async (name: string, event = ev) => {
    const p = await person(t, name);
    await t.ok(`mutation($e: ID!) { registerForEvent(eventId: $e, consentVersion: "2026-11") { status } }`, { e: event.eventId }, p.token);
    return p;
  };
  const session = async (title: string, startsIn: string, status = 'PUBLISHED', roomId: string | null = null) => {
    const [row] = await t.db.query(
      `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status, room_id)
       VALUES ($1, $2, 'PANEL', now() + $3::interval, now() + $3::interval + interval '1 hour', $4, $5) RETURNING id`,
      [ev.eventId, title, startsIn, status, roomId],
    );
    return row.id as string;
  };
  const onStage = (sessionId: string, who: Person, role: string) =>
    t.db.query(`INSERT INTO agenda_session_person (session_id, account_id, role, position) VALUES ($1, $2, $3, 0)`, [sessionId, who.accountId, role]);
  const get = (path: string, token?: string) => fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const rows = async (sessionId: string) => (await t.db.query(`SELECT account_id, rating, comment FROM session_feedback WHERE session_id = $1`, [sessionId])) as { account_id: string; rating: number; comment: string | null }[];

  beforeAll(async () => {
    t = await TestApp.start();
    ev = await matchmakingEvent(t);
    other = await matchmakingEvent(t);
    [{ slug }] = await t.db.query(`SELECT slug FROM event WHERE id = $1`, [ev.eventId]);
    [anna, bernd, cecilia, sven, mona] = await Promise.all(['Anna Rater', 'Bernd Rater', 'Cecilia Rater', 'Sven Speaker', 'Mona Moderator'].map((n) => member(n)));
    const [{ id: roomId }] = await t.db.query(`INSERT INTO agenda_room (event_id, name, capacity) VALUES ($1, 'Main hall', 200) RETURNING id`, [ev.eventId]);
    keynote = await session('Critical raw materials keynote', '-2 hours', 'PUBLISHED', roomId);
    panel = await session('Water panel', '-1 hour');
    future = await session('Tomorrow workshop', '1 day');
    cancelled = await session('Cancelled talk', '-3 hours', 'CANCELLED');
    draft = await session('Draft talk', '-3 hours', 'DRAFT');
    await onStage(keynote, sven, 'SPEAKER');
    await onStage(panel, mona, 'MODERATOR');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a rating before the session starts, naming the start; accepts it once started', async () => {
    const early = await t.gql(RATE, { s: future, r: 4 }, anna.token);
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors![0].extensions!.reason).toBe('SESSION_NOT_STARTED');
    const [{ starts_at }] = await t.db.query(`SELECT starts_at FROM agenda_session WHERE id = $1`, [future]);
    expect(early.errors![0].extensions!.details).toEqual({ title: 'Tomorrow workshop', startsAt: starts_at.toISOString() });

    const { rateSession } = await t.ok(RATE, { s: keynote, r: 4, c: '  Clear and useful.  ' }, anna.token);
    expect(rateSession).toMatchObject({ sessionId: keynote, rating: 4, comment: 'Clear and useful.' });
  });

  it('replaces a second rating of the same person and removes one on request', async () => {
    await t.ok(RATE, { s: panel, r: 2, c: 'Too short' }, anna.token);
    await t.ok(RATE, { s: panel, r: 3, c: '   ' }, anna.token);
    expect(await rows(panel)).toEqual([{ account_id: anna.accountId, rating: 3, comment: null }]);
    expect((await t.ok(MINE, { e: ev.eventId }, anna.token)).mySessionFeedback).toEqual([
      { sessionId: keynote, rating: 4, comment: 'Clear and useful.' },
      { sessionId: panel, rating: 3, comment: null },
    ]);
    expect((await t.ok(REMOVE, { s: panel }, anna.token)).removeSessionFeedback).toBe(true);
    expect((await t.ok(REMOVE, { s: panel }, anna.token)).removeSessionFeedback).toBe(false);
    expect(await rows(panel)).toEqual([]);
    expect((await t.ok(MINE, { e: ev.eventId }, bernd.token)).mySessionFeedback).toEqual([]);
  });

  it('refuses a bad rating, a too long comment, a cancelled or draft session and people outside the event', async () => {
    for (const r of [0, 6]) {
      const bad = await t.gql(RATE, { s: keynote, r }, bernd.token);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions).toMatchObject({ reason: 'INVALID_RATING', field: 'rating' });
    }
    const long = await t.gql(RATE, { s: keynote, r: 5, c: 'x'.repeat(2001) }, bernd.token);
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    expect(long.errors![0].extensions).toMatchObject({ field: 'comment', details: { variant: 'TOO_LONG', max: 2000 } });
    await t.ok(RATE, { s: keynote, r: 5, c: 'y'.repeat(2000) }, bernd.token);
    await t.ok(REMOVE, { s: keynote }, bernd.token);

    const gone = await t.gql(RATE, { s: cancelled, r: 3 }, bernd.token);
    expect(errorCode(gone)).toBe('CONFLICT');
    expect(gone.errors![0].extensions!.reason).toBe('SESSION_CANCELLED');
    expect(errorCode(await t.gql(RATE, { s: draft, r: 3 }, bernd.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RATE, { s: draft, r: 3 }, ev.organiser.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RATE, { s: 'not-an-id', r: 3 }, bernd.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RATE, { s: keynote, r: 3 }, other.organiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RATE, { s: keynote, r: 3 }))).toBe('UNAUTHENTICATED');
    expect(await rows(cancelled)).toEqual([]);

    // A coffee break has nothing to rate; nor has a matchmaking slot (meetings have their own feedback).
    for (const type of ['BREAK', 'MATCHMAKING']) {
      const [{ id }] = await t.db.query(
        `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status) VALUES ($1, $2, $3, now() - interval '1 hour', now(), 'PUBLISHED') RETURNING id`,
        [ev.eventId, `A ${type.toLowerCase()}`, type],
      );
      const refused = await t.gql(RATE, { s: id, r: 4 }, bernd.token);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors![0].extensions).toMatchObject({ reason: 'SESSION_NOT_RATEABLE', details: { title: `A ${type.toLowerCase()}`, type } });
      expect(await rows(id)).toEqual([]);
    }
  });

  it('keeps one row for ten parallel ratings of one person, and counts twenty people rating at once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => t.gql(RATE, { s: panel, r: (i % 5) + 1, c: `try ${i}` }, bernd.token)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const mine = await rows(panel);
    expect(mine).toHaveLength(1);
    expect(mine[0].account_id).toBe(bernd.accountId);
    await t.ok(REMOVE, { s: panel }, bernd.token);

    const crowd = await Promise.all(Array.from({ length: 20 }, (_, i) => member(`Crowd ${i}`)));
    const rated = await Promise.all(crowd.map((p, i) => t.gql(RATE, { s: panel, r: (i % 5) + 1, c: i < 3 ? `Crowd comment ${i}` : null }, p.token)));
    expect(rated.filter((r) => r.errors)).toEqual([]);
    const report: Summary[] = (await t.ok(REPORT, { e: ev.eventId }, ev.organiser.token)).sessionFeedbackReport;
    const p = report.find((s) => s.sessionId === panel)!;
    expect(p).toMatchObject({ count: 20, average: 3, distribution: [4, 4, 4, 4, 4], comments: ['Crowd comment 0', 'Crowd comment 1', 'Crowd comment 2'], detailsHidden: false });
  });

  it('shows organisers every rated session with comments but no account ids or names', async () => {
    await t.ok(RATE, { s: keynote, r: 2, c: 'Bernd thinks: slides unreadable' }, bernd.token);
    const res = await t.gql(REPORT, { e: ev.eventId }, ev.organiser.token);
    const report: Summary[] = res.data!.sessionFeedbackReport;
    expect(report.map((s) => s.sessionId)).toEqual([keynote, panel]);
    expect(report[0]).toMatchObject({ title: 'Critical raw materials keynote', roomName: 'Main hall', count: 2, average: 3, distribution: [0, 1, 0, 1, 0], detailsHidden: false });
    // Ordered by text, not by who or when.
    expect(report[0].comments).toEqual(['Bernd thinks: slides unreadable', 'Clear and useful.']);
    const json = JSON.stringify(res);
    for (const p of [anna, bernd, cecilia]) {
      expect(json).not.toContain(p.accountId);
      expect(json).not.toContain(p.name);
    }
    // No field of the type could name anyone.
    expect(errorCode(await t.gql(`query($e: ID!) { sessionFeedbackReport(eventId: $e) { accountId } }`, { e: ev.eventId }, ev.organiser.token))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('shows the people on a session their own sessions only, the count alone below three ratings', async () => {
    const svenView: Summary[] = (await t.ok(SPEAKER, { e: ev.eventId }, sven.token)).mySessionsFeedback;
    expect(svenView).toEqual([expect.objectContaining({ sessionId: keynote, count: 2, average: null, distribution: null, comments: null, detailsHidden: true })]);
    await t.ok(RATE, { s: keynote, r: 5 }, cecilia.token);
    const [third]: Summary[] = (await t.ok(SPEAKER, { e: ev.eventId }, sven.token)).mySessionsFeedback;
    expect(third).toMatchObject({ count: 3, average: 3.7, distribution: [0, 1, 0, 1, 1], comments: ['Bernd thinks: slides unreadable', 'Clear and useful.'], detailsHidden: false });
    const monaView: Summary[] = (await t.ok(SPEAKER, { e: ev.eventId }, mona.token)).mySessionsFeedback;
    expect(monaView.map((s) => [s.sessionId, s.count, s.detailsHidden])).toEqual([[panel, 20, false]]);
    expect(JSON.stringify(monaView)).not.toContain('Clear and useful');
    // Nobody on stage: nothing to see.
    expect((await t.ok(SPEAKER, { e: ev.eventId }, anna.token)).mySessionsFeedback).toEqual([]);
  });

  it('refuses the report to participants, speakers, organisers of other events and anonymous callers', async () => {
    expect(errorCode(await t.gql(REPORT, { e: ev.eventId }, anna.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REPORT, { e: ev.eventId }, sven.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REPORT, { e: ev.eventId }, other.organiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REPORT, { e: ev.eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(SPEAKER, { e: ev.eventId }, other.organiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SPEAKER, { e: ev.eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MINE, { e: ev.eventId }))).toBe('UNAUTHENTICATED');
  });

  it('downloads the report as CSV for organisers, with formula-looking comments neutralised', async () => {
    await t.ok(RATE, { s: keynote, r: 1, c: '=HYPERLINK("http://evil.example","click")' }, cecilia.token);
    const res = await get(`/events/${slug}/reports/session-feedback.csv`, ev.organiser.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('title,starts_at,type,room,ratings,average,rated_1,rated_2,rated_3,rated_4,rated_5,comments');
    expect(lines).toHaveLength(3);
    const [{ local }] = await t.db.query(`SELECT to_char(starts_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD HH24:MI') AS local FROM agenda_session WHERE id = $1`, [keynote]);
    expect(lines[1]).toBe(
      `Critical raw materials keynote,${local},PANEL,Main hall,3,2.3,1,1,0,1,0,"'=HYPERLINK(""http://evil.example"",""click"") | Bernd thinks: slides unreadable | Clear and useful."`,
    );
    expect(lines[2]).toMatch(/^Water panel,.*,20,3\.0,4,4,4,4,4,Crowd comment 0 \| Crowd comment 1 \| Crowd comment 2$/);
    expect(csv).not.toContain(anna.name);
    // A formula-looking comment that sorts first starts the joined cell: neutralised there too.
    await t.ok(RATE, { s: panel, r: 4, c: '=1+1' }, anna.token);
    const alone = await (await get(`/events/${slug}/reports/session-feedback.csv`, ev.organiser.token)).text();
    expect(alone).toContain(`'=1+1 | Crowd comment 0`);
    await t.ok(REMOVE, { s: panel }, anna.token);
    expect((await get(`/events/${slug}/reports/session-feedback.csv`, anna.token)).status).toBe(403);
    expect((await get(`/events/${slug}/reports/session-feedback.csv`, other.organiser.token)).status).toBe(403);
    expect((await get(`/events/${slug}/reports/session-feedback.csv`)).status).toBe(401);
  });

  it("puts one's own ratings in the personal-data export, deletes them on erasure and clears comments when the event is anonymised", async () => {
    const { exportMyData } = await t.ok<{ exportMyData: string }>(`{ exportMyData }`, {}, anna.token);
    expect(JSON.parse(exportMyData).outcomes.sessionFeedback).toEqual([
      expect.objectContaining({ sessionId: keynote, eventId: ev.eventId, sessionTitle: 'Critical raw materials keynote', rating: 4, comment: 'Clear and useful.' }),
    ]);
    // Others' ratings are not in Anna's export.
    expect(exportMyData).not.toContain('slides unreadable');

    const { me } = await t.ok(`{ me { email } }`, {}, bernd.token);
    await t.ok(`mutation($email: String!) { deleteMyAccount(confirmEmail: $email) { cancelledMeetings } }`, { email: me.email }, bernd.token);
    expect((await rows(keynote)).map((r) => r.account_id)).not.toContain(bernd.accountId);
    const [k]: Summary[] = (await t.ok(REPORT, { e: ev.eventId }, ev.organiser.token)).sessionFeedbackReport;
    expect(k.count).toBe(2);
    expect(k.comments).not.toContain('Bernd thinks: slides unreadable');

    const data = t.app.get(OutcomesPersonalDataService);
    await t.db.transaction((manager) => data.erasePersonalData(manager, { eventId: ev.eventId }));
    const left = await t.db.query(`SELECT count(*)::int AS n, count(comment)::int AS comments FROM session_feedback f JOIN agenda_session s ON s.id = f.session_id WHERE s.event_id = $1`, [ev.eventId]);
    expect(left).toEqual([{ n: 22, comments: 0 }]);
  });
});
