import { createHash } from 'node:crypto';
import { type EventEntity } from '../events/index.js';
import { datesBetween, wallClock, zonedDate, zonedInstant } from '../common/index.js';
import { TYPE_LABEL } from './agenda-export.js';
import { type AgendaView, type RoomView, type SessionView } from './agenda.views.js';

/**
 * The published programme in the "frab" schedule formats that conference apps read (Giggity,
 * ConfClerk, EventFahrplan, the c3voc recording pipeline): schedule.xml and the c3voc
 * schedule.json. Both are rendered from one model, so they always agree.
 *
 * Choices (see docs/agenda.md):
 * - A frab day runs from 04:00 to 04:00 the next morning in the event's zone (the usual frab
 *   "day change"), so a session at 01:00 belongs to the evening before. Day bounds are instants
 *   written with the zone's offset at that moment, so a day over a DST change is 23 or 25 hours.
 * - `start` is the local wall-clock time, `duration` the real elapsed time (HH:MM, hours may
 *   pass 24), `date` the start instant with the zone's offset.
 * - `guid` is the session's own UUID; `id` a positive 31-bit integer from a SHA-256 of that UUID
 *   (no sequence, no column): the same in every export, made unique within the event by taking the
 *   next free number in UUID order should two ever collide.
 * - Sessions without a room go in one room named after the event's venue ("Venue" without one).
 * - Persons are names only: the people on the session, then round-table hosts.
 */

export const FRAB_DAY_CHANGE = '04:00';
export const FRAB_TIMESLOT = '00:05';
const GENERATOR = { name: 'ClusterMeet', version: '1.0' };
const SCHEMA_URL = 'https://c3voc.de/schedule/schema.json';
/** Our own namespace for the name-based (v5) UUIDs of things that have no UUID (the venue room). */
const UUID_NAMESPACE = 'b1d9a1f2-5c3e-4e8a-9f0d-7a6c2e4b8d10';

export interface FrabAttachment {
  sessionId: string;
  title: string;
  url: string;
}

export interface FrabContext {
  publicBaseUrl: string;
  /** Public files of sessions that anyone may download now (already filtered by the caller). */
  attachments?: FrabAttachment[];
}

export interface FrabPerson {
  id: number;
  guid: string;
  name: string;
}

export interface FrabEvent {
  guid: string;
  id: number;
  /** Start instant with the zone's offset. */
  date: string;
  /** HH:MM local. */
  start: string;
  /** HH:MM elapsed. */
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  description: string;
  persons: FrabPerson[];
  attachments: { title: string; url: string }[];
}

export interface FrabRoom {
  name: string;
  guid: string;
  capacity: number | null;
  location: string | null;
}

export interface FrabDay {
  index: number;
  date: string;
  start: string;
  end: string;
  rooms: { room: FrabRoom; events: FrabEvent[] }[];
}

export interface FrabSchedule {
  version: string;
  baseUrl: string;
  conference: {
    acronym: string;
    title: string;
    start: string;
    end: string;
    timeZone: string;
    url: string;
    rooms: FrabRoom[];
    tracks: { name: string; color: string }[];
  };
  days: FrabDay[];
}

