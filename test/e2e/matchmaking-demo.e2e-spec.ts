import { TestApp } from '../support/test-app.js';

/** The demo event's matchmaking shows something real on a fresh start, and keeps every invariant. */
describe('demo matchmaking', () => {
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

  it('fills the directory, recommendations and the demo participant’s meetings', async () => {
    const token = await login('participant@cmr-kittila.example');
    const settings = await t.ok(`query($e: ID!) { matchmakingSettings(eventId: $e) { slots { id } tableCount themes requestsOpen } }`, { e: eventId }, token);
    expect(settings.matchmakingSettings.slots).toHaveLength(13);
    expect(settings.matchmakingSettings.themes).toContain('critical raw materials');
    expect(settings.matchmakingSettings.requestsOpen).toBe(true);

    const directory = await t.ok(
      `query($e: ID!) { matchmakingDirectory(eventId: $e, first: 100, filter: { themes: ["circular economy"] }) { nodes { name offers { title } } pageInfo { hasNextPage } } }`,
      { e: eventId },
      token,
    );
    expect(directory.matchmakingDirectory.nodes.length).toBeGreaterThan(20);

    const recs = await t.ok(
      `query($e: ID!) { matchmakingRecommendations(eventId: $e, first: 5) { score participant { name organisation { name } } reasons { kind text } } }`,
      { e: eventId },
      token,
    );
    expect(recs.matchmakingRecommendations).toHaveLength(5);
    expect(recs.matchmakingRecommendations[0].reasons.length).toBeGreaterThan(0);

    const meetings = await t.ok(
      `query($e: ID!) { myMeetings(eventId: $e) { tableNumber slot { startsAt } requester { name } recipient { name email } } }`,
      { e: eventId },
      token,
    );
    const scheduled = meetings.myMeetings.filter((m: { slot: unknown }) => m.slot);
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    expect(scheduled.every((m: { tableNumber: number }) => m.tableNumber >= 1)).toBe(true);
    expect(meetings.myMeetings.some((m: { slot: unknown }) => !m.slot)).toBe(true);
    const incoming = await t.ok(`query($e: ID!) { meetingRequests(eventId: $e, direction: INCOMING, status: PENDING) { requester { name } } }`, { e: eventId }, token);
    expect(incoming.meetingRequests.length).toBeGreaterThanOrEqual(2);

    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM matchmaking_profile WHERE event_id = $1) AS profiles,
              (SELECT count(*)::int FROM meeting WHERE event_id = $1 AND slot_id IS NOT NULL) AS scheduled,
              (SELECT count(*)::int FROM meeting WHERE event_id = $1 AND slot_id IS NULL) AS unscheduled,
              (SELECT count(*)::int FROM meeting_request WHERE event_id = $1 AND status = 'PENDING') AS pending`,
      [eventId],
    );
    expect(counts.profiles).toBeGreaterThan(130);
    expect(counts.scheduled).toBeGreaterThan(30);
    expect(counts.unscheduled).toBeGreaterThan(10);
    expect(counts.pending).toBeGreaterThan(10);

    // Nobody's demo meeting clashes with their own agenda.
    const [{ clashes }] = await t.db.query(
      `SELECT count(*)::int AS clashes FROM meeting_participant mp JOIN meeting_slot s ON s.id = mp.slot_id
         JOIN agenda_session_person sp ON sp.account_id = mp.account_id JOIN agenda_session a ON a.id = sp.session_id
        WHERE a.status = 'PUBLISHED' AND a.type <> 'MATCHMAKING' AND tstzrange(a.starts_at, a.ends_at) && tstzrange(s.starts_at, s.ends_at)`,
    );
    expect(clashes).toBe(0);
  });

  it('lets the demo participant book one of the free slots found for a pending partner', async () => {
    const token = await login('participant@cmr-kittila.example');
    const incoming = await t.ok(`query($e: ID!) { meetingRequests(eventId: $e, direction: INCOMING, status: PENDING) { id requester { accountId } } }`, { e: eventId }, token);
    const request = incoming.meetingRequests[0];
    const found = await t.ok(
      `query($e: ID!, $w: ID!) { findMeetingSlots(eventId: $e, withAccountId: $w, first: 1) { slot { id } tableNumber } }`,
      { e: eventId, w: request.requester.accountId },
      token,
    );
    expect(found.findMeetingSlots).toHaveLength(1);
    const accepted = await t.ok(
      `mutation($id: ID!, $slot: ID!) { acceptMeetingRequest(id: $id, slotId: $slot) { tableNumber slot { id } } }`,
      { id: request.id, slot: found.findMeetingSlots[0].slot.id },
      token,
    );
    expect(accepted.acceptMeetingRequest.slot.id).toBe(found.findMeetingSlots[0].slot.id);
  });
});
