import { DEMO_EVENT } from '../../libs/demo/index.js';
import { TestApp } from '../support/test-app.js';

/** On a fresh start the demo event's reports show real figures. */
describe('demo outcomes', () => {
  let t: TestApp;
  let eventId: string;
  const login = (email: string) => t.loginDemo(email);

  beforeAll(async () => {
    t = await TestApp.start();
    eventId = await t.seedDemoEvent();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('has held meetings, no-shows, feedback and a follow-up round in the report', async () => {
    const token = await login('organiser@cmr-kittila.example');
    const { outcomeReport: r } = await t.ok(
      `query($e: ID!) { outcomeReport(eventId: $e) { participantsByType { key count } meetings { scheduled held noShows unreported checkedIn averageRating }
         outcomesByRound { round outcome count } typeMatrix { row column count } regionMatrix { count } themes { theme offered demanded } } }`,
      { e: eventId },
      token,
    );
    expect(r.meetings.held).toBeGreaterThan(10);
    expect(r.meetings.noShows).toBeGreaterThan(0);
    expect(r.meetings.held + r.meetings.noShows + r.meetings.unreported).toBe(r.meetings.scheduled);
    expect(r.meetings.checkedIn).toBeGreaterThan(10);
    expect(r.meetings.averageRating).toBeGreaterThanOrEqual(2);
    expect(new Set(r.outcomesByRound.map((x: { round: number }) => x.round))).toEqual(new Set([1, 2]));
    expect(r.participantsByType.length).toBeGreaterThan(3);
    expect(r.typeMatrix.length).toBeGreaterThan(3);
    expect(r.themes.some((x: { demanded: number }) => x.demanded > 0)).toBe(true);
    // The demo's requests were sent over the weeks before the event, not all on one day.
    const { outcomeReport: a } = await t.ok(`query($e: ID!) { outcomeReport(eventId: $e) { activity { day requestsSent requestsAccepted } } }`, { e: eventId }, token);
    expect(a.activity.length).toBeGreaterThan(10);
    expect(a.activity.filter((d: { requestsSent: number }) => d.requestsSent > 0).length).toBeGreaterThan(10);
    expect(a.activity.every((d: { day: string }) => d.day >= '2023-04-03' && d.day < '2023-04-25')).toBe(true);
    const csv = await fetch(`${t.baseUrl}/events/${DEMO_EVENT.slug}/reports/outcomes-by-round.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n').length).toBeGreaterThan(4);
  });

  it('gives the demo participant their own feedback and a printable plan', async () => {
    const token = await login('participant@cmr-kittila.example');
    const { myMeetingOutcomes } = await t.ok(`query($e: ID!) { myMeetingOutcomes(eventId: $e) { verdict feedback { rating } } }`, { e: eventId }, token);
    expect(myMeetingOutcomes.length).toBeGreaterThan(0);
    const plan = await fetch(`${t.baseUrl}/events/${DEMO_EVENT.slug}/meeting-plans/me.html`, { headers: { authorization: `Bearer ${token}` } });
    expect(plan.status).toBe(200);
    expect(await plan.text()).toContain('Table');
    const booklet = await fetch(`${t.baseUrl}/events/${DEMO_EVENT.slug}/booklet.html`, { headers: { authorization: `Bearer ${token}` } });
    expect(booklet.status).toBe(200);
  });
});