/** The model both formats are written from. */
export function frabSchedule(event: EventEntity, agenda: AgendaView, ctx: FrabContext): FrabSchedule {
  const tz = event.timeZone;
  const base = ctx.publicBaseUrl.replace(/\/+$/, '');
  const sessions = agenda.days.flatMap((d) => d.sessions);
  const sessionIds = uniqueNumbers(sessions.map((s) => s.id));
  const personIds = uniqueNumbers(sessions.flatMap((s) => [...s.people.map((p) => p.accountId), ...s.roundTables.flatMap((t) => t.hostAccountId ?? [])]));

  const rooms: FrabRoom[] = [...agenda.rooms]
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map((r) => ({ name: r.name, guid: r.id, capacity: r.capacity, location: r.location }));
  let venueRoom: FrabRoom | null = null;
  if (sessions.some((s) => !s.room)) {
    let name = event.venue?.trim() || 'Venue';
    while (rooms.some((r) => r.name.toLowerCase() === name.toLowerCase())) name = `${name} (general)`;
    venueRoom = { name, guid: uuidV5(`${event.id}/venue`), capacity: null, location: event.address };
    rooms.push(venueRoom);
  }
  const roomOf = (room: RoomView | null) => (room ? rooms.find((r) => r.guid === room.id)! : venueRoom!);

  const attachments = new Map<string, { title: string; url: string }[]>();
  for (const a of ctx.attachments ?? []) attachments.set(a.sessionId, [...(attachments.get(a.sessionId) ?? []), { title: a.title, url: a.url }]);

  const toEvent = (s: SessionView): FrabEvent => {
    const id = sessionIds.get(s.id)!;
    const persons = new Map<string, FrabPerson>();
    for (const p of s.people) persons.set(p.accountId, { id: personIds.get(p.accountId)!, guid: p.accountId, name: p.name });
    for (const t of s.roundTables) {
      if (t.hostAccountId && t.hostName && !persons.has(t.hostAccountId)) persons.set(t.hostAccountId, { id: personIds.get(t.hostAccountId)!, guid: t.hostAccountId, name: t.hostName });
    }
    const abstract = s.description?.trim() ?? '';
    const tables = s.roundTables.map((t, i) => `${i + 1}. ${t.topic}${t.hostName ? ` — host: ${t.hostName}` : ''} (${t.seats} ${t.seats === 1 ? 'seat' : 'seats'})`);
    return {
      guid: s.id,
      id,
      date: isoWithOffset(new Date(s.startsAt), tz),
      start: localTime(new Date(s.startsAt), tz),
      duration: frabDuration(new Date(s.startsAt), new Date(s.endsAt)),
      room: roomOf(s.room).name,
      slug: frabSlug(event.slug, id, s.title),
      url: `${base}/events/${encodeURIComponent(event.slug)}/agenda.html#session-${s.id}`,
      title: s.title,
      subtitle: '',
      track: s.track?.name ?? null,
      type: TYPE_LABEL[s.type] ?? s.type,
      language: s.language ?? '',
      abstract,
      description: [abstract, tables.length ? `Round tables:\n${tables.join('\n')}` : ''].filter(Boolean).join('\n\n'),
      persons: [...persons.values()],
      attachments: attachments.get(s.id) ?? [],
    };
  };

  const byDay = new Map<string, SessionView[]>();
  for (const s of sessions) {
    const date = frabDate(new Date(s.startsAt), tz);
    byDay.set(date, [...(byDay.get(date) ?? []), s]);
  }
  const dates = [...new Set([...datesBetween(event.startsOn, event.endsOn), ...byDay.keys()])].sort();
  const days: FrabDay[] = dates.map((date, i) => {
    const daySessions = (byDay.get(date) ?? []).sort(
      (a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime() || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
    );
    return {
      index: i + 1,
      date,
      start: isoWithOffset(frabDayStart(date, tz), tz),
      end: isoWithOffset(frabDayStart(nextDate(date), tz), tz),
      rooms: rooms.map((room) => ({ room, events: daySessions.filter((s) => roomOf(s.room) === room).map(toEvent) })),
    };
  });

  const content = { days, rooms, tracks: agenda.tracks.map((t) => [t.name, t.colour]), name: event.name, startsOn: event.startsOn, endsOn: event.endsOn, tz };
  return {
    // Changes whenever anything in the file changes, so apps know to refresh.
    version: createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12),
    baseUrl: `${base}/events/${encodeURIComponent(event.slug)}/`,
    conference: {
      acronym: event.slug,
      title: event.name,
      start: event.startsOn,
      end: event.endsOn,
      timeZone: tz,
      url: `${base}/events/${encodeURIComponent(event.slug)}`,
      rooms,
      tracks: [...agenda.tracks].sort((a, b) => a.name.localeCompare(b.name)).map((t) => ({ name: t.name, color: t.colour })),
    },
    days,
  };
}

/** frab schedule.xml. */
export function renderFrabXml(event: EventEntity, agenda: AgendaView, ctx: FrabContext): string {
  const s = frabSchedule(event, agenda, ctx);
  const c = s.conference;
  const el = (name: string, value: string | number | null) => `<${name}>${xmlText(String(value ?? ''))}</${name}>`;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<schedule>',
    `  <generator name="${xmlAttr(GENERATOR.name)}" version="${xmlAttr(GENERATOR.version)}"/>`,
    `  ${el('version', s.version)}`,
    '  <conference>',
    `    ${el('acronym', c.acronym)}`,
    `    ${el('title', c.title)}`,
    `    ${el('start', c.start)}`,
    `    ${el('end', c.end)}`,
    `    ${el('days', s.days.length)}`,
    `    ${el('timeslot_duration', FRAB_TIMESLOT)}`,
    `    ${el('time_zone_name', c.timeZone)}`,
    `    ${el('base_url', s.baseUrl)}`,
    `    ${el('url', c.url)}`,
    '  </conference>',
  ];
  for (const day of s.days) {
    out.push(`  <day index="${day.index}" date="${day.date}" start="${day.start}" end="${day.end}">`);
    for (const { room, events } of day.rooms) {
      if (events.length === 0) {
        out.push(`    <room name="${xmlAttr(room.name)}" guid="${room.guid}"/>`);
        continue;
      }
      out.push(`    <room name="${xmlAttr(room.name)}" guid="${room.guid}">`);
      for (const e of events) {
        out.push(
          `      <event guid="${e.guid}" id="${e.id}">`,
          ...[
            el('date', e.date),
            el('start', e.start),
            el('duration', e.duration),
            el('room', e.room),
            el('slug', e.slug),
            el('url', e.url),
            el('title', e.title),
            el('subtitle', e.subtitle),
            el('track', e.track),
            el('type', e.type),
            el('language', e.language),
            el('abstract', e.abstract),
            el('description', e.description),
            e.persons.length
              ? `<persons>${e.persons.map((p) => `<person id="${p.id}" guid="${p.guid}">${xmlText(p.name)}</person>`).join('')}</persons>`
              : '<persons/>',
            '<links/>',
            e.attachments.length
              ? `<attachments>${e.attachments.map((a) => `<attachment href="${xmlAttr(a.url)}">${xmlText(a.title)}</attachment>`).join('')}</attachments>`
              : '<attachments/>',
          ].map((line) => `        ${line}`),
          '      </event>',
        );
      }
      out.push('    </room>');
    }
    out.push('  </day>');
  }
  out.push('</schedule>');
  return out.join('\n') + '\n';
}

