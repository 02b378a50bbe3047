import ICAL from 'ical.js';
import { parseWithPython, secondParserAvailable } from '../support/second-ical-parser.js';
import { errorCode, TestApp } from '../support/test-app.js';

/** A feed parsed with ical.js; its own VTIMEZONEs are registered so TZID times resolve through them. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      tzid: v.getFirstProperty('dtstart')?.getParameter('tzid') ?? null,
      summary: e.summary,
      description: e.description,
      location: e.location,
      status: v.getFirstPropertyValue('status'),
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues()),
    };
  });
  return { calendar, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

const iso = (d: Date) => d.toISOString();

describe('calendar feeds (HTTP end to end, parsed with ical.js)', () => {
  let t: TestApp;
  let eventId: string;
  const slug = 'cmr-helsinki-dst';
  const domain = 'localhost';
  let organiser: { token: string; accountId: string };
  let alice: { token: string; accountId: string };
  let bob: { token: string; accountId: string };
  let carol: { token: string; accountId: string };
  const s: Record<string, string> = {};
  let meetingId: string;
  let otherMeetingId: string;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.baseUrl}${path}`, { headers });
  const sql = <T = any>(query: string, params: unknown[] = []) => t.db.query(query, params) as Promise<T[]>;
  const pathOf = (url: string) => new URL(url).pathname;

  async function session(key: string, fields: { title: string; starts: string; ends: string; status?: string; type?: string; description?: string | null; room?: string | null; track?: string | null }) {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO agenda_session (event_id, title, description, type, starts_at, ends_at, room_id, track_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [eventId, fields.title, fields.description ?? null, fields.type ?? 'PLENARY', fields.starts, fields.ends, fields.room ?? null, fields.track ?? null, fields.status ?? 'PUBLISHED'],
    );
    s[key] = row.id;
    return row.id;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.signUp('Olga Organiser');
    alice = await t.signUp('Alice Aalto');
    bob = await t.signUp('Bob Berg');
    carol = await t.signUp('Carol Castillo');
    const created = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Clusters meet Regions, DST edition', slug, timeZone: 'Europe/Helsinki', startsOn: '2024-03-30', endsOn: '2024-04-01' } },
      organiser.token,
    );
    eventId = created.createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: eventId }, organiser.token);
    await t.db.query(`UPDATE event SET venue = 'Levi Summit, Kittilä' WHERE id = $1`, [eventId]);
    for (const p of [alice, bob, carol]) {
      await sql(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, 'PARTICIPANT', 'APPROVED')`, [eventId, p.accountId]);
    }
    const [org] = await sql<{ id: string }>(`INSERT INTO organisation (name, type, country) VALUES ('GTK, Geological Survey', 'RESEARCH', 'FI') RETURNING id`);
    await sql(`UPDATE account SET organisation_id = $1 WHERE id = $2`, [org.id, bob.accountId]);

    const [room] = await sql<{ id: string }>(`INSERT INTO agenda_room (event_id, name, location) VALUES ($1, 'Aurora Hall', 'Levi Summit, floor 2') RETURNING id`, [eventId]);
    const [track] = await sql<{ id: string }>(`INSERT INTO agenda_track (event_id, name) VALUES ($1, 'Raw materials; critical, strategic') RETURNING id`, [eventId]);
    await session('opening', { title: 'Opening, welcome; and coffee', starts: '2024-03-30T08:00:00Z', ends: '2024-03-30T09:30:00Z', room: room.id, track: track.id, description: 'Line one\nLine two, with comma' });
    // 01:30 EET to 04:30 EEST: the clocks go forward in between.
    await session('night', { title: 'Night across the change', starts: '2024-03-30T23:30:00Z', ends: '2024-03-31T01:30:00Z', room: room.id });
    await session('draft', { title: 'Secret draft session', starts: '2024-03-31T08:00:00Z', ends: '2024-03-31T09:00:00Z', status: 'DRAFT' });
    await session('tables', { title: 'Round Table II', starts: '2024-03-31T10:00:00Z', ends: '2024-03-31T11:00:00Z', type: 'ROUND_TABLE', room: room.id });
    await session('carols', { title: 'Only Carol bookmarked this', starts: '2024-04-01T07:00:00Z', ends: '2024-04-01T08:00:00Z' });
    await session('keynote', { title: 'Green Deal Industrial Plan keynote', starts: '2024-04-01T09:00:00Z', ends: '2024-04-01T10:00:00Z', type: 'KEYNOTE', room: room.id });
    const [table] = await sql<{ id: string }>(
      `INSERT INTO agenda_round_table (session_id, topic, seats) VALUES ($1, 'Industrial Circular Economy', 8) RETURNING id`,
      [s.tables],
    );
    await sql(`INSERT INTO agenda_seat (event_id, session_id, round_table_id, account_id, status, seated_at) VALUES ($1, $2, $3, $4, 'SEATED', now())`, [eventId, s.tables, table.id, alice.accountId]);
    await sql(`INSERT INTO agenda_session_person (session_id, account_id, role, position) VALUES ($1, $2, 'SPEAKER', 0), ($1, $3, 'MODERATOR', 1)`, [s.keynote, alice.accountId, bob.accountId]);
    await sql(`INSERT INTO agenda_bookmark (account_id, session_id, event_id) VALUES ($1, $2, $3), ($1, $4, $3), ($5, $6, $3)`, [alice.accountId, s.night, eventId, s.draft, carol.accountId, s.carols]);
    // Through the API, like a participant would.
    await t.ok(`mutation($id: ID!) { bookmarkSession(sessionId: $id) }`, { id: s.opening }, alice.token);

    const [slot] = await sql<{ id: string }>(`INSERT INTO meeting_slot (event_id, starts_at, ends_at) VALUES ($1, '2024-03-31T12:00:00Z', '2024-03-31T12:20:00Z') RETURNING id`, [eventId]);
    const meeting = async (a: string, b: string, tableNumber: number) => {
      const [request] = await sql<{ id: string }>(`INSERT INTO meeting_request (event_id, requester_id, recipient_id, status) VALUES ($1, $2, $3, 'ACCEPTED') RETURNING id`, [eventId, a, b]);
      const [m] = await sql<{ id: string }>(
        `INSERT INTO meeting (event_id, request_id, requester_id, recipient_id, slot_id, table_number) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [eventId, request.id, a, b, slot.id, tableNumber],
      );
      return m.id;
    };
    meetingId = await meeting(alice.accountId, bob.accountId, 7);
    otherMeetingId = await meeting(carol.accountId, organiser.accountId, 8);
  });

  afterAll(async () => {
    await t?.stop();
  });

  async function myFeed(token: string) {
    const data = await t.ok(`query($id: ID!) { myCalendarFeed(eventId: $id) { eventId url webcalUrl createdAt } }`, { id: eventId }, token);
    return data.myCalendarFeed as { url: string; webcalUrl: string };
  }

  it('serves the event feed: published sessions only, times and fields as in the database, RFC 5545 frame', async () => {
    const res = await get(`/calendar/events/${slug}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar; charset=utf-8/);
    const text = await res.text();
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const { calendar, events, byUid } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    // ical.js leaves X- properties unparsed: the raw line shows the TEXT escaping.
    expect(calendar.getFirstProperty('x-wr-calname')!.toICALString()).toBe('X-WR-CALNAME:Clusters meet Regions\\, DST edition');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Helsinki');
    expect(calendar.getFirstProperty('refresh-interval')!.toICALString()).toBe('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
    expect(calendar.getFirstProperty('x-published-ttl')!.toICALString()).toBe('X-PUBLISHED-TTL:PT60M');
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Helsinki']);

    const rows = await sql<{ id: string; title: string; starts_at: Date; ends_at: Date; revision: number; status: string }>(
      `SELECT id, title, starts_at, ends_at, revision, status FROM agenda_session WHERE event_id = $1 AND status = 'PUBLISHED' ORDER BY starts_at`,
      [eventId],
    );
    expect(events.map((e) => e.uid).sort()).toEqual(rows.map((r) => `session-${r.id}@${domain}`).sort());
    for (const row of rows) {
      const e = byUid.get(`session-${row.id}@${domain}`)!;
      expect({ start: e.start, end: e.end, summary: e.summary, sequence: e.sequence, status: e.status, tzid: e.tzid }).toEqual({
        start: iso(row.starts_at),
        end: iso(row.ends_at),
        summary: row.title,
        sequence: row.revision,
        status: 'CONFIRMED',
        tzid: 'Europe/Helsinki',
      });
    }
    expect(text).toContain(`DTSTART;TZID=Europe/Helsinki:20240331T013000\r\nDTEND;TZID=Europe/Helsinki:20240331T043000`);
    const opening = byUid.get(`session-${s.opening}@${domain}`)!;
    expect(opening.location).toBe('Aurora Hall, Levi Summit, floor 2');
    expect(opening.categories).toEqual(['Raw materials; critical, strategic']);
    expect(opening.description).toContain('Line one\nLine two, with comma');
    const keynote = byUid.get(`session-${s.keynote}@${domain}`)!;
    expect(keynote.description).toContain('Speakers: Alice Aalto');
    expect(keynote.description).toContain('Moderators: Bob Berg (GTK, Geological Survey)');
    expect(text).not.toContain('Secret draft session');
  });

  it('reads the same with a second, independent parser (Python icalendar, its own zone database)', async () => {
    if (!secondParserAvailable()) {
      console.warn('calendar: second parser skipped: /usr/bin/python3 with python3-icalendar is not installed (apt-get install python3-icalendar)');
      return;
    }
    const feeds = [await (await get(`/calendar/events/${slug}.ics`)).text(), await (await get(pathOf((await myFeed(alice.token)).url))).text()];
    for (const text of feeds) {
      const python = parseWithPython(text);
      const js = parse(text);
      expect(python.timezones).toEqual(['Europe/Helsinki']);
      expect(python.events.map((e) => e.uid).sort()).toEqual(js.events.map((e) => e.uid).sort());
      for (const e of python.events) {
        const other = js.byUid.get(e.uid)!;
        expect({ start: e.start, end: e.end, sequence: e.sequence, status: e.status, summary: e.summary, tzid: e.tzid }).toEqual({
          start: other.start,
          end: other.end,
          sequence: other.sequence,
          status: other.status,
          summary: other.summary,
          tzid: other.tzid,
        });
      }
    }
    // The night the clocks change is in the feed, and both parsers put it at the same instants.
    const night = parseWithPython(feeds[0]).events.find((e) => e.uid === `session-${s.night}@${domain}`);
    expect(night).toBeDefined();
  });

  it('answers a repeat request with 304 (ETag and Last-Modified)', async () => {
    const first = await get(`/calendar/events/${slug}.ics`);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await get(`/calendar/events/${slug}.ics`)).headers.get('etag')).toBe(etag);
    expect((await get(`/calendar/events/${slug}.ics`, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(`/calendar/events/${slug}.ics`, { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get(`/calendar/events/${slug}.ics`, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('answers 404 for an unknown slug, a draft event and a malformed path', async () => {
    await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Draft event', slug: 'still-a-draft', timeZone: 'Europe/Helsinki', startsOn: '2024-03-30', endsOn: '2024-03-31' } },
      organiser.token,
    );
    for (const path of ['/calendar/events/no-such-event.ics', '/calendar/events/still-a-draft.ics', `/calendar/events/${slug}.txt`, '/calendar/events/%00.ics']) {
      expect([path, (await get(path)).status]).toEqual([path, 404]);
    }
  });

  it("gives a participant one secret feed with their sessions, round table, talks and meetings, and nobody else's", async () => {
    const feed = await myFeed(alice.token);
    expect(feed.url).toMatch(/^http:\/\/localhost:\d+\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace('http://', 'webcal://'));
    expect((await myFeed(alice.token)).url).toBe(feed.url);
    // Only the hash and a sealed copy are stored.
    const token = pathOf(feed.url).split('/').pop()!.replace('.ics', '');
    const [stored] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM calendar_feed_token WHERE position($1::bytea IN token_sealed) > 0 OR encode(token_hash, 'escape') LIKE '%' || $2 || '%'`, [Buffer.from(token), token]);
    expect(stored.n).toBe(0);

    const res = await get(pathOf(feed.url));
    expect(res.status).toBe(200);
    const { calendar, byUid, events } = parse(await res.text());
    expect(calendar.getFirstProperty('x-wr-calname')!.toICALString()).toBe('X-WR-CALNAME:Clusters meet Regions\\, DST edition: my programme');
    expect([...byUid.keys()].sort()).toEqual(
      [`session-${s.opening}@${domain}`, `session-${s.night}@${domain}`, `session-${s.tables}@${domain}`, `session-${s.keynote}@${domain}`, `meeting-${meetingId}@${domain}`].sort(),
    );
    expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort());
    const table = byUid.get(`session-${s.tables}@${domain}`)!;
    expect(table.summary).toBe('Round Table II: Industrial Circular Economy');
    const m = byUid.get(`meeting-${meetingId}@${domain}`)!;
    const [row] = await sql<{ starts_at: Date; ends_at: Date; revision: number; table_number: number }>(
      `SELECT sl.starts_at, sl.ends_at, m.revision, m.table_number FROM meeting m JOIN meeting_slot sl ON sl.id = m.slot_id WHERE m.id = $1`,
      [meetingId],
    );
    expect(m).toMatchObject({
      start: iso(row.starts_at),
      end: iso(row.ends_at),
      sequence: row.revision,
      status: 'CONFIRMED',
      summary: `B2B meeting: Bob Berg (GTK, Geological Survey), Table ${row.table_number}`,
      location: 'Table 7, Levi Summit, Kittilä',
      tzid: 'Europe/Helsinki',
    });

    // Bob sees Alice from his side, never Carol's meeting.
    const bobs = parse(await (await get(pathOf((await myFeed(bob.token)).url))).text());
    expect(bobs.byUid.get(`meeting-${meetingId}@${domain}`)!.summary).toBe('B2B meeting: Alice Aalto, Table 7');
    expect(bobs.byUid.has(`meeting-${otherMeetingId}@${domain}`)).toBe(false);
    expect(bobs.byUid.has(`session-${s.carols}@${domain}`)).toBe(false);
  });

  it('updates in place: a moved session keeps its UID with a higher SEQUENCE; a cancelled meeting stays as STATUS:CANCELLED', async () => {
    const path = pathOf((await myFeed(alice.token)).url);
    const before = parse(await (await get(path)).text()).byUid;
    const etag = (await get(path)).headers.get('etag')!;

    await t.ok(
      `mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id } }`,
      { id: s.opening, input: { startsAt: '2024-03-30T09:00:00Z', endsAt: '2024-03-30T10:30:00Z' } },
      organiser.token,
    );
    await t.ok(`mutation($id: ID!) { cancelMeeting(id: $id, reason: "Flight cancelled") { status } }`, { id: meetingId }, alice.token);
    await t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: CANCELLED) { status } }`, { id: s.night }, organiser.token);

    const res = await get(path, { 'if-none-match': etag });
    expect(res.status).toBe(200);
    const after = parse(await res.text()).byUid;
    const moved = after.get(`session-${s.opening}@${domain}`)!;
    const [opening] = await sql<{ revision: number }>(`SELECT revision FROM agenda_session WHERE id = $1`, [s.opening]);
    expect(moved).toMatchObject({ start: '2024-03-30T09:00:00.000Z', end: '2024-03-30T10:30:00.000Z', sequence: opening.revision, status: 'CONFIRMED' });
    expect(moved.sequence).toBeGreaterThan(before.get(`session-${s.opening}@${domain}`)!.sequence);

    const cancelled = after.get(`meeting-${meetingId}@${domain}`)!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(before.get(`meeting-${meetingId}@${domain}`)!.sequence);
    expect(cancelled.summary).toMatch(/^Cancelled: B2B meeting: Bob Berg/);
    const night = after.get(`session-${s.night}@${domain}`)!;
    expect(night.status).toBe('CANCELLED');
    expect(night.sequence).toBeGreaterThan(before.get(`session-${s.night}@${domain}`)!.sequence);
    // The public feed keeps the cancelled session too.
    const publicFeed = parse(await (await get(`/calendar/events/${slug}.ics`)).text()).byUid;
    expect(publicFeed.get(`session-${s.night}@${domain}`)!.status).toBe('CANCELLED');

    // Cancelled more than 30 days ago: gone.
    await sql(`UPDATE meeting SET revised_at = now() - interval '31 days', updated_at = now() - interval '31 days' WHERE id = $1`, [meetingId]);
    expect(parse(await (await get(path)).text()).byUid.has(`meeting-${meetingId}@${domain}`)).toBe(false);
  });

  it('rotates and revokes: the old URL answers exactly like a token that never existed', async () => {
    const old = pathOf((await myFeed(carol.token)).url);
    expect((await get(old)).status).toBe(200);
    const rotated = await t.ok(`mutation($id: ID!) { rotateMyCalendarFeed(eventId: $id) { url } }`, { id: eventId }, carol.token);
    const fresh = pathOf(rotated.rotateMyCalendarFeed.url);
    expect(fresh).not.toBe(old);
    const gone = await get(old);
    const never = await get(`/calendar/feeds/${'A'.repeat(43)}.ics`);
    const malformed = await get('/calendar/feeds/short.ics');
    expect([gone.status, never.status, malformed.status]).toEqual([404, 404, 404]);
    expect(await gone.text()).toBe(await never.text());
    expect((await get(fresh)).status).toBe(200);

    expect(await t.ok(`mutation($id: ID!) { revokeMyCalendarFeed(eventId: $id) }`, { id: eventId }, carol.token)).toEqual({ revokeMyCalendarFeed: true });
    expect((await get(fresh)).status).toBe(404);
    // Asking again issues a new one.
    expect((await get(pathOf((await myFeed(carol.token)).url))).status).toBe(200);
  });

  it('keeps feeds to approved members and closes them when the event returns to draft', async () => {
    const stranger = await t.signUp('Stranger Danger');
    const q = `query($id: ID!) { myCalendarFeed(eventId: $id) { url } }`;
    expect(errorCode(await t.gql(q, { id: eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(q, { id: eventId }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(q, { id: 'not-an-id' }, alice.token))).toBe('NOT_FOUND');

    const path = pathOf((await myFeed(bob.token)).url);
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: DRAFT) { status } }`, { id: eventId }, organiser.token);
    expect((await get(path)).status).toBe(404);
    expect((await get(`/calendar/events/${slug}.ics`)).status).toBe(404);
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: eventId }, organiser.token);
    expect((await get(path)).status).toBe(200);
  });

  it('serves single items with the same UIDs: a session to anyone, a meeting to its people', async () => {
    const one = await get(`/calendar/sessions/${s.keynote}.ics`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-disposition')).toMatch(/attachment; filename="session-/);
    const parsed = parse(await one.text());
    expect(parsed.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(parsed.events.map((e) => e.uid)).toEqual([`session-${s.keynote}@${domain}`]);
    expect((await get(`/calendar/sessions/${s.draft}.ics`)).status).toBe(404);
    expect((await get(`/calendar/sessions/00000000-0000-0000-0000-000000000000.ics`)).status).toBe(404);

    const auth = (p: { token: string }) => ({ authorization: `Bearer ${p.token}` });
    const mine = await get(`/calendar/meetings/${otherMeetingId}.ics`, auth(carol));
    expect(mine.status).toBe(200);
    const meeting = parse(await mine.text()).events[0];
    expect(meeting).toMatchObject({ uid: `meeting-${otherMeetingId}@${domain}`, summary: 'B2B meeting: Olga Organiser, Table 8' });
    expect((await get(`/calendar/meetings/${otherMeetingId}.ics`, auth(alice))).status).toBe(404);
    expect((await get(`/calendar/meetings/${otherMeetingId}.ics`)).status).toBe(404);
  });

  it('writes London times (GMT and BST) that parse back to the database instants', async () => {
    const london = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'London workshop', slug: 'cmr-london', timeZone: 'Europe/London', startsOn: '2024-03-30', endsOn: '2024-04-01' } },
      organiser.token,
    );
    const id = london.createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id }, organiser.token);
    await sql(
      `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status) VALUES
        ($1, 'GMT morning', 'PLENARY', '2024-03-30T09:00:00Z', '2024-03-30T10:00:00Z', 'PUBLISHED'),
        ($1, 'BST morning', 'PLENARY', '2024-03-31T09:00:00Z', '2024-03-31T10:00:00Z', 'PUBLISHED')`,
      [id],
    );
    const text = await (await get('/calendar/events/cmr-london.ics')).text();
    expect(text).toContain('DTSTART;TZID=Europe/London:20240330T090000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20240331T100000');
    const rows = await sql<{ id: string; starts_at: Date; ends_at: Date }>(`SELECT id, starts_at, ends_at FROM agenda_session WHERE event_id = $1`, [id]);
    const { byUid } = parse(text);
    for (const r of rows) expect(byUid.get(`session-${r.id}@${domain}`)).toMatchObject({ start: iso(r.starts_at), end: iso(r.ends_at), tzid: 'Europe/London' });
  });
});
