import { XMLParser } from 'fast-xml-parser';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadFile, writeTestFile } from '../support/materials-fixtures.js';
import { TestApp } from '../support/test-app.js';

/**
 * The published programme in the frab formats conference apps read, over real HTTP, parsed with a
 * real XML parser. The event spans the last Sunday of March 2027, when Helsinki springs forward
 * (28 March, 03:00 EET -> 04:00 EEST), and lies in the future so material embargoes hold.
 */

const ARRAYS = new Set(['schedule.day', 'schedule.day.room', 'schedule.day.room.event', 'schedule.day.room.event.persons.person', 'schedule.day.room.event.attachments.attachment']);
const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, isArray: (_n, jpath) => ARRAYS.has(String(jpath)) });
const TRICKY_TITLE = `Keynote: Tom & Jerry's <"Green Deal">`;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

interface Flat {
  day: string;
  roomName: string;
  guid: string;
  id: number;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string;
  type: string;
  language: string;
  abstract: string;
  description: string;
  persons: string[];
  attachments: { title: string; url: string }[];
}

function flatFromXml(doc: any): Flat[] {
  return doc.schedule.day.flatMap((day: any) =>
    (day.room ?? []).flatMap((room: any) =>
      (room.event ?? []).map(
        (e: any): Flat => ({
          day: day['@date'],
          roomName: room['@name'],
          guid: e['@guid'],
          id: Number(e['@id']),
          date: e.date,
          start: e.start,
          duration: e.duration,
          room: e.room,
          slug: e.slug,
          url: e.url,
          title: e.title,
          subtitle: e.subtitle,
          track: e.track,
          type: e.type,
          language: e.language,
          abstract: e.abstract,
          description: e.description,
          persons: (e.persons?.person ?? []).map((p: any) => p['#text']),
          attachments: (e.attachments?.attachment ?? []).map((a: any) => ({ title: a['#text'], url: a['@href'] })),
        }),
      ),
    ),
  );
}

function flatFromJson(doc: any): Flat[] {
  return doc.schedule.conference.days.flatMap((day: any) =>
    Object.entries(day.rooms).flatMap(([roomName, events]) =>
      (events as any[]).map(
        (e): Flat => ({
          day: day.date,
          roomName,
          guid: e.guid,
          id: e.id,
          date: e.date,
          start: e.start,
          duration: e.duration,
          room: e.room,
          slug: e.slug,
          url: e.url,
          title: e.title,
          subtitle: e.subtitle,
          track: e.track ?? '',
          type: e.type,
          language: e.language,
          abstract: e.abstract,
          description: e.description,
          persons: e.persons.map((p: any) => p.name),
          attachments: e.attachments,
        }),
      ),
    ),
  );
}

