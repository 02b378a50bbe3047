import { XMLParser } from 'fast-xml-parser';
import { type EventEntity } from '../events/index.js';
import { type AgendaView, type SessionView } from './agenda.views.js';
import { SessionRole } from './entities/session-person.entity.js';
import { SessionStatus, SessionType } from './entities/session.entity.js';
import {
  frabDate,
  frabDayStart,
  frabDuration,
  frabSlug,
  isoWithOffset,
  renderFrabJson,
  renderFrabXml,
  uniqueNumbers,
  xmlAttr,
  xmlText,
} from './frab-export.js';

const HELSINKI = 'Europe/Helsinki';
const ARRAYS = ['schedule.day', 'schedule.day.room', 'schedule.day.room.event', 'schedule.day.room.event.persons.person', 'schedule.day.room.event.attachments.attachment'];

describe('frab days in the event zone', () => {
  // Helsinki springs forward on Sunday 28 March 2027 at 03:00 (UTC+2 -> UTC+3) and falls back on 31 October at 04:00.
  it('runs a day from 04:00 to 04:00 local, 23 hours over the spring change and 25 over the autumn one', () => {
    expect(isoWithOffset(frabDayStart('2027-03-27', HELSINKI), HELSINKI)).toBe('2027-03-27T04:00:00+02:00');
    expect(isoWithOffset(frabDayStart('2027-03-28', HELSINKI), HELSINKI)).toBe('2027-03-28T04:00:00+03:00');
    const hours = (a: string, b: string) => (frabDayStart(b, HELSINKI).getTime() - frabDayStart(a, HELSINKI).getTime()) / 3_600_000;
    expect(hours('2027-03-27', '2027-03-28')).toBe(23);
    expect(hours('2027-03-28', '2027-03-29')).toBe(24);
    expect(hours('2027-10-30', '2027-10-31')).toBe(25);
    expect(isoWithOffset(frabDayStart('2027-10-31', HELSINKI), HELSINKI)).toBe('2027-10-31T04:00:00+02:00');
  });

  it('puts a session before the day change on the evening before, and one at 04:00 on its own date', () => {
    expect(frabDate(new Date('2027-03-28T03:59:00+03:00'), HELSINKI)).toBe('2027-03-27');
    expect(frabDate(new Date('2027-03-28T04:00:00+03:00'), HELSINKI)).toBe('2027-03-28');
    expect(frabDate(new Date('2027-03-28T01:30:00+02:00'), HELSINKI)).toBe('2027-03-27');
    // The repeated autumn hour 03:00-03:59 (both times) is still the night before.
    expect(frabDate(new Date('2027-10-31T00:30:00Z'), HELSINKI)).toBe('2027-10-30'); // 03:30 EEST
    expect(frabDate(new Date('2027-10-31T01:30:00Z'), HELSINKI)).toBe('2027-10-30'); // 03:30 EET
    expect(frabDate(new Date('2027-10-31T02:00:00Z'), HELSINKI)).toBe('2027-10-31'); // 04:00 EET
  });

  it('writes instants with the offset in force at that moment, including half-hour and negative zones', () => {
    expect(isoWithOffset(new Date('2027-03-28T00:59:00Z'), HELSINKI)).toBe('2027-03-28T02:59:00+02:00');
    expect(isoWithOffset(new Date('2027-03-28T01:00:00Z'), HELSINKI)).toBe('2027-03-28T04:00:00+03:00');
    expect(isoWithOffset(new Date('2027-01-15T12:00:00Z'), 'Asia/Kathmandu')).toBe('2027-01-15T17:45:00+05:45');
    expect(isoWithOffset(new Date('2027-01-15T12:00:00Z'), 'America/St_Johns')).toBe('2027-01-15T08:30:00-03:30');
    expect(isoWithOffset(new Date('2027-01-15T12:00:00Z'), 'UTC')).toBe('2027-01-15T12:00:00+00:00');
  });

  it('counts durations in elapsed time, over an hour, over a day and across a DST gap', () => {
    expect(frabDuration(new Date('2027-03-27T10:00:00Z'), new Date('2027-03-27T10:45:00Z'))).toBe('00:45');
    expect(frabDuration(new Date('2027-03-27T10:00:00Z'), new Date('2027-03-27T12:30:00Z'))).toBe('02:30');
    expect(frabDuration(new Date('2027-03-27T10:00:00Z'), new Date('2027-03-28T12:05:00Z'))).toBe('26:05');
    // 01:00 EET to 06:00 EEST: five hours on the clock, four elapsed.
    expect(frabDuration(new Date('2027-03-28T01:00:00+02:00'), new Date('2027-03-28T06:00:00+03:00'))).toBe('04:00');
  });
});

