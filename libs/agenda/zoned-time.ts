/** Local wall-clock time in an IANA zone <-> instants, with Intl only (no tz tables of our own). */

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the clocks of `timeZone` show `date` (YYYY-MM-DD) `time` (HH:MM). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetMs(wall, timeZone);
  // Second pass settles instants next to a daylight-saving change.
  guess = wall - offsetMs(guess, timeZone);
  return new Date(guess);
}

/** YYYY-MM-DD of the instant in the zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** HH:MM (24 h) of the instant in the zone. */
export function zonedTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** The event's first instant and the instant after its last day, in its zone. */
export function eventBounds(event: { startsOn: string; endsOn: string; timeZone: string }): { start: Date; end: Date } {
  const next = new Date(`${event.endsOn}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { start: zonedInstant(event.startsOn, '00:00', event.timeZone), end: zonedInstant(next.toISOString().slice(0, 10), '00:00', event.timeZone) };
}

/** Every calendar date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (const d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** "Wed 26 Apr 10:00–11:30" in the zone, for messages. */
export function describeSpan(startsAt: Date, endsAt: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(startsAt);
  return `${day} ${zonedTime(startsAt, timeZone)}–${zonedTime(endsAt, timeZone)}`;
}