/** The c3voc/frab schedule.json. */
export function renderFrabJson(event: EventEntity, agenda: AgendaView, ctx: FrabContext): string {
  const s = frabSchedule(event, agenda, ctx);
  const c = s.conference;
  const document = {
    $schema: SCHEMA_URL,
    generator: GENERATOR,
    schedule: {
      version: s.version,
      base_url: s.baseUrl,
      conference: {
        acronym: c.acronym,
        title: c.title,
        start: c.start,
        end: c.end,
        daysCount: s.days.length,
        timeslot_duration: FRAB_TIMESLOT,
        time_zone_name: c.timeZone,
        url: c.url,
        rooms: c.rooms.map((r) => ({ name: r.name, guid: r.guid, description: r.location, capacity: r.capacity })),
        tracks: c.tracks,
        days: s.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: Object.fromEntries(
            day.rooms.map(({ room, events }) => [
              room.name,
              events.map((e) => ({
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
                track: e.track,
                type: e.type,
                language: e.language,
                abstract: e.abstract,
                description: e.description,
                // Name-only persons (the schema's pretalx shape); no integer id here, which would make them match both shapes.
                persons: e.persons.map((p) => ({ guid: p.guid, name: p.name, public_name: p.name })),
                links: [],
                attachments: e.attachments.map((a) => ({ title: a.title, url: a.url })),
              })),
            ]),
          ),
        })),
      },
    },
  };
  return JSON.stringify(document, null, 2) + '\n';
}

// ---- the subtle parts, exported for their unit tests ----

/** The frab day of an instant: the local date, or the one before when it is before the day change. */
export function frabDate(instant: Date, timeZone: string): string {
  const date = zonedDate(instant, timeZone);
  return instant < frabDayStart(date, timeZone) ? previousDate(date) : date;
}

export function frabDayStart(date: string, timeZone: string): Date {
  return zonedInstant(date, FRAB_DAY_CHANGE, timeZone);
}

/** 2027-03-28T10:00:00+03:00: the instant with the zone's offset at that moment. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const minutes = Math.round(w.offsetMs / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** HH:MM of elapsed time; hours can pass 24. */
export function frabDuration(startsAt: Date, endsAt: Date): string {
  const minutes = Math.max(0, Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000));
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/** A positive 31-bit number per UUID, stable and unique within the set (collisions take the next free number, in UUID order). */
export function uniqueNumbers(uuids: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const uuid of [...new Set(uuids)].sort()) {
    let n = createHash('sha256').update(uuid.toLowerCase()).digest().readUInt32BE(0) & 0x7fffffff || 1;
    while (used.has(n)) n = (n % 0x7fffffff) + 1;
    used.add(n);
    out.set(uuid, n);
  }
  return out;
}

/** `<event slug>-<id>-<title words>`, lower-case ASCII, as frab's slug pattern wants. */
export function frabSlug(eventSlug: string, id: number, title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 50)
    .replace(/^-+|-+$/g, '');
  return [eventSlug, String(id), words].filter(Boolean).join('-');
}

/** Text content: escapes markup and drops characters XML 1.0 cannot carry (control characters, lone surrogates). */
export function xmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** Attribute values (double-quoted), with line breaks kept as character references. */
export function xmlAttr(text: string): string {
  return stripInvalidXmlChars(text).replace(
    /[&<>"'\t\n\r]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!,
  );
}

function stripInvalidXmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function localTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${two(w.hour)}:${two(w.minute)}`;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** RFC 4122 name-based UUID (version 5, SHA-1) in our namespace. */
function uuidV5(name: string): string {
  const ns = Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
