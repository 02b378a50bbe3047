import { OutcomesPersonalDataService } from '../../libs/outcomes/index.js';
import { errorCode, TestApp } from '../support/test-app.js';
import { matchmakingEvent, type MatchmakingEvent, meetingBetween, participant, type Person, person, sendRequest } from '../support/matchmaking-fixtures.js';

const MARK = `mutation($m: ID!, $s: AttendanceStatus!) { markMeetingAttendance(meetingId: $m, status: $s) { meetingId verdict } }`;
const FEEDBACK = `mutation($m: ID!, $input: MeetingFeedbackInput!) { giveMeetingFeedback(meetingId: $m, input: $input) { meetingId rating expectedOutcome note } }`;
const MINE = `query($e: ID!) { myMeetingOutcomes(eventId: $e) { meetingId partnerId tableNumber myAttendance verdict feedback { rating expectedOutcome note } followUps { roundNumber result comment } } }`;
const EVENT_FEEDBACK = `query($e: ID!) { eventMeetingFeedback(eventId: $e) { meetingId accountId rating expectedOutcome } }`;
const OPEN_ROUND = `mutation($e: ID!, $input: FollowUpRoundInput!) { openFollowUpRound(eventId: $e, input: $input) { id number opensAt closesAt } }`;
const ANSWER = `mutation($r: ID!, $m: ID!, $res: FollowUpResult!, $c: String) { answerFollowUp(roundId: $r, meetingId: $m, result: $res, comment: $c) { roundNumber result comment } }`;
const CHECK_IN = `mutation($e: ID!, $a: ID) { checkInToEvent(eventId: $e, accountId: $a) { accountId checkedInBy } }`;
const REPORT = `query($e: ID!) { outcomeReport(eventId: $e) {
  participantsByType { key count } participantsByCountry { key count } participantsByRegion { key count }
  requests { key count }
  meetings { accepted scheduled waitingForSlot cancelled held noShows disputed unreported checkedIn averageRating }
  outcomesByRound { round outcome count averageRating }
  regionMatrix { row column count } typeMatrix { row column count }
  themes { theme offered demanded participants }
} }`;