describe('frab XML escaping and identifiers', () => {
  it('escapes markup in text and attributes and drops characters XML cannot carry', () => {
    expect(xmlText(`Tom & Jerry <b>"hi"</b> 'x'`)).toBe(`Tom &amp; Jerry &lt;b&gt;"hi"&lt;/b&gt; 'x'`);
    expect(xmlAttr(`a"b'c<d>&e\nf`)).toBe('a&quot;b&apos;c&lt;d&gt;&amp;e&#10;f');
    expect(xmlText('bell\u0007 form\u000c feed\u0000')).toBe('bell form feed');
    expect(xmlText('emoji 😀 ok, lone \uD800 gone')).toBe('emoji 😀 ok, lone  gone');
    expect(xmlText('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });

  it('gives each UUID a stable, positive, unique 31-bit number', () => {
    const uuids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const a = uniqueNumbers(uuids);
    const b = uniqueNumbers([...uuids].reverse());
    expect(new Set(a.values()).size).toBe(uuids.length);
    for (const u of uuids) {
      expect(a.get(u)).toBe(b.get(u));
      expect(a.get(u)).toBeGreaterThan(0);
      expect(a.get(u)).toBeLessThanOrEqual(0x7fffffff);
    }
    // Adding sessions does not renumber the others.
    const more = uniqueNumbers([...uuids.slice(0, 10), 'ffffffff-0000-4000-8000-000000000000']);
    for (const u of uuids.slice(0, 10)) expect(more.get(u)).toBe(a.get(u));
  });

  it('makes slugs of lower-case ASCII words', () => {
    expect(frabSlug('nordic-2027', 42, 'Énergie & Säätö: <Round> table!')).toBe('nordic-2027-42-energie-saato-round-table');
    expect(frabSlug('ev', 7, '日本語')).toBe('ev-7');
    expect(frabSlug('ev', 7, 'x'.repeat(80))).toMatch(/^ev-7-x{50}$/);
  });
});

describe('frab schedule rendering', () => {
  const event = {
    id: '6f1c1d1e-0000-4000-8000-000000000001',
    slug: 'night-conf',
    name: 'Night <Conf> & "Friends"',
    venue: 'Old Harbour',
    address: 'Pier 1',
    timeZone: HELSINKI,
    startsOn: '2027-03-27',
    endsOn: '2027-03-28',
  } as EventEntity;
  const room = { id: '6f1c1d1e-0000-4000-8000-0000000000a1', eventId: event.id, name: 'Hall A', capacity: 100, location: null, position: 0 };
  const session = (over: Partial<SessionView>): SessionView => ({
    id: '6f1c1d1e-0000-4000-8000-000000000100',
    eventId: event.id,
    title: 'Untitled',
    description: null,
    type: SessionType.PLENARY,
    startsAt: new Date('2027-03-27T08:00:00Z'),
    endsAt: new Date('2027-03-27T09:00:00Z'),
    day: '2027-03-27',
    timeZone: HELSINKI,
    room,
    track: null,
    capacity: null,
    seated: 0,
    waiting: 0,
    language: null,
    status: SessionStatus.PUBLISHED,
    revision: 0,
    people: [],
    roundTables: [],
    ...over,
  });
  const night = session({
    id: '6f1c1d1e-0000-4000-8000-000000000101',
    title: 'Hack night',
    // Sunday 01:00 EET to 06:00 EEST, over the spring change.
    startsAt: new Date('2027-03-27T23:00:00Z'),
    endsAt: new Date('2027-03-28T03:00:00Z'),
    day: '2027-03-28',
    room: null,
  });
  const tables = session({
    id: '6f1c1d1e-0000-4000-8000-000000000102',
    title: 'Round tables',
    type: SessionType.ROUND_TABLE,
    description: 'Pick a table.',
    startsAt: new Date('2027-03-28T07:00:00Z'),
    endsAt: new Date('2027-03-28T08:30:00Z'),
    day: '2027-03-28',
    people: [{ accountId: '6f1c1d1e-0000-4000-8000-0000000000c1', name: 'Mia Moderator', jobTitle: null, organisationName: 'Hidden Oy', role: SessionRole.MODERATOR, position: 0 }],
    roundTables: [
      { id: 't1', sessionId: 'x', topic: 'Hydrogen', hostAccountId: '6f1c1d1e-0000-4000-8000-0000000000c2', hostName: 'Harri Host', seats: 8, seated: 0, waiting: 0, position: 0 },
      { id: 't2', sessionId: 'x', topic: 'Ports', hostAccountId: null, hostName: null, seats: 1, seated: 0, waiting: 0, position: 1 },
    ],
  });
  const agenda: AgendaView = {
    eventId: event.id,
    timeZone: HELSINKI,
    days: [
      { date: '2027-03-27', sessions: [session({ title: `Tom & Jerry's <"talk">` })] },
      { date: '2027-03-28', sessions: [night, tables] },
    ],
    rooms: [room],
    tracks: [],
  };
  const ctx = { publicBaseUrl: 'https://meet.example/', attachments: [{ sessionId: tables.id, title: 'Slides & notes', url: 'https://meet.example/materials/m1/download' }] };

  it('writes well-formed XML that a parser reads back to the same values as the JSON', () => {
    const xml = renderFrabXml(event, agenda, ctx);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (_name, jpath) => ARRAYS.includes(String(jpath)) }).parse(xml);
    const json = JSON.parse(renderFrabJson(event, agenda, ctx));
    expect(parsed.schedule.conference.title).toBe('Night <Conf> & "Friends"');
    expect(json.schedule.conference.title).toBe('Night <Conf> & "Friends"');
    expect(parsed.schedule.version).toBe(json.schedule.version);

    const days = parsed.schedule.day;
    expect(days.map((d: any) => [d['@date'], d['@start'], d['@end']])).toEqual([
      ['2027-03-27', '2027-03-27T04:00:00+02:00', '2027-03-28T04:00:00+03:00'],
      ['2027-03-28', '2027-03-28T04:00:00+03:00', '2027-03-29T04:00:00+03:00'],
    ]);
    // The night session starts at 01:00 on Sunday, before the day change: Saturday's, in the venue room.
    const saturday = Object.fromEntries(days[0].room.map((r: any) => [r['@name'], (r.event ?? []).map((e: any) => e.title)]));
    expect(saturday).toEqual({ 'Hall A': [`Tom & Jerry's <"talk">`], 'Old Harbour': ['Hack night'] });
    const hack = days[0].room[1].event[0];
    expect([hack.date, hack.start, hack.duration, hack.room]).toEqual(['2027-03-28T01:00:00+02:00', '01:00', '04:00', 'Old Harbour']);
    expect(json.schedule.conference.days[0].rooms['Old Harbour'][0]).toMatchObject({ date: hack.date, start: '01:00', duration: '04:00', id: Number(hack['@id']), guid: night.id });

    const rt = days[1].room[0].event[0];
    expect(rt.description).toBe('Pick a table.\n\nRound tables:\n1. Hydrogen — host: Harri Host (8 seats)\n2. Ports (1 seat)');
    expect(rt.abstract).toBe('Pick a table.');
    expect(rt.persons.person.map((p: any) => p['#text'])).toEqual(['Mia Moderator', 'Harri Host']);
    expect(rt.attachments.attachment[0]).toEqual({ '#text': 'Slides & notes', '@href': 'https://meet.example/materials/m1/download' });
    expect(rt.url).toBe(`https://meet.example/events/night-conf/agenda.html#session-${tables.id}`);
    expect(json.schedule.conference.days[1].rooms['Hall A'][0].persons).toEqual([
      { guid: '6f1c1d1e-0000-4000-8000-0000000000c1', name: 'Mia Moderator', public_name: 'Mia Moderator' },
      { guid: '6f1c1d1e-0000-4000-8000-0000000000c2', name: 'Harri Host', public_name: 'Harri Host' },
    ]);
    // Names only: the organisation of a person is not in either file.
    expect(xml).not.toContain('Hidden Oy');
    expect(JSON.stringify(json)).not.toContain('Hidden Oy');
  });

  it('changes the version when the programme changes, and only then', () => {
    const version = (a: AgendaView) => JSON.parse(renderFrabJson(event, a, ctx)).schedule.version;
    expect(version(agenda)).toBe(version(agenda));
    const moved = { ...agenda, days: [agenda.days[0], { date: '2027-03-28', sessions: [night, { ...tables, endsAt: new Date('2027-03-28T09:00:00Z') }] }] };
    expect(version(moved)).not.toBe(version(agenda));
  });
});
