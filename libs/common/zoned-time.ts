/**
 * Wall-clock time in an IANA zone <-> instants, with Intl only (no time-zone tables of our own).
 * Every domain renders and computes event times through these, so a DST rule lives in one place.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in an IANA zone, and the zone's offset then (ms). */
export function wallClock(instant: Date, timeZone: string) {
  // One formatter per zone: building one costs far more than formatting (feeds call this per item).
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const fields = { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return { ...fields, offsetMs: asUtc - Math.floor(instant.getTime() / 1000) * 1000 };
}

/** The zone's offset from UTC at an instant, in milliseconds (Helsinki in summer: +3 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  return wallClock(instant, timeZone).offsetMs;
}

/**
 * The instant a local wall-clock time happens in a zone. A time skipped by a spring-forward
 * gap moves forward by the gap; a repeated autumn time takes its first occurrence.
 */
export function zonedWallTimeToInstant(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Try the offsets valid just before and just after; the earliest consistent one wins.
  const candidates = [asUtc - zoneOffsetMs(new Date(asUtc - 86_400_000), timeZone), asUtc - zoneOffsetMs(new Date(asUtc + 86_400_000), timeZone)];
  const consistent = candidates.filter((t) => t + zoneOffsetMs(new Date(t), timeZone) === asUtc).sort((a, b) => a - b);
  if (consistent.length) return new Date(consistent[0]);
  // In a gap: keep the wall time's distance from midnight by using the offset before the gap.
  return new Date(Math.max(...candidates));
}

/** The instant at which the clocks of `timeZone` show `date` (YYYY-MM-DD) `time` (HH:MM). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return zonedWallTimeToInstant({ year, month, day, hour, minute }, timeZone);
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

/** "Wed 26 Apr 10:00–11:30" in the zone, for messages and conflict descriptions. */
export function describeSpan(startsAt: Date, endsAt: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(startsAt);
  return `${day} ${zonedTime(startsAt, timeZone)}–${zonedTime(endsAt, timeZone)}`;
}

/**
 * When a reminder `offsetMinutes` before `startsAt` is due. Whole days are counted in the
 * event's calendar ("a day before" keeps 09:00 at 09:00 across a DST change, i.e. 23 or 25 real
 * hours); shorter offsets are exact durations.
 */
export function reminderDueAt(startsAt: Date, offsetMinutes: number, timeZone: string): Date {
  if (offsetMinutes > 0 && offsetMinutes % 1440 === 0) {
    const w = wallClock(startsAt, timeZone);
    const day = new Date(Date.UTC(w.year, w.month - 1, w.day - offsetMinutes / 1440));
    return zonedWallTimeToInstant(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: w.hour, minute: w.minute },
      timeZone,
    );
  }
  return new Date(startsAt.getTime() - offsetMinutes * 60_000);
}

/** Whole days from one calendar date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The same wall-clock time `days` later, possibly in another zone: the instant's local date and
 * time in `fromZone`, moved by whole days, as an instant in `toZone`. 09:00 in Helsinki in
 * February stays 09:00 in Helsinki in April (one real hour less, across the DST change).
 */
export function shiftWallClock(instant: Date, days: number, fromZone: string, toZone: string): Date {
  const w = wallClock(instant, fromZone);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  const moved = zonedWallTimeToInstant(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: w.hour, minute: w.minute },
    toZone,
  );
  // Seconds and milliseconds are not part of the wall time the zone can move.
  return new Date(moved.getTime() + w.second * 1000 + (instant.getTime() % 1000 + 1000) % 1000);
}

/** "Tue, 25 Apr 2023, 09:30 EEST": how times appear in messages, in the event's zone. */
export function formatInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(instant);
}