describe('meeting outcomes, reports and printouts (GraphQL and HTTP end to end)', () => {
  let t: TestApp;
  let ev: MatchmakingEvent;
  let slug: string;
  let anna: Person; // cluster, Lapland
  let bernd: Person; // SME, Saxony
  let cecilia: Person; // research, Lapland; keeps her organisation to organisers
  let dora: Person; // opted out of matchmaking
  let other: MatchmakingEvent; // another event and its organiser
  let ab: { id: string };
  let ac: { id: string };
  let bc: { id: string };

  const get = (path: string, token?: string) => fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    t = await TestApp.start();
    ev = await matchmakingEvent(t);
    [{ slug }] = await t.db.query(`SELECT slug FROM event WHERE id = $1`, [ev.eventId]);
    anna = await participant(t, ev, 'Anna Cluster', {
      organisation: { name: 'Lapland Mining Cluster', type: 'CLUSTER', country: 'FI', region: 'Lapland' },
      profile: { pitch: 'We connect mines and suppliers.', themes: ['water', 'mining technology'] },
      offers: ['Access to 40 mining suppliers'],
      seeks: ['Water treatment pilots'],
    });
    bernd = await participant(t, ev, 'Bernd Sme', {
      organisation: { name: '=HYPERLINK("x") GmbH', type: 'SME', country: 'DE', region: 'Saxony' },
      profile: { pitch: 'Membrane water treatment.', themes: ['water'] },
      offers: ['Water treatment pilots'],
    });
    cecilia = await participant(t, ev, 'Cecilia Research', {
      organisation: { name: 'Secret Institute', type: 'RESEARCH', country: 'FI', region: 'Lapland' },
      profile: { visibility: [{ field: 'ORGANISATION', audience: 'ORGANISERS' }], themes: ['mining technology'] },
    });
    dora = await participant(t, ev, 'Dora Hidden', { organisation: { name: 'Quiet Oy', type: 'SME', country: 'FI', region: 'Uusimaa' }, profile: { takingPart: false } });
    other = await matchmakingEvent(t);
    ab = await meetingBetween(t, ev, anna, bernd, ev.slots[0].id, 1);
    ac = await meetingBetween(t, ev, anna, cecilia, ev.slots[1].id, 1);
    bc = await meetingBetween(t, ev, bernd, cecilia, ev.slots[2].id, 2);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses attendance and feedback before a meeting has started', async () => {
    const res = await t.gql(MARK, { m: ab.id, s: 'HELD' }, anna.token);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].extensions!.reason).toBe('MEETING_NOT_HELD_YET');
    // The workshop is over: move its slots eight years back.
    await t.db.query(`UPDATE meeting_slot SET starts_at = starts_at - interval '8 years', ends_at = ends_at - interval '8 years' WHERE event_id = $1`, [ev.eventId]);
  });

  it('records attendance from both sides and organisers; the organiser decides a dispute', async () => {
    expect((await t.ok(MARK, { m: ab.id, s: 'HELD' }, anna.token)).markMeetingAttendance.verdict).toBe('HELD');
    expect((await t.ok(MARK, { m: ab.id, s: 'NO_SHOW' }, bernd.token)).markMeetingAttendance.verdict).toBe('DISPUTED');
    expect((await t.ok(MARK, { m: ab.id, s: 'HELD' }, ev.organiser.token)).markMeetingAttendance.verdict).toBe('HELD');
    expect((await t.ok(MARK, { m: ac.id, s: 'NO_SHOW' }, anna.token)).markMeetingAttendance.verdict).toBe('NO_SHOW');
    // The organiser's decision is on record in the audit log (the participants' own marks are not).
    const audit = await t.db.query(`SELECT actor_account_id, target_id, details FROM audit_log WHERE action = 'meeting.attendance_decided' AND event_id = $1`, [ev.eventId]);
    expect(audit).toEqual([{ actor_account_id: ev.organiser.accountId, target_id: ab.id, details: { status: 'HELD', verdictBefore: 'DISPUTED', verdictAfter: 'HELD' } }]);
    expect(errorCode(await t.gql(MARK, { m: ab.id, s: 'HELD' }, cecilia.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(MARK, { m: ab.id, s: 'HELD' }, other.organiser.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(MARK, { m: ab.id, s: 'HELD' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MARK, { m: 'not-an-id', s: 'HELD' }, anna.token))).toBe('NOT_FOUND');
  });

  it('checks people in: themselves, or organisers for them', async () => {
    expect((await t.ok(CHECK_IN, { e: ev.eventId }, anna.token)).checkInToEvent).toEqual({ accountId: anna.accountId, checkedInBy: anna.accountId });
    expect((await t.ok(CHECK_IN, { e: ev.eventId, a: bernd.accountId }, ev.organiser.token)).checkInToEvent.checkedInBy).toBe(ev.organiser.accountId);
    // Again: the first check-in stays.
    expect((await t.ok(CHECK_IN, { e: ev.eventId }, bernd.token)).checkInToEvent.checkedInBy).toBe(ev.organiser.accountId);
    expect(errorCode(await t.gql(CHECK_IN, { e: ev.eventId, a: cecilia.accountId }, anna.token))).toBe('FORBIDDEN');
    const stranger = await person(t, 'Stranger Check');
    expect(errorCode(await t.gql(CHECK_IN, { e: ev.eventId, a: stranger.accountId }, ev.organiser.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(CHECK_IN, { e: ev.eventId }, stranger.token))).toBe('FORBIDDEN');
    const { eventCheckIns } = await t.ok(`query($e: ID!) { eventCheckIns(eventId: $e) { accountId } }`, { e: ev.eventId }, ev.organiser.token);
    expect(eventCheckIns.map((c: { accountId: string }) => c.accountId).sort()).toEqual([anna.accountId, bernd.accountId].sort());
  });

  it('keeps feedback to its author; organisers see ratings and outcomes but never notes', async () => {
    await t.ok(FEEDBACK, { m: ab.id, input: { rating: 5, expectedOutcome: 'PARTNERSHIP_LIKELY', note: 'secret of Anna' } }, anna.token);
    await t.ok(FEEDBACK, { m: ab.id, input: { rating: 3, expectedOutcome: 'FOLLOW_UP_PLANNED', note: 'secret of Bernd' } }, bernd.token);
    const bad = await t.gql(FEEDBACK, { m: ab.id, input: { rating: 6, expectedOutcome: 'NONE' } }, anna.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('rating');
    expect(errorCode(await t.gql(FEEDBACK, { m: ab.id, input: { rating: 4, expectedOutcome: 'NONE' } }, cecilia.token))).toBe('NOT_FOUND');
    const organiserTry = await t.gql(FEEDBACK, { m: ab.id, input: { rating: 4, expectedOutcome: 'NONE' } }, ev.organiser.token);
    expect(errorCode(organiserTry)).toBe('FORBIDDEN');
    expect(organiserTry.errors![0].extensions!.reason).toBe('NOT_A_SIDE');

    const annaView = (await t.ok(MINE, { e: ev.eventId }, anna.token)).myMeetingOutcomes;
    expect(annaView).toHaveLength(2);
    expect(annaView[0]).toMatchObject({ meetingId: ab.id, partnerId: bernd.accountId, myAttendance: 'HELD', verdict: 'HELD', feedback: { rating: 5, note: 'secret of Anna' } });
    expect(JSON.stringify(annaView)).not.toContain('secret of Bernd');
    const berndView = (await t.ok(MINE, { e: ev.eventId }, bernd.token)).myMeetingOutcomes;
    expect(berndView.find((m: { meetingId: string }) => m.meetingId === ab.id).feedback).toEqual({ rating: 3, expectedOutcome: 'FOLLOW_UP_PLANNED', note: 'secret of Bernd' });
    expect(JSON.stringify(berndView)).not.toContain('secret of Anna');
    const cecView = (await t.ok(MINE, { e: ev.eventId }, cecilia.token)).myMeetingOutcomes;
    expect(JSON.stringify(cecView)).not.toContain('secret');

    const { eventMeetingFeedback } = await t.ok(EVENT_FEEDBACK, { e: ev.eventId }, ev.organiser.token);
    expect(eventMeetingFeedback).toHaveLength(2);
    expect(JSON.stringify(eventMeetingFeedback)).not.toContain('secret');
    // Notes are not even in the organisers' type.
    expect(errorCode(await t.gql(`query($e: ID!) { eventMeetingFeedback(eventId: $e) { note } }`, { e: ev.eventId }, ev.organiser.token))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorCode(await t.gql(EVENT_FEEDBACK, { e: ev.eventId }, anna.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(EVENT_FEEDBACK, { e: ev.eventId }, other.organiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(EVENT_FEEDBACK, { e: ev.eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MINE, { e: ev.eventId }))).toBe('UNAUTHENTICATED');
  });

  it('opens a follow-up round, invites by e-mail, and keeps answers beside the first round', async () => {
    const now = Date.now();
    const input = { opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 30 * 86_400_000).toISOString(), message: 'What came of it?' };
    expect(errorCode(await t.gql(OPEN_ROUND, { e: ev.eventId, input }, anna.token))).toBe('FORBIDDEN');
    const bad = await t.gql(OPEN_ROUND, { e: ev.eventId, input: { ...input, closesAt: input.opensAt } }, ev.organiser.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const { openFollowUpRound: round } = await t.ok(OPEN_ROUND, { e: ev.eventId, input }, ev.organiser.token);
    expect(round.number).toBe(2);
    const invited = await t.db.query(`SELECT recipient_account_id FROM notification_delivery WHERE subject_type = 'follow_up_round' AND subject_id = $1 ORDER BY 1`, [round.id]);
    expect(invited.map((r: { recipient_account_id: string }) => r.recipient_account_id).sort()).toEqual([anna.accountId, bernd.accountId, cecilia.accountId].sort());

    expect((await t.ok(ANSWER, { r: round.id, m: ab.id, res: 'AGREEMENT_SIGNED', c: 'Pilot contract' }, anna.token)).answerFollowUp).toEqual({
      roundNumber: 2,
      result: 'AGREEMENT_SIGNED',
      comment: 'Pilot contract',
    });
    expect(errorCode(await t.gql(ANSWER, { r: round.id, m: ab.id, res: 'NOTHING' }, cecilia.token))).toBe('NOT_FOUND');
    const { openFollowUpRound: later } = await t.ok(
      OPEN_ROUND,
      { e: ev.eventId, input: { opensAt: new Date(now + 86_400_000 * 100).toISOString(), closesAt: new Date(now + 86_400_000 * 130).toISOString(), notify: false } },
      ev.organiser.token,
    );
    expect(later.number).toBe(3);
    const closed = await t.gql(ANSWER, { r: later.id, m: ab.id, res: 'NOTHING' }, anna.token);
    expect(errorCode(closed)).toBe('CONFLICT');
    expect(closed.errors![0].extensions!.reason).toBe('ROUND_NOT_OPEN');
    // A round of another event is unknown here.
    const { openFollowUpRound: elsewhere } = await t.ok(OPEN_ROUND, { e: other.eventId, input: { ...input, notify: false } }, other.organiser.token);
    expect(errorCode(await t.gql(ANSWER, { r: elsewhere.id, m: ab.id, res: 'NOTHING' }, anna.token))).toBe('NOT_FOUND');

    const mine = (await t.ok(MINE, { e: ev.eventId }, anna.token)).myMeetingOutcomes;
    expect(mine[0].feedback.expectedOutcome).toBe('PARTNERSHIP_LIKELY');
    expect(mine[0].followUps).toEqual([{ roundNumber: 2, result: 'AGREEMENT_SIGNED', comment: 'Pilot contract' }]);
    expect((await t.ok(`query($e: ID!) { followUpRounds(eventId: $e) { number } }`, { e: ev.eventId }, bernd.token)).followUpRounds).toEqual([{ number: 2 }, { number: 3 }]);
  });

  it('reports figures to organisers only', async () => {
    const { outcomeReport: r } = await t.ok(REPORT, { e: ev.eventId }, ev.organiser.token);
    expect(r.participantsByType).toEqual(
      expect.arrayContaining([
        { key: 'SME', count: 2 },
        { key: 'CLUSTER', count: 1 },
        { key: 'RESEARCH', count: 1 },
      ]),
    );
    expect(r.participantsByCountry).toEqual(expect.arrayContaining([{ key: 'FI', count: 3 }, { key: 'DE', count: 1 }]));
    expect(r.participantsByRegion).toEqual(expect.arrayContaining([{ key: 'FI / Lapland', count: 2 }]));
    expect(r.requests).toEqual(expect.arrayContaining([{ key: 'SENT', count: 3 }, { key: 'ACCEPTED', count: 3 }, { key: 'DECLINED', count: 0 }]));
    expect(r.meetings).toEqual({ accepted: 3, scheduled: 3, waitingForSlot: 0, cancelled: 0, held: 1, noShows: 1, disputed: 0, unreported: 1, checkedIn: 2, averageRating: 4 });
    expect(r.outcomesByRound).toEqual([
      { round: 1, outcome: 'FOLLOW_UP_PLANNED', count: 1, averageRating: 3 },
      { round: 1, outcome: 'PARTNERSHIP_LIKELY', count: 1, averageRating: 5 },
      { round: 2, outcome: 'AGREEMENT_SIGNED', count: 1, averageRating: null },
    ]);
    expect(r.typeMatrix).toEqual(
      expect.arrayContaining([
        { row: 'CLUSTER', column: 'SME', count: 1 },
        { row: 'SME', column: 'CLUSTER', count: 1 },
        { row: 'CLUSTER', column: 'RESEARCH', count: 1 },
      ]),
    );
    expect(r.regionMatrix).toEqual(expect.arrayContaining([{ row: 'FI / Lapland', column: 'FI / Lapland', count: 1 }, { row: 'DE / Saxony', column: 'FI / Lapland', count: 2 }]));
    expect(r.themes.find((x: { theme: string }) => x.theme === 'water')).toEqual({ theme: 'water', offered: 2, demanded: 1, participants: 2 });
    for (const token of [anna.token, other.organiser.token]) expect(errorCode(await t.gql(REPORT, { e: ev.eventId }, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REPORT, { e: ev.eventId }))).toBe('UNAUTHENTICATED');
  });

  it('counts requests and meetings per day of the event zone, quiet days included', async () => {
    const e = await matchmakingEvent(t);
    const [p, q, r] = [await participant(t, e, 'Pia Days'), await participant(t, e, 'Quinn Days'), await participant(t, e, 'Rosa Days')];
    const pq = await meetingBetween(t, e, p, q);
    const pr = await sendRequest(t, e, p, r);
    await t.ok(`mutation($id: ID!) { declineMeetingRequest(id: $id) { status } }`, { id: pr.id }, r.token);
    const qr = await meetingBetween(t, e, q, r);
    await t.ok(`mutation($id: ID!) { cancelMeeting(id: $id) { status } }`, { id: qr.id }, q.token);
    // Place the activity at known instants: 21:30 UTC on 1 March is 23:30 in Helsinki (still the
    // 1st), 22:30 UTC is 00:30 on the 2nd there; nothing happens on the 3rd.
    const at = (sql: string, ...params: unknown[]) => t.db.query(sql, params);
    await at(`UPDATE meeting_request SET created_at = '2030-03-01T21:30:00Z', responded_at = '2030-03-02T08:00:00Z' WHERE id = (SELECT request_id FROM meeting WHERE id = $1)`, pq.id);
    await at(`UPDATE meeting_request SET created_at = '2030-03-01T22:30:00Z', responded_at = '2030-03-04T09:00:00Z' WHERE id = $1`, pr.id);
    await at(`UPDATE meeting_request SET created_at = '2030-03-02T09:00:00Z', responded_at = '2030-03-02T10:00:00Z' WHERE id = (SELECT request_id FROM meeting WHERE id = $1)`, qr.id);
    await at(`UPDATE meeting SET updated_at = '2030-03-04T12:00:00Z' WHERE id = $1`, qr.id);
    const query = `query($e: ID!) { outcomeReport(eventId: $e) { activity { day requestsSent requestsAccepted requestsDeclined meetingsCancelled } } }`;
    const { outcomeReport } = await t.ok(query, { e: e.eventId }, e.organiser.token);
    expect(outcomeReport.activity).toEqual([
      { day: '2030-03-01', requestsSent: 1, requestsAccepted: 0, requestsDeclined: 0, meetingsCancelled: 0 },
      { day: '2030-03-02', requestsSent: 2, requestsAccepted: 2, requestsDeclined: 0, meetingsCancelled: 0 },
      { day: '2030-03-03', requestsSent: 0, requestsAccepted: 0, requestsDeclined: 0, meetingsCancelled: 0 },
      { day: '2030-03-04', requestsSent: 0, requestsAccepted: 0, requestsDeclined: 1, meetingsCancelled: 1 },
    ]);
    const csv = await get(`/events/${(await t.db.query(`SELECT slug FROM event WHERE id = $1`, [e.eventId]))[0].slug}/reports/activity.csv`, e.organiser.token);
    expect((await csv.text()).split('\r\n').slice(0, 3)).toEqual([
      'day,requests_sent,requests_accepted,requests_declined,meetings_cancelled',
      '2030-03-01,1,0,0,0',
      '2030-03-02,2,2,0,0',
    ]);
    expect(errorCode(await t.gql(query, { e: e.eventId }, p.token))).toBe('FORBIDDEN');
    // An event without any request has no activity days.
    const quiet = await matchmakingEvent(t);
    expect((await t.ok(query, { e: quiet.eventId }, quiet.organiser.token)).outcomeReport.activity).toEqual([]);
  });

  it('serves the reports as CSV to organisers with a Bearer token', async () => {
    const res = await get(`/events/${slug}/reports/type-matrix.csv`, ev.organiser.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const body = await res.text();
    expect(body.split('\r\n')[0]).toBe('row,column,meetings');
    expect(body).toContain('CLUSTER,SME,1');
    expect((await get(`/events/${slug}/reports/meetings.csv`, ev.organiser.token).then((x) => x.text()))).toContain('held,1');
    expect((await get(`/events/${slug}/reports/type-matrix.csv`)).status).toBe(401);
    expect((await get(`/events/${slug}/reports/type-matrix.csv`, anna.token)).status).toBe(403);
    expect((await get(`/events/${slug}/reports/type-matrix.csv`, other.organiser.token)).status).toBe(403);
    expect((await get(`/events/${slug}/reports/nonsense.csv`, ev.organiser.token)).status).toBe(404);
    expect((await get(`/events/no-such-event/reports/meetings.csv`, ev.organiser.token)).status).toBe(404);
  });

  it('prints the booklet of those listed, with only what they show everyone', async () => {
    const res = await get(`/events/${slug}/booklet.html`, bernd.token);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Anna Cluster');
    expect(html).toContain('Lapland Mining Cluster');
    expect(html).toContain('Access to 40 mining suppliers');
    expect(html).toContain('Cecilia Research');
    expect(html).not.toContain('Secret Institute');
    expect(html).not.toContain('Dora Hidden');
    expect(html.indexOf('Clusters')).toBeLessThan(html.indexOf('SMEs'));
    expect((await get(`/events/${slug}/booklet.html`)).status).toBe(401);
    expect((await get(`/events/${slug}/booklet.html`, other.organiser.token)).status).toBe(403);

    const csv = await get(`/events/${slug}/booklet.csv`, ev.organiser.token);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""x"") GmbH"`);
    expect(text).not.toContain('Secret Institute');
    expect((await get(`/events/${slug}/booklet.csv`, anna.token)).status).toBe(403);
  });

  it('prints my meetings and the tables’ plans in the event’s zone', async () => {
    const res = await get(`/events/${slug}/meeting-plans/me.html`, anna.token);
    expect(res.status).toBe(200);
    const html = await res.text();
    // Slot 1 was 10:00 UTC on 26 April (moved back eight years): 13:00 in Helsinki.
    expect(html).toContain('13:00');
    expect(html).toContain('Bernd Sme');
    expect(html).toContain('Cecilia Research');
    expect(html).not.toContain('Secret Institute');
    expect(html).not.toContain('Table 2');
    expect((await get(`/events/${slug}/meeting-plans/me.html`)).status).toBe(401);

    const tables = await get(`/events/${slug}/meeting-plans/tables.html`, ev.organiser.token);
    expect(tables.status).toBe(200);
    const plan = await tables.text();
    expect(plan).toContain('Table 1');
    expect(plan).toContain('Table 2');
    expect(plan).toContain('Secret Institute');
    const one = await get(`/events/${slug}/meeting-plans/tables.html?table=2`, ev.organiser.token).then((x) => x.text());
    expect(one).not.toContain('Anna Cluster');
    expect((await get(`/events/${slug}/meeting-plans/tables.html`, anna.token)).status).toBe(403);
    expect((await get(`/events/${slug}/meeting-plans/tables.html?table=x`, ev.organiser.token)).status).toBe(400);
    void bc;
    void dora;
  });

  it('opens a printout by link on a computer nobody signs in on: that page only, for its maker, until they sign out everywhere', async () => {
    const LINK = `mutation($e: ID!, $p: Printout!) { printoutLink(eventId: $e, printout: $p) { url expiresAt } }`;
    const open = (url: string, token?: string) => {
      const { pathname, search } = new URL(url);
      return get(`${pathname}${search}`, token);
    };
    const { printoutLink: tables } = await t.ok(LINK, { e: ev.eventId, p: 'TABLE_PLANS' }, ev.organiser.token);
    expect(new URL(tables.url).pathname).toBe(`/events/${slug}/meeting-plans/tables.html`);
    expect(new Date(tables.expiresAt).getTime() - Date.now()).toBeGreaterThan(11 * 3_600_000);
    const printed = await open(tables.url);
    expect(printed.status).toBe(200);
    expect(printed.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await printed.text()).toContain('Secret Institute');
    // That page only: not another printout, not the reports, not the API.
    const token = new URL(tables.url).searchParams.get('access_token')!;
    expect((await get(`/events/${slug}/booklet.html?access_token=${token}`)).status).toBe(401);
    expect((await get(`/events/${slug}/reports/meetings.csv?access_token=${token}`)).status).toBe(401);
    expect(errorCode(await t.gql(`{ me { id } }`, {}, token))).toBe('UNAUTHENTICATED');
    expect((await get(`/events/${slug}/meeting-plans/tables.html?access_token=${token.slice(0, -2)}xx`)).status).toBe(401);

    // Only to whoever may open the printout now.
    expect(errorCode(await t.gql(LINK, { e: ev.eventId, p: 'TABLE_PLANS' }, anna.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LINK, { e: ev.eventId, p: 'BOOKLET' }, other.organiser.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LINK, { e: ev.eventId, p: 'BOOKLET' }))).toBe('UNAUTHENTICATED');

    // A participant's own plan; "sign out everywhere" ends the link with the sessions.
    const lena = await participant(t, ev, 'Lena Linker');
    const { printoutLink: mine } = await t.ok(LINK, { e: ev.eventId, p: 'MY_MEETINGS' }, lena.token);
    expect((await open(mine.url)).status).toBe(200);
    await t.ok(`mutation { revokeAllMyTokens }`, {}, lena.token);
    expect((await open(mine.url)).status).toBe(401);
  });

  it('exports a person\'s outcomes and erases their notes, keeping the figures', async () => {
    const data = t.app.get(OutcomesPersonalDataService);
    const exported = await data.exportFor(t.db.manager, anna.accountId);
    expect(exported.feedback).toEqual([expect.objectContaining({ meetingId: ab.id, rating: 5, note: 'secret of Anna' })]);
    expect(exported.followUpAnswers).toEqual([expect.objectContaining({ round: 2, result: 'AGREEMENT_SIGNED', comment: 'Pilot contract' })]);
    expect(exported.checkIns).toHaveLength(1);
    await t.db.transaction((manager) => data.erasePersonalData(manager, { accountId: anna.accountId }));
    const after = await data.exportFor(t.db.manager, anna.accountId);
    expect(after.feedback[0]).toMatchObject({ rating: 5, note: null });
    expect(after.followUpAnswers[0]).toMatchObject({ comment: null });
    const berndFeedback = await data.exportFor(t.db.manager, bernd.accountId);
    expect(berndFeedback.feedback[0].note).toBe('secret of Bernd');
  });
});
