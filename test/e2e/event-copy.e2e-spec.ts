// Starting a new event from an earlier one: what comes along (settings, rooms, tracks, matchmaking
// and materials rules, wordings, reminder rules, and on request the programme as drafts), times
// kept on the wall clock across DST and zones, what never comes along (people and what they did),
// who may, and that a refusal leaves nothing behind.
import { meetingBetween, participant, person, type MatchmakingEvent, type Person } from '../support/matchmaking-fixtures.js';
import { errorCode, TestApp } from '../support/test-app.js';

const COPY = `mutation($source: ID!, $input: CreateEventInput!, $programme: Boolean) {
  createEventFromEarlier(sourceEventId: $source, input: $input, copyProgramme: $programme) {
    event { id slug name description venue address timeZone startsOn endsOn status requiresApproval }
    dayOffset rooms tracks sessions skippedSessions cancelledSessions roundTables matchmakingSettings meetingWindows
    skippedMeetingWindows meetingSlots materialsSettings templates reminderRules retentionDays
  }
}`;

const HELSINKI = 'Europe/Helsinki';
/** Wall-clock "YYYY-MM-DD HH:MM" of an instant in a zone. */
const wall = (instant: Date | string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));

describe('createEventFromEarlier', () => {
  let t: TestApp;
  let organiser: Person;
  let speaker: Person;
  let alice: Person;
  let bob: Person;
  let source: string;
  const ids: Record<string, string> = {};

  const newInput = (slug: string, extra: Record<string, unknown> = {}) => ({ name: 'Clusters meet Regions, Rovaniemi', slug, timeZone: HELSINKI, startsOn: '2031-04-08', endsOn: '2031-04-10', ...extra });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await person(t, 'Olga Organiser');
    const { createEvent } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          name: 'Clusters meet Regions, Oulu', slug: 'cmr-oulu-2031', timeZone: HELSINKI, startsOn: '2031-02-11', endsOn: '2031-02-13',
          description: 'Three days of cluster cooperation.', venue: 'Oulu Hall', address: 'Kirkkokatu 1, Oulu',
        },
      },
      organiser.token,
    );
    source = createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: source }, organiser.token);

    const mm = { eventId: source, organiser, slots: [] } as MatchmakingEvent;
    speaker = await participant(t, mm, 'Sam Speaker');
    alice = await participant(t, mm, 'Alice Applicant', { profile: { pitch: 'Batteries' }, offers: ['Recycling know-how'] });
    bob = await participant(t, mm, 'Bob Buyer');
    // Registrations wait for approval from now on; the copy keeps that.
    await t.ok(`mutation($id: ID!) { updateEvent(id: $id, input: { requiresApproval: true }) { id } }`, { id: source }, organiser.token);

    const org = (query: string, variables: Record<string, unknown>) => t.ok(query, variables, organiser.token);
    ids.hall = (await org(`mutation($e: ID!) { createRoom(eventId: $e, input: { name: "Main hall", capacity: 200, location: "1st floor", position: 0 }) { id } }`, { e: source })).createRoom.id;
    ids.roomB = (await org(`mutation($e: ID!) { createRoom(eventId: $e, input: { name: "Room B", capacity: 30, location: "2nd floor, left", position: 1 }) { id } }`, { e: source })).createRoom.id;
    ids.mining = (await org(`mutation($e: ID!) { createTrack(eventId: $e, input: { name: "Mining", colour: "#aa3300" }) { id } }`, { e: source })).createTrack.id;
    await org(`mutation($e: ID!) { createTrack(eventId: $e, input: { name: "Digital", colour: "#0055aa" }) { id } }`, { e: source });

    const session = async (input: Record<string, unknown>) =>
      (await org(`mutation($e: ID!, $input: CreateSessionInput!) { createSession(eventId: $e, input: $input) { id } }`, { e: source, input })).createSession.id as string;
    // 09:00 Helsinki in winter (UTC+2).
    ids.keynote = await session({
      title: 'Opening keynote', type: 'KEYNOTE', description: 'Why regions matter.', language: 'fi', capacity: 150,
      startsAt: '2031-02-11T07:00:00Z', endsAt: '2031-02-11T08:00:00Z', roomId: ids.hall, trackId: ids.mining,
    });
    await org(`mutation($s: ID!, $p: [SessionPersonInput!]!) { setSessionPeople(sessionId: $s, people: $p) { id } }`, {
      s: ids.keynote, p: [{ accountId: speaker.accountId, role: 'SPEAKER' }],
    });
    ids.tables = await session({ title: 'Round tables', type: 'ROUND_TABLE', startsAt: '2031-02-12T09:00:00Z', endsAt: '2031-02-12T10:00:00Z', roomId: ids.roomB });
    await org(`mutation($s: ID!) { addRoundTable(sessionId: $s, input: { topic: "Water", seats: 8, position: 0, hostAccountId: "${speaker.accountId}" }) { id } }`, { s: ids.tables });
    const { addRoundTable } = await org(`mutation($s: ID!) { addRoundTable(sessionId: $s, input: { topic: "Energy", seats: 6, position: 1 }) { roundTables { id topic } } }`, { s: ids.tables });
    ids.energy = addRoundTable.roundTables.find((x: { topic: string }) => x.topic === 'Energy').id;
    ids.closing = await session({ title: 'Closing', type: 'PLENARY', startsAt: '2031-02-13T12:00:00Z', endsAt: '2031-02-13T13:00:00Z', roomId: ids.hall });
    ids.dropped = await session({ title: 'Dropped idea', type: 'WORKSHOP', startsAt: '2031-02-12T13:00:00Z', endsAt: '2031-02-12T14:00:00Z' });
    for (const id of [ids.keynote, ids.tables, ids.closing]) await org(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { id } }`, { id });
    await org(`mutation($id: ID!) { setSessionStatus(id: $id, status: CANCELLED) { id } }`, { id: ids.dropped });
    await t.ok(`mutation($s: ID!) { bookmarkSession(sessionId: $s) }`, { s: ids.keynote }, alice.token);
    await t.ok(`mutation($s: ID!, $r: ID) { takeSeat(sessionId: $s, roundTableId: $r) { id } }`, { s: ids.tables, r: ids.energy }, bob.token);

    // Two windows: 13:00–14:00 on day 1, 09:00–10:00 on day 2 (Helsinki, UTC+2).
    const { updateMatchmakingSettings: settings } = await org(
      `mutation($e: ID!, $input: MatchmakingSettingsInput!) { updateMatchmakingSettings(eventId: $e, input: $input) { slots { id } } }`,
      {
        e: source,
        input: {
          windows: [
            { startsAt: '2031-02-11T11:00:00Z', endsAt: '2031-02-11T12:00:00Z' },
            { startsAt: '2031-02-12T07:00:00Z', endsAt: '2031-02-12T08:00:00Z' },
          ],
          meetingMinutes: 20, tableCount: 4, tableNames: ['Aurora', 'Borealis'], maxMeetingsPerParticipant: 6, expireAfterHours: 48,
          requestsCloseAt: '2031-02-12T16:00:00Z', themes: ['water', 'mining'], sectors: ['ICT'], weights: { sharedThemes: 7 },
        },
      },
    );
    await meetingBetween(t, { ...mm, slots: settings.slots }, alice, bob, settings.slots[0].id);

    await org(`mutation($e: ID!) { updateMaterialsSettings(eventId: $e, input: { allowedTypes: [PDF, PPTX], maxBytes: 10485760, packPublic: true, uploadDeadline: "2031-02-09T14:00:00Z" }) { eventId } }`, { e: source });
    await org(`mutation($e: ID!) { setNotificationTemplate(eventId: $e, kind: SEAT_CONFIRMED, subject: "Your seat: {{title}}!", body: "See you, {{recipientName}}.") { kind } }`, { e: source });
    await org(`mutation($e: ID!, $rules: [ReminderRuleInput!]!) { setReminderRules(eventId: $e, rules: $rules) { id } }`, {
      e: source,
      rules: [
        { kind: 'MEETING', offsetMinutes: 30, subject: 'Soon: {{withWhom}}', body: 'Table {{tableNumber}}' },
        { kind: 'SESSION_SPEAKING', offsetMinutes: 1440, subject: 'Tomorrow: {{title}}', body: 'Be early.', enabled: false },
      ],
    });
    await org(`mutation($e: ID!) { setEventRetention(eventId: $e, days: 90) { retentionDays } }`, { e: source });
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('copies settings, rooms, tracks, rules and the programme as drafts, keeping 09:00 at 09:00 across DST', async () => {
    const { createEventFromEarlier: report } = await t.ok(COPY, { source, input: newInput('cmr-rovaniemi-2031'), programme: true }, organiser.token);
    expect(report).toMatchObject({
      dayOffset: 56, rooms: 2, tracks: 2, sessions: 3, skippedSessions: 0, cancelledSessions: 1, roundTables: 2,
      matchmakingSettings: true, meetingWindows: 2, skippedMeetingWindows: 0, meetingSlots: 6, materialsSettings: true,
      templates: 1, reminderRules: 2, retentionDays: 90,
    });
    // What the input did not give comes from the earlier event.
    expect(report.event).toMatchObject({
      slug: 'cmr-rovaniemi-2031', name: 'Clusters meet Regions, Rovaniemi', status: 'DRAFT', requiresApproval: true,
      description: 'Three days of cluster cooperation.', venue: 'Oulu Hall', address: 'Kirkkokatu 1, Oulu', timeZone: HELSINKI,
    });
    const e = report.event.id;

    expect(await t.db.query(`SELECT name, capacity, location, position FROM agenda_room WHERE event_id = $1 ORDER BY position`, [e])).toEqual([
      { name: 'Main hall', capacity: 200, location: '1st floor', position: 0 },
      { name: 'Room B', capacity: 30, location: '2nd floor, left', position: 1 },
    ]);
    expect(await t.db.query(`SELECT name, colour FROM agenda_track WHERE event_id = $1 ORDER BY name`, [e])).toEqual([
      { name: 'Digital', colour: '#0055aa' },
      { name: 'Mining', colour: '#aa3300' },
    ]);

    const sessions = await t.db.query(
      `SELECT s.title, s.type, s.description, s.language, s.capacity, s.status, s.revision, s.starts_at, s.ends_at, r.name AS room, tr.name AS track,
              r.event_id AS room_event, tr.event_id AS track_event
         FROM agenda_session s LEFT JOIN agenda_room r ON r.id = s.room_id LEFT JOIN agenda_track tr ON tr.id = s.track_id
        WHERE s.event_id = $1 ORDER BY s.starts_at`,
      [e],
    );
    expect(sessions.map((s: { title: string }) => s.title)).toEqual(['Opening keynote', 'Round tables', 'Closing']);
    expect(sessions[0]).toMatchObject({ type: 'KEYNOTE', description: 'Why regions matter.', language: 'fi', capacity: 150, status: 'DRAFT', revision: 0, room: 'Main hall', track: 'Mining', room_event: e, track_event: e });
    expect(sessions.every((s: { status: string }) => s.status === 'DRAFT')).toBe(true);
    // 09:00 EET in February is 09:00 EEST in April: 06:00Z instead of 07:00Z.
    expect(sessions[0].starts_at.toISOString()).toBe('2031-04-08T06:00:00.000Z');
    expect(wall(sessions[0].starts_at, HELSINKI)).toBe('2031-04-08 09:00');
    expect(wall(sessions[1].starts_at, HELSINKI)).toBe('2031-04-09 11:00');
    expect(sessions[1]).toMatchObject({ room: 'Room B', track: null });
    expect(wall(sessions[2].ends_at, HELSINKI)).toBe('2031-04-10 15:00');

    expect(
      await t.db.query(
        `SELECT rt.topic, rt.seats, rt.position, rt.host_account_id, rt.seated FROM agenda_round_table rt JOIN agenda_session s ON s.id = rt.session_id
          WHERE s.event_id = $1 ORDER BY rt.position`,
        [e],
      ),
    ).toEqual([
      { topic: 'Water', seats: 8, position: 0, host_account_id: null, seated: 0 },
      { topic: 'Energy', seats: 6, position: 1, host_account_id: null, seated: 0 },
    ]);

    const [mm] = await t.db.query(`SELECT * FROM matchmaking_settings WHERE event_id = $1`, [e]);
    expect(mm).toMatchObject({
      meeting_minutes: 20, table_count: 4, table_names: ['Aurora', 'Borealis'], max_meetings_per_participant: 6, expire_after_hours: 48,
      mode: 'PARTICIPANTS_PICK_SLOT', themes: ['water', 'mining'], sectors: ['ICT'], weights: { sharedThemes: 7 }, requests_open_at: null,
    });
    expect(mm.windows).toEqual([
      { startsAt: '2031-04-08T10:00:00.000Z', endsAt: '2031-04-08T11:00:00.000Z' },
      { startsAt: '2031-04-09T06:00:00.000Z', endsAt: '2031-04-09T07:00:00.000Z' },
    ]);
    expect(wall(mm.requests_close_at, HELSINKI)).toBe('2031-04-09 18:00');
    const slots = await t.db.query(`SELECT starts_at, ends_at FROM meeting_slot WHERE event_id = $1 ORDER BY starts_at`, [e]);
    expect(slots.map((s: { starts_at: Date }) => wall(s.starts_at, HELSINKI))).toEqual([
      '2031-04-08 13:00', '2031-04-08 13:20', '2031-04-08 13:40', '2031-04-09 09:00', '2031-04-09 09:20', '2031-04-09 09:40',
    ]);
    // The new event's members see the same through the API.
    const { matchmakingSettings } = await t.ok(`query($e: ID!) { matchmakingSettings(eventId: $e) { tables { number name } slots { startsAt } } }`, { e }, organiser.token);
    expect(matchmakingSettings.slots).toHaveLength(6);
    expect(matchmakingSettings.tables.slice(0, 2)).toEqual([{ number: 1, name: 'Aurora' }, { number: 2, name: 'Borealis' }]);

    const { materialsSettings } = await t.ok(`query($e: ID!) { materialsSettings(eventId: $e) { allowedTypes maxBytes packPublic uploadDeadline } }`, { e }, organiser.token);
    expect(materialsSettings).toMatchObject({ allowedTypes: ['PDF', 'PPTX'], maxBytes: 10485760, packPublic: true });
    expect(wall(materialsSettings.uploadDeadline, HELSINKI)).toBe('2031-04-06 16:00');

    const { notificationTemplates } = await t.ok(`query($e: ID!) { notificationTemplates(eventId: $e) { kind subject body customised } }`, { e }, organiser.token);
    expect(notificationTemplates.filter((x: { customised: boolean }) => x.customised)).toEqual([
      { kind: 'SEAT_CONFIRMED', subject: 'Your seat: {{title}}!', body: 'See you, {{recipientName}}.', customised: true },
    ]);
    const { reminderRules } = await t.ok(`query($e: ID!) { reminderRules(eventId: $e) { kind offsetMinutes subject body enabled } }`, { e }, organiser.token);
    expect(reminderRules).toEqual([
      { kind: 'MEETING', offsetMinutes: 30, subject: 'Soon: {{withWhom}}', body: 'Table {{tableNumber}}', enabled: true },
      { kind: 'SESSION_SPEAKING', offsetMinutes: 1440, subject: 'Tomorrow: {{title}}', body: 'Be early.', enabled: false },
    ]);
    const { eventRetention } = await t.ok(`query($e: ID!) { eventRetention(eventId: $e) { retentionDays anonymisedAt } }`, { e }, organiser.token);
    expect(eventRetention).toEqual({ retentionDays: 90, anonymisedAt: null });

    // Nothing personal: the creator's organiser role is the only participation.
    expect(await t.db.query(`SELECT account_id, role, status FROM participation WHERE event_id = $1`, [e])).toEqual([
      { account_id: organiser.accountId, role: 'ORGANISER', status: 'APPROVED' },
    ]);
    for (const table of ['matchmaking_profile', 'marketplace_entry', 'availability_block', 'meeting_request', 'meeting', 'agenda_seat', 'agenda_bookmark',
      'agenda_session_change', 'material', 'notification_delivery', 'calendar_feed_token', 'consents', 'event_check_in', 'follow_up_round', 'scheduling_run']) {
      expect([table, await count(`SELECT count(*) AS n FROM ${table} WHERE event_id = $1`, [e])]).toEqual([table, 0]);
    }
    expect(await count(`SELECT count(*) AS n FROM agenda_session_person sp JOIN agenda_session s ON s.id = sp.session_id WHERE s.event_id = $1`, [e])).toBe(0);
    // The earlier event keeps its people (the copy read them, nothing more).
    expect(await count(`SELECT count(*) AS n FROM meeting WHERE event_id = $1`, [source])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM agenda_session_person sp JOIN agenda_session s ON s.id = sp.session_id WHERE s.event_id = $1`, [source])).toBe(1);

    const [audit] = await t.db.query(`SELECT actor_account_id, details FROM audit_log WHERE event_id = $1 AND action = 'event.copied'`, [e]);
    expect(audit).toMatchObject({
      actor_account_id: organiser.accountId,
      details: { sourceEventId: source, sourceSlug: 'cmr-oulu-2031', copyProgramme: true, rooms: 2, tracks: 2, sessions: 3, skippedSessions: 0, templates: 1, reminderRules: 2 },
    });
  });

  it('leaves out what falls outside a shorter event, keeps wall-clock times in another zone, and lets the input win', async () => {
    const { createEventFromEarlier: report } = await t.ok(
      COPY,
      { source, programme: true, input: { name: 'Short edition', slug: 'cmr-lisbon-2031', timeZone: 'Europe/Lisbon', startsOn: '2031-05-06', endsOn: '2031-05-07', venue: 'Lisbon Pavilion', requiresApproval: false } },
      organiser.token,
    );
    expect(report).toMatchObject({ dayOffset: 84, sessions: 2, skippedSessions: 1, cancelledSessions: 1, roundTables: 2, meetingWindows: 2, meetingSlots: 6 });
    expect(report.event).toMatchObject({ venue: 'Lisbon Pavilion', address: 'Kirkkokatu 1, Oulu', requiresApproval: false, timeZone: 'Europe/Lisbon' });
    const sessions = await t.db.query(`SELECT title, starts_at FROM agenda_session WHERE event_id = $1 ORDER BY starts_at`, [report.event.id]);
    expect(sessions.map((s: { title: string; starts_at: Date }) => [s.title, wall(s.starts_at, 'Europe/Lisbon')])).toEqual([
      ['Opening keynote', '2031-05-06 09:00'],
      ['Round tables', '2031-05-07 11:00'],
    ]);
    expect(sessions[0].starts_at.toISOString()).toBe('2031-05-06T08:00:00.000Z');
  });

  it('copies only the setup without copyProgramme', async () => {
    const { createEventFromEarlier: report } = await t.ok(COPY, { source, input: newInput('cmr-setup-only') }, organiser.token);
    expect(report).toMatchObject({ rooms: 2, tracks: 2, sessions: 0, skippedSessions: 0, roundTables: 0, meetingSlots: 6 });
    expect(await count(`SELECT count(*) AS n FROM agenda_session WHERE event_id = $1`, [report.event.id])).toBe(0);
  });

  it('is for the organisers of the earlier event only', async () => {
    expect(errorCode(await t.gql(COPY, { source, input: newInput('anon-copy') }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(COPY, { source, input: newInput('participant-copy') }, alice.token))).toBe('FORBIDDEN');
    const other = await person(t, 'Otto Other');
    const { createEvent: draft } = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Other draft', slug: 'other-draft', timeZone: HELSINKI, startsOn: '2031-06-01', endsOn: '2031-06-02' } },
      other.token,
    );
    expect(errorCode(await t.gql(COPY, { source, input: newInput('other-copy') }, other.token))).toBe('FORBIDDEN');
    // A draft does not exist for anyone but its organisers, nor does an unknown id.
    expect(errorCode(await t.gql(COPY, { source: draft.id, input: newInput('draft-copy') }, organiser.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(COPY, { source: '00000000-0000-4000-8000-000000000000', input: newInput('unknown-copy') }, organiser.token))).toBe('NOT_FOUND');
    expect(await count(`SELECT count(*) AS n FROM event WHERE slug IN ('anon-copy', 'participant-copy', 'other-copy', 'draft-copy', 'unknown-copy')`)).toBe(0);
    // The other organiser copies their own draft.
    const own = await t.gql(COPY, { source: draft.id, input: newInput('other-draft-2') }, other.token);
    expect(own.data?.createEventFromEarlier.event.slug).toBe('other-draft-2');
  });

  it('refuses a taken slug and leaves nothing behind', async () => {
    const totals = async () => ({
      events: await count(`SELECT count(*) AS n FROM event`),
      rooms: await count(`SELECT count(*) AS n FROM agenda_room`),
      sessions: await count(`SELECT count(*) AS n FROM agenda_session`),
      settings: await count(`SELECT count(*) AS n FROM matchmaking_settings`),
      slots: await count(`SELECT count(*) AS n FROM meeting_slot`),
      participations: await count(`SELECT count(*) AS n FROM participation`),
      audit: await count(`SELECT count(*) AS n FROM audit_log`),
    });
    const before = await totals();
    const res = await t.gql(COPY, { source, input: newInput('cmr-oulu-2031'), programme: true }, organiser.token);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'slug' });
    expect(await totals()).toEqual(before);
    // A bad input is refused the same way.
    const bad = await t.gql(COPY, { source, input: newInput('cmr-backwards', { endsOn: '2031-04-01' }), programme: true }, organiser.token);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(await totals()).toEqual(before);
  });

  it('lets exactly one of two simultaneous copies with the same slug through', async () => {
    const results = await Promise.all([1, 2].map(() => t.gql(COPY, { source, input: newInput('cmr-race'), programme: true }, organiser.token)));
    expect(results.map((r) => (r.errors ? errorCode(r) : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    const [{ id }] = await t.db.query(`SELECT id FROM event WHERE slug = 'cmr-race'`);
    expect(await count(`SELECT count(*) AS n FROM agenda_room WHERE event_id = $1`, [id])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM agenda_session WHERE event_id = $1`, [id])).toBe(3);
  });
});