describe('agenda in the frab schedule formats (schedule.xml, schedule.json)', () => {
  let t: TestApp;
  let dir: string;
  let eventId: string;
  let organiser: { token: string; accountId: string; email: string };
  let speaker: { token: string; accountId: string; email: string };
  let host: { token: string; accountId: string; email: string };
  let seated: { token: string; accountId: string; email: string };
  let hidden: { token: string; accountId: string; email: string };
  const ids: Record<string, string> = {};
  let roomA: string;
  let roomB: string;
  const materials: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clustermeet-frab-'));
    t = await TestApp.start({ RUN_WORKER_IN_API: 'false', MATERIALS_DIR: join(dir, 'storage') });
    organiser = await t.signUp('Olga Organiser');
    speaker = await t.signUp('Sara Keynote');
    host = await t.signUp('Harri Host');
    seated = await t.signUp('Seppo Seated');
    // A moderator whose job title and organisation only organisers may see.
    const reg = await t.ok(`mutation($input: RegisterAccountInput!) { register(input: $input) { token account { id } } }`, {
      input: {
        email: 'hilda.hidden@test.example',
        name: 'Hilda Hidden',
        password: 'correct horse battery',
        consentVersion: '2026-11',
        jobTitle: 'Chief Secret Officer',
        organisation: { name: 'Hush Hush Oy', type: 'SME' },
      },
    });
    hidden = { token: reg.register.token, accountId: reg.register.account.id, email: 'hilda.hidden@test.example' };

    const created = await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Spring <Forward> & "Friends"', slug: 'frab-export', timeZone: 'Europe/Helsinki', startsOn: '2027-03-27', endsOn: '2027-03-28', venue: 'Old Harbour' } },
      organiser.token,
    );
    eventId = created.createEvent.id;
    await t.ok(`mutation($id: ID!) { setEventStatus(id: $id, status: PUBLISHED) { status } }`, { id: eventId }, organiser.token);
    for (const person of [speaker, host, seated, hidden]) {
      await t.ok(`mutation($eventId: ID!) { registerForEvent(eventId: $eventId, consentVersion: "2026-11") { status } }`, { eventId }, person.token);
    }
    await t.ok(
      `mutation($e: ID!, $i: MatchmakingProfileInput!) { updateMatchmakingProfile(eventId: $e, input: $i) { __typename } }`,
      { e: eventId, i: { visibility: [{ field: 'JOB_TITLE', audience: 'ORGANISERS' }, { field: 'ORGANISATION', audience: 'ORGANISERS' }] } },
      hidden.token,
    );

    const room = async (name: string, capacity: number) =>
      (await t.ok(`mutation($e: ID!, $i: RoomInput!) { createRoom(eventId: $e, input: $i) { id } }`, { e: eventId, i: { name, capacity } }, organiser.token)).createRoom.id;
    roomA = await room('Levi Hall', 150);
    roomB = await room('Tunturi', 40);
    const track = (await t.ok(`mutation($e: ID!) { createTrack(eventId: $e, input: { name: "Circular economy", colour: "#2A9D8F" }) { id } }`, { e: eventId }, organiser.token))
      .createTrack.id;

    const session = async (key: string, input: Record<string, unknown>) => {
      const s = (await t.ok(`mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`, { e: eventId, i: input }, organiser.token))
        .createSession;
      ids[key] = s.id;
      return s.id as string;
    };
    const publish = (id: string) => t.ok(`mutation($id: ID!) { setSessionStatus(id: $id, status: PUBLISHED) { id } }`, { id }, organiser.token);

    // Saturday 10:00-11:30 EET.
    await session('keynote', {
      title: TRICKY_TITLE,
      type: 'KEYNOTE',
      roomId: roomA,
      trackId: track,
      language: 'en',
      description: 'Why <b>this</b> & that matter.',
      startsAt: '2027-03-27T10:00:00+02:00',
      endsAt: '2027-03-27T11:30:00+02:00',
    });
    await t.ok(
      `mutation($id: ID!, $people: [SessionPersonInput!]!) { setSessionPeople(sessionId: $id, people: $people) { id } }`,
      { id: ids.keynote, people: [{ accountId: speaker.accountId, role: 'SPEAKER' }, { accountId: hidden.accountId, role: 'MODERATOR' }] },
      organiser.token,
    );
    // Saturday 13:00-14:30 EET, two tables.
    await session('tables', { title: 'Round tables on ports', type: 'ROUND_TABLE', roomId: roomB, startsAt: '2027-03-27T13:00:00+02:00', endsAt: '2027-03-27T14:30:00+02:00' });
    await t.ok(`mutation($s: ID!, $i: RoundTableInput!) { addRoundTable(sessionId: $s, input: $i) { id } }`, { s: ids.tables, i: { topic: 'Hydrogen hubs', seats: 8, hostAccountId: host.accountId } }, organiser.token);
    await t.ok(`mutation($s: ID!, $i: RoundTableInput!) { addRoundTable(sessionId: $s, input: $i) { id } }`, { s: ids.tables, i: { topic: 'Green corridors', seats: 6 } }, organiser.token);
    // Sunday 01:00 EET to 06:00 EEST, no room: over the DST change, before the 04:00 day change.
    await session('night', { title: 'Hack night', type: 'WORKSHOP', startsAt: '2027-03-28T01:00:00+02:00', endsAt: '2027-03-28T06:00:00+03:00' });
    // Sunday 10:00-12:15 EEST.
    await session('closing', { title: 'Closing plenary', type: 'PLENARY', roomId: roomA, language: 'fi', startsAt: '2027-03-28T10:00:00+03:00', endsAt: '2027-03-28T12:15:00+03:00' });
    await session('draft', { title: 'Secret draft session', type: 'PANEL', roomId: roomB, startsAt: '2027-03-28T10:00:00+03:00', endsAt: '2027-03-28T11:00:00+03:00' });
    for (const key of ['keynote', 'tables', 'night', 'closing']) await publish(ids[key]);
    const table = (await t.ok(`query($id: ID!) { session(id: $id) { roundTables { id topic } } }`, { id: ids.tables })).session.roundTables.find(
      (r: any) => r.topic === 'Hydrogen hubs',
    );
    await t.ok(`mutation($s: ID!, $r: ID) { takeSeat(sessionId: $s, roundTableId: $r) { status } }`, { s: ids.tables, r: table.id }, seated.token);

    // Materials of the keynote: only the public one without embargo may be listed.
    const pdf = await writeTestFile(join(dir, 'slides.pdf'), 2048, '%PDF-1.7\n');
    const upload = async (title: string, fields: Record<string, string>) => {
      const res = await uploadFile(t, `/events/${eventId}/sessions/${ids.keynote}/materials`, pdf, 'slides.pdf', organiser.token, { title, ...fields });
      expect(res.status).toBe(201);
      materials[title] = res.body.material.id;
    };
    await upload('Public slides & notes', { visibility: 'PUBLIC' });
    await upload('Embargoed slides', { visibility: 'PUBLIC', embargoUntilStart: 'true' });
    await upload('Participants only', { visibility: 'PARTICIPANTS' });
    await upload('Private notes', { visibility: 'PRIVATE' });
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const res = await fetch(t.baseUrl + path);
    return { status: res.status, headers: res.headers, body: await res.text() };
  };

  it('serves schedule.xml with days from 04:00 local, rooms, events in local time, persons and escaped text', async () => {
    const res = await get('/events/frab-export/schedule.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    // In text, & < > are escaped (quotes need not be); in attributes, quotes too.
    expect(res.body).toContain(`<title>Keynote: Tom &amp; Jerry's &lt;"Green Deal"&gt;</title>`);
    const doc = xmlParser.parse(res.body);
    const s = doc.schedule;
    expect(s.generator['@name']).toBe('ClusterMeet');
    expect(s.conference).toMatchObject({
      acronym: 'frab-export',
      title: 'Spring <Forward> & "Friends"',
      start: '2027-03-27',
      end: '2027-03-28',
      days: '2',
      timeslot_duration: '00:05',
      time_zone_name: 'Europe/Helsinki',
      base_url: `${t.config.publicBaseUrl}/events/frab-export/`,
    });
    // Saturday is 23 hours long: it ends at 04:00 EEST.
    expect(s.day.map((d: any) => [d['@index'], d['@date'], d['@start'], d['@end']])).toEqual([
      ['1', '2027-03-27', '2027-03-27T04:00:00+02:00', '2027-03-28T04:00:00+03:00'],
      ['2', '2027-03-28', '2027-03-28T04:00:00+03:00', '2027-03-29T04:00:00+03:00'],
    ]);
    expect(s.day[0].room.map((r: any) => [r['@name'], r['@guid']])).toEqual([
      ['Levi Hall', roomA],
      ['Tunturi', roomB],
      ['Old Harbour', expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)],
    ]);
    const events = flatFromXml(doc);
    expect(events.map((e) => [e.day, e.roomName, e.title, e.date, e.start, e.duration])).toEqual([
      ['2027-03-27', 'Levi Hall', TRICKY_TITLE, '2027-03-27T10:00:00+02:00', '10:00', '01:30'],
      ['2027-03-27', 'Tunturi', 'Round tables on ports', '2027-03-27T13:00:00+02:00', '13:00', '01:30'],
      // Five hours on the clock, four elapsed; before 04:00, so still Saturday's.
      ['2027-03-27', 'Old Harbour', 'Hack night', '2027-03-28T01:00:00+02:00', '01:00', '04:00'],
      ['2027-03-28', 'Levi Hall', 'Closing plenary', '2027-03-28T10:00:00+03:00', '10:00', '02:15'],
    ]);
    const keynote = events[0];
    expect(keynote).toMatchObject({
      guid: ids.keynote,
      room: 'Levi Hall',
      url: `${t.config.publicBaseUrl}/events/frab-export/agenda.html#session-${ids.keynote}`,
      track: 'Circular economy',
      type: 'Keynote',
      language: 'en',
      abstract: 'Why <b>this</b> & that matter.',
      persons: ['Sara Keynote', 'Hilda Hidden'],
      attachments: [{ title: 'Public slides & notes', url: `${t.config.publicBaseUrl}/materials/${materials['Public slides & notes']}/download` }],
    });
    expect(keynote.id).toBeGreaterThan(0);
    expect(keynote.slug).toMatch(new RegExp(`^frab-export-${keynote.id}-keynote-tom-jerry-s-green-deal$`));
    expect(events[1].description).toBe('Round tables:\n1. Hydrogen hubs — host: Harri Host (8 seats)\n2. Green corridors (6 seats)');
    expect(events[1].persons).toEqual(['Harri Host']);
    expect(events[2].room).toBe('Old Harbour');
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(events.map((e) => e.slug)).size).toBe(events.length);
    const keynoteXml = s.day[0].room[0].event[0];
    expect(keynoteXml.persons.person.map((p: any) => p['@guid'])).toEqual([speaker.accountId, hidden.accountId]);
    expect(Number(keynoteXml.persons.person[0]['@id'])).toBeGreaterThan(0);
  });

  it('serves the same schedule as c3voc schedule.json, agreeing with the XML on every event', async () => {
    const [xmlRes, jsonRes] = await Promise.all([get('/events/frab-export/schedule.xml'), get('/events/frab-export/schedule.json')]);
    expect(jsonRes.status).toBe(200);
    expect(jsonRes.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(jsonRes.headers.get('cache-control')).toBe('public, max-age=60');
    const json = JSON.parse(jsonRes.body);
    const xml = xmlParser.parse(xmlRes.body);
    expect(json.$schema).toMatch(/schema\.json$/);
    expect(json.schedule.version).toBe(xml.schedule.version);
    expect(json.schedule.conference).toMatchObject({
      acronym: 'frab-export',
      title: 'Spring <Forward> & "Friends"',
      daysCount: 2,
      time_zone_name: 'Europe/Helsinki',
      tracks: [{ name: 'Circular economy', color: '#2a9d8f' }],
    });
    expect(json.schedule.conference.rooms.map((r: any) => r.name)).toEqual(['Levi Hall', 'Tunturi', 'Old Harbour']);
    expect(json.schedule.conference.days.map((d: any) => [d.index, d.date, d.day_start, d.day_end])).toEqual(
      xml.schedule.day.map((d: any) => [Number(d['@index']), d['@date'], d['@start'], d['@end']]),
    );
    const fromJson = flatFromJson(json);
    expect(fromJson).toEqual(flatFromXml(xml));
    expect(fromJson).toHaveLength(4);
    const keynote = json.schedule.conference.days[0].rooms['Levi Hall'][0];
    expect(keynote.persons).toEqual([
      { guid: speaker.accountId, name: 'Sara Keynote', public_name: 'Sara Keynote' },
      { guid: hidden.accountId, name: 'Hilda Hidden', public_name: 'Hilda Hidden' },
    ]);
    expect(keynote.links).toEqual([]);
    expect(json.schedule.conference.days[1].rooms['Tunturi']).toEqual([]);
    // Stable between exports.
    expect((await get('/events/frab-export/schedule.json')).body).toBe(jsonRes.body);
  });

  it('leaves out drafts, e-mail addresses, hidden profile fields, seated people and non-public or embargoed materials', async () => {
    for (const path of ['/events/frab-export/schedule.xml', '/events/frab-export/schedule.json']) {
      const { body } = await get(path);
      expect(body).not.toContain('Secret draft session');
      expect(body).not.toContain(ids.draft);
      expect(body).not.toMatch(EMAIL);
      for (const person of [organiser, speaker, host, seated, hidden]) expect(body).not.toContain(person.email);
      expect(body).not.toContain('Chief Secret Officer');
      expect(body).not.toContain('Hush Hush Oy');
      expect(body).not.toContain('Seppo Seated');
      expect(body).not.toContain('Olga Organiser');
      for (const title of ['Embargoed slides', 'Participants only', 'Private notes']) {
        expect(body).not.toContain(title);
        expect(body).not.toContain(materials[title]);
      }
    }
    // The listed attachment is really downloadable by anyone.
    const file = await fetch(`${t.baseUrl}/materials/${materials['Public slides & notes']}/download`);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(2048);
  });

  it('keeps the fields a person on stage narrowed to organisers out of the programme everywhere: GraphQL agenda, HTML and CSV', async () => {
    const AGENDA = `query($e: ID!) { agenda(eventId: $e) { days { sessions { people { name jobTitle organisationName } } } } }`;
    for (const token of [undefined, seated.token, organiser.token]) {
      const { agenda } = await t.ok<{ agenda: { days: { sessions: { people: { name: string; jobTitle: string | null; organisationName: string | null }[] }[] }[] } }>(AGENDA, { e: eventId }, token);
      const hilda = agenda.days.flatMap((d) => d.sessions.flatMap((x) => x.people)).find((p) => p.name === 'Hilda Hidden');
      expect(hilda).toEqual({ name: 'Hilda Hidden', jobTitle: null, organisationName: null });
    }
    for (const file of ['agenda.html', 'agenda.csv']) {
      const text = await (await fetch(`${t.baseUrl}/events/frab-export/${file}`)).text();
      expect(text).toContain('Hilda Hidden');
      expect(text).not.toMatch(/Chief Secret Officer|Hush Hush Oy/);
    }
    // Widening the field again puts it back on the programme.
    await t.ok(
      `mutation($e: ID!, $i: MatchmakingProfileInput!) { updateMatchmakingProfile(eventId: $e, input: $i) { __typename } }`,
      { e: eventId, i: { visibility: [{ field: 'ORGANISATION', audience: 'PARTICIPANTS' }] } },
      hidden.token,
    );
    const { agenda } = await t.ok<{ agenda: { days: { sessions: { people: { name: string; jobTitle: string | null; organisationName: string | null }[] }[] }[] } }>(AGENDA, { e: eventId });
    expect(agenda.days.flatMap((d) => d.sessions.flatMap((x) => x.people)).find((p) => p.name === 'Hilda Hidden')).toEqual({ name: 'Hilda Hidden', jobTitle: null, organisationName: 'Hush Hush Oy' });
    await t.ok(
      `mutation($e: ID!, $i: MatchmakingProfileInput!) { updateMatchmakingProfile(eventId: $e, input: $i) { __typename } }`,
      { e: eventId, i: { visibility: [{ field: 'ORGANISATION', audience: 'ORGANISERS' }] } },
      hidden.token,
    );
  });

  it('answers 404 for an unknown slug and a draft event, in both formats', async () => {
    await t.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { name: 'Draft', slug: 'frab-draft', timeZone: 'Europe/Helsinki', startsOn: '2027-03-27', endsOn: '2027-03-28' } },
      organiser.token,
    );
    for (const slug of ['frab-draft', 'no-such-event']) {
      for (const file of ['schedule.xml', 'schedule.json']) {
        const res = await get(`/events/${slug}/${file}`);
        expect(res.status).toBe(404);
        expect(res.body).toBe('No published event at this address.');
      }
    }
  });
});
