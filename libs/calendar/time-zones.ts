import timeZones from '@touch4it/ical-timezones';
import { wallClock } from '../common/index.js';

/**
 * VTIMEZONE blocks come from @touch4it/ical-timezones (tzurl.org's Olson-derived definitions).
 * They are Outlook-style: the current rule, repeated yearly. So that an out-of-date definition can
 * never put an item an hour off, every instant we write as local time is first checked against
 * the runtime's own tz database (Intl); an instant the VTIMEZONE would read differently, or one in
 * the repeated hour of an autumn change (a local time that names two instants), is written in
 * UTC instead, which every client reads correctly.
 */
export interface ZoneDefinition {
  tzid: string;
  /** Unfolded content lines from BEGIN:VTIMEZONE to END:VTIMEZONE. */
  lines: string[];
  observances: Observance[];
}

interface Observance {
  offsetFrom: number; // ms
  offsetTo: number; // ms
  /** DTSTART as wall-clock fields (local time in offsetFrom). */
  start: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  rule: { month: number; week: number; weekday: number; until?: number } | null;
}

const cache = new Map<string, ZoneDefinition | null>();

/** The zone's VTIMEZONE, or null when the source has none (or one we cannot read). */
export function zoneDefinition(tzid: string): ZoneDefinition | null {
  if (cache.has(tzid)) return cache.get(tzid)!;
  let definition: ZoneDefinition | null = null;
  const text = tzid === 'UTC' || tzid === 'Etc/UTC' ? null : timeZones.getVtimezoneComponent(tzid);
  if (text) {
    const lines = unfold(text).filter((line) => line && !line.startsWith('TZURL') && !line.startsWith('X-LIC-LOCATION'));
    const observances = parseObservances(lines);
    if (observances && lines[1] === `TZID:${tzid}`) definition = { tzid, lines, observances };
  }
  cache.set(tzid, definition);
  return definition;
}

/**
 * True when `instant` written as local time in the zone (per Intl) reads back, through the
 * VTIMEZONE definition, as exactly the same instant.
 */
export function localTimeIsFaithful(definition: ZoneDefinition, instant: Date): boolean {
  return faithfulLocalTime(definition, instant) !== null;
}

/** The local time to write (e.g. 20240331T043000), or null when only UTC is safe (see above). */
export function faithfulLocalTime(definition: ZoneDefinition, instant: Date): string | null {
  const t = instant.getTime();
  if (t % 1000 !== 0) return null;
  const wall = wallClock(instant, definition.tzid);
  const actual = wall.offsetMs;
  if (offsetAt(definition, t) !== actual) return null;
  // Repeated wall-clock hour: another instant with another offset shows the same local time.
  // RFC 5545 says the first occurrence is meant, but parsers differ (ical.js takes the second),
  // so neither occurrence is written as local time.
  const local = t + actual;
  const offsets = new Set(definition.observances.flatMap((o) => [o.offsetFrom, o.offsetTo]));
  for (const other of offsets) {
    if (other !== actual && offsetAt(definition, local - other) === other) return null;
  }
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

/** The UTC offset (ms) the VTIMEZONE definition gives at an instant; NaN when it cannot say. */
export function offsetAt(definition: ZoneDefinition, t: number): number {
  let best = -Infinity;
  let offset = NaN;
  const year = new Date(t).getUTCFullYear();
  for (const o of definition.observances) {
    for (const onset of onsets(o, year)) {
      if (onset <= t && onset > best) {
        best = onset;
        offset = o.offsetTo;
      }
    }
  }
  return offset;
}

function onsets(o: Observance, year: number): number[] {
  const { start } = o;
  const first = Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second) - o.offsetFrom;
  if (!o.rule) return [first];
  const result: number[] = [];
  for (let y = Math.max(start.year, year - 1); y <= year; y++) {
    const day = nthWeekday(y, o.rule.month, o.rule.week, o.rule.weekday);
    if (day === null) continue;
    const onset = Date.UTC(y, o.rule.month - 1, day, start.hour, start.minute, start.second) - o.offsetFrom;
    if (onset >= first && (o.rule.until === undefined || onset <= o.rule.until)) result.push(onset);
  }
  return result;
}

/** Day of month of the n-th (negative: from the end) weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, week: number, weekday: number): number | null {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (week > 0) {
    const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    const day = 1 + ((weekday - firstWeekday + 7) % 7) + (week - 1) * 7;
    return day <= daysInMonth ? day : null;
  }
  const lastWeekday = new Date(Date.UTC(year, month - 1, daysInMonth)).getUTCDay();
  const day = daysInMonth - ((lastWeekday - weekday + 7) % 7) + (week + 1) * 7;
  return day >= 1 ? day : null;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function parseObservances(lines: string[]): Observance[] | null {
  const observances: Observance[] = [];
  let current: Partial<Observance> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT') current = { rule: null };
    else if (line === 'END:STANDARD' || line === 'END:DAYLIGHT') {
      if (!current || current.offsetFrom === undefined || current.offsetTo === undefined || !current.start) return null;
      observances.push(current as Observance);
      current = null;
    } else if (current) {
      const [name, value] = splitLine(line);
      if (name === 'TZOFFSETFROM') current.offsetFrom = parseOffset(value);
      else if (name === 'TZOFFSETTO') current.offsetTo = parseOffset(value);
      else if (name === 'DTSTART') current.start = parseLocal(value) ?? undefined;
      else if (name === 'RRULE') {
        const rule = parseRule(value);
        if (!rule) return null; // a rule shape we cannot evaluate: do not trust the definition
        current.rule = rule;
      } else if (name === 'RDATE') return null;
      if (Number.isNaN(current.offsetFrom) || Number.isNaN(current.offsetTo)) return null;
    }
  }
  return observances.length > 0 ? observances : null;
}

function parseRule(value: string): Observance['rule'] {
  const parts = Object.fromEntries(value.split(';').map((p) => p.split('=') as [string, string]));
  const known = new Set(['FREQ', 'BYMONTH', 'BYDAY', 'UNTIL']);
  if (parts.FREQ !== 'YEARLY' || Object.keys(parts).some((k) => !known.has(k))) return null;
  const byday = /^([+-]?[1-5])(SU|MO|TU|WE|TH|FR|SA)$/.exec(parts.BYDAY ?? '');
  const month = Number(parts.BYMONTH);
  if (!byday || !(month >= 1 && month <= 12)) return null;
  let until: number | undefined;
  if (parts.UNTIL) {
    const u = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(parts.UNTIL);
    if (!u) return null;
    until = Date.UTC(+u[1], +u[2] - 1, +u[3], +u[4], +u[5], +u[6]);
  }
  return { month, week: Number(byday[1]), weekday: WEEKDAYS.indexOf(byday[2]), until };
}

function parseOffset(value: string): number {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value);
  if (!m) return NaN;
  return (m[1] === '-' ? -1 : 1) * ((+m[2] * 60 + +m[3]) * 60 + +(m[4] ?? 0)) * 1000;
}

function parseLocal(value: string) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(value);
  return m ? { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +m[6] } : null;
}

function splitLine(line: string): [string, string] {
  const colon = line.indexOf(':');
  return [line.slice(0, colon).split(';')[0].toUpperCase(), line.slice(colon + 1)];
}

function unfold(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).map((line) => line.trimEnd());
}
