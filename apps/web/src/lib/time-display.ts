// Pure time-zone display rules, shared by the pages and unit-tested by Jest (test/web).
// Every time is shown in the event's zone, labelled; the viewer's own time follows when it differs.

/** Offset in minutes of `zone` from UTC at `instant`. */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** "Helsinki" for "Europe/Helsinki", "Port of Spain" for "America/Port_of_Spain". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** The locale's minus sign: "−" (U+2212) in fi-FI, "-" in en-GB. */
function minusSign(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(-1).find((p) => p.type === 'minusSign')?.value ?? '-';
}

/**
 * Short zone name at that instant: the locale's abbreviation where it has one ("EEST" in en-GB),
 * else its offset ("GMT+9" in en-GB; always "UTC+3", "UTC−4", "UTC+5.30" in fi-FI, which has no
 * abbreviations). Finnish readers know the UTC offset from their own devices' zone lists; the long
 * names ("Itä-Euroopan kesäaika") are too long beside every time in a list or a select.
 */
export function zoneAbbreviation(instant: Date, zone: string, locale = 'en-GB'): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  if (!part) return zone;
  // ICU writes a negative offset with a hyphen; the locale's own minus sign matches its numbers.
  return part.value.replace(/^(UTC|GMT)-/, (_, prefix: string) => prefix + minusSign(locale));
}

/**
 * "Helsinki (EEST)" in en-GB, "Helsinki (UTC+3)" in fi-FI; just "UTC" where the city and the
 * abbreviation are the same word. The city stays as the IANA id writes it: Intl has no localised
 * exemplar cities (its generic names give a country, "aikavyöhyke: Belgia", for most zones).
 */
export function zoneName(instant: Date, zone: string, locale = 'en-GB'): string {
  const city = zoneCity(zone);
  const abbreviation = zoneAbbreviation(instant, zone, locale);
  return city === abbreviation ? city : `${city} (${abbreviation})`;
}

export interface TimeLabel {
  /** e.g. "Wed 26 Apr, 09:00" in the event zone. */
  eventTime: string;
  /** e.g. "Helsinki (EEST)"; "Helsinki (UTC+3)" in fi-FI. */
  eventZone: string;
  /** The viewer's own time, only when the viewer's offset differs at that instant. */
  viewerTime: string | null;
  viewerZone: string | null;
}

export interface TimeLabelOptions {
  locale?: string;
  withDate?: boolean;
}

function clock(instant: Date, zone: string, locale: string, withDate: boolean): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
  }).format(instant);
}

/** How to show one instant of an event to a viewer who may be elsewhere. */
export function timeLabel(iso: string | Date, eventZone: string, viewerZone: string, options: TimeLabelOptions = {}): TimeLabel {
  const locale = options.locale ?? 'en-GB';
  const withDate = options.withDate ?? true;
  const instant = typeof iso === 'string' ? new Date(iso) : iso;
  const differs = zoneOffsetMinutes(instant, eventZone) !== zoneOffsetMinutes(instant, viewerZone);
  // When the viewer's calendar day differs, their label needs the date too.
  const viewerNeedsDate = withDate || dayKey(instant, eventZone) !== dayKey(instant, viewerZone);
  return {
    eventTime: clock(instant, eventZone, locale, withDate),
    eventZone: zoneName(instant, eventZone, locale),
    viewerTime: differs ? clock(instant, viewerZone, locale, viewerNeedsDate) : null,
    viewerZone: differs ? zoneName(instant, viewerZone, locale) : null,
  };
}

export interface TimeRangeLabel {
  /** e.g. "Wed 26 Apr, 10:30–12:00" (or "10:30–12:00" without the date) in the event zone. */
  eventRange: string;
  eventZone: string;
  /** The viewer's own range, only when the viewer's offset differs. */
  viewerRange: string | null;
  viewerZone: string | null;
}

/** A start and end shown once each: "10:30–12:00 Helsinki (EEST) · 09:30–11:00 Brussels (CEST)". */
export function timeRangeLabel(startIso: string | Date, endIso: string | Date, eventZone: string, viewerZone: string, options: TimeLabelOptions = {}): TimeRangeLabel {
  const locale = options.locale ?? 'en-GB';
  const withDate = options.withDate ?? true;
  const start = typeof startIso === 'string' ? new Date(startIso) : startIso;
  const end = typeof endIso === 'string' ? new Date(endIso) : endIso;
  const range = (zone: string, startDate: boolean) => {
    // An end on another day than the start names its day too.
    const endDate = dayKey(end, zone) !== dayKey(start, zone);
    return `${clock(start, zone, locale, startDate)}–${clock(end, zone, locale, endDate)}`;
  };
  const differs = zoneOffsetMinutes(start, eventZone) !== zoneOffsetMinutes(start, viewerZone) || zoneOffsetMinutes(end, eventZone) !== zoneOffsetMinutes(end, viewerZone);
  const viewerNeedsDate = withDate || dayKey(start, eventZone) !== dayKey(start, viewerZone);
  return {
    eventRange: range(eventZone, withDate),
    eventZone: zoneName(start, eventZone, locale),
    viewerRange: differs ? range(viewerZone, viewerNeedsDate) : null,
    viewerZone: differs ? zoneName(start, viewerZone, locale) : null,
  };
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone: how agendas are grouped into days. */
export function dayKey(iso: string | Date, zone: string): string {
  const instant = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** "Tue 25 Apr – Thu 27 Apr 2023" for the event's YYYY-MM-DD dates (no zone shift: they are days). */
export function dateRangeLabel(startsOn: string, endsOn: string, locale = 'en-GB'): string {
  // The same shape at both ends: en-GB would write "Tue 25 Apr" but "Thu, 27 Apr 2023".
  const day = (d: string, withYear: boolean) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
    })
      .formatToParts(new Date(`${d}T12:00:00Z`))
      .map((part) => (part.type === 'literal' ? part.value.replace(',', '') : part.value))
      .join('');
  return startsOn === endsOn ? day(startsOn, true) : `${day(startsOn, false)} – ${day(endsOn, true)}`;
}

/** The viewer's zone as the browser reports it, with a safe fallback. */
export function browserZone(fallback = 'UTC'): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || fallback;
  } catch {
    return fallback;
  }
}

/** The instant (ISO, UTC) of a wall-clock time "YYYY-MM-DDTHH:mm" in `zone` (e.g. from a datetime-local input). */
export function zonedLocalToIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset next to a DST change.
  let instant = asUtc - zoneOffsetMinutes(new Date(asUtc), zone) * 60000;
  instant = asUtc - zoneOffsetMinutes(new Date(instant), zone) * 60000;
  return new Date(instant).toISOString();
}

/** The wall-clock "YYYY-MM-DDTHH:mm" of an instant in `zone` (for a datetime-local input). */
export function isoToZonedLocal(iso: string, zone: string): string {
  const instant = new Date(iso);
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, zone) * 60000);
  return shifted.toISOString().slice(0, 16);
}
