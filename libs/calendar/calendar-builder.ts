import { escapeText, formatDate, formatDuration, formatUtc, joinLines, nextDay, paramValue, uriValue } from './ical-text.js';
import { faithfulLocalTime, zoneDefinition } from './time-zones.js';

export const PRODUCT_ID = '-//ClusterMeet//Calendar 1.0//EN';

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';
export type CalendarItemStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface CalendarPerson {
  email: string;
  name?: string | null;
}

export interface CalendarAttendee extends CalendarPerson {
  role?: 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'CHAIR';
  partstat?: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  rsvp?: boolean;
}

/** Timed: two instants. All-day: the first and last calendar day (inclusive), as YYYY-MM-DD. */
export type CalendarItemTime = { start: Date; end: Date; allDay?: undefined } | { allDay: { first: string; last: string }; start?: undefined; end?: undefined };

export type CalendarItem = CalendarItemTime & {
  /** Stable across every feed, export and e-mail (see calendarUid). */
  uid: string;
  /** Grows whenever time, place or status change, so clients replace the old copy. */
  sequence: number;
  status: CalendarItemStatus;
  summary: string;
  description?: string | null;
  location?: string | null;
  categories?: string[];
  url?: string | null;
  organizer?: CalendarPerson | null;
  attendees?: CalendarAttendee[];
  /** When the item last changed; also its DTSTAMP unless the calendar is stamped explicitly. */
  lastModified: Date;
};

export interface CalendarOptions {
  /** X-WR-CALNAME / NAME; omitted when absent (single-item exports). */
  name?: string;
  /** IANA zone items are written in (TZID + VTIMEZONE); also X-WR-TIMEZONE. */
  timeZone: string;
  method: CalendarMethod;
  /** Refresh hint for subscribed feeds (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  refreshMinutes?: number;
  items: CalendarItem[];
  /**
   * DTSTAMP of every item. Invitations pass the send time. Feeds leave it out and each item is
   * stamped with its lastModified, so an unchanged feed is byte-identical (stable ETag).
   */
  stampedAt?: Date;
}

/** Builds an RFC 5545 VCALENDAR (CRLF, folded, escaped). Pure: no clock, no database. */
export function buildCalendar(options: CalendarOptions): string {
  const zone = zoneDefinition(options.timeZone);
  let zoneUsed = false;
  const when = (property: 'DTSTART' | 'DTEND', instant: Date): string => {
    const local = zone && faithfulLocalTime(zone, instant);
    if (zone && local) {
      zoneUsed = true;
      return `${property};TZID=${zone.tzid}:${local}`;
    }
    return `${property}:${formatUtc(instant)}`;
  };

  const events: string[] = [];
  for (const item of options.items) {
    const lines = ['BEGIN:VEVENT', `UID:${item.uid}`, `SEQUENCE:${Math.max(0, Math.trunc(item.sequence))}`];
    lines.push(`DTSTAMP:${formatUtc(truncateSeconds(options.stampedAt ?? item.lastModified))}`);
    if (item.allDay) {
      lines.push(`DTSTART;VALUE=DATE:${formatDate(item.allDay.first)}`);
      lines.push(`DTEND;VALUE=DATE:${formatDate(nextDay(item.allDay.last))}`);
    } else {
      lines.push(when('DTSTART', truncateSeconds(item.start)), when('DTEND', truncateSeconds(item.end)));
    }
    lines.push(`SUMMARY:${escapeText(item.summary)}`);
    if (item.description) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
    if (item.location) lines.push(`LOCATION:${escapeText(item.location)}`);
    const categories = (item.categories ?? []).filter((c) => c.trim() !== '');
    if (categories.length > 0) lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);
    if (item.url) lines.push(`URL;VALUE=URI:${uriValue(item.url)}`);
    lines.push(`STATUS:${item.status}`);
    // A cancelled item should not block time in anyone's free/busy.
    lines.push(`TRANSP:${item.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`);
    if (item.organizer) lines.push(`ORGANIZER${cn(item.organizer)}:mailto:${item.organizer.email}`);
    for (const a of item.attendees ?? []) {
      const params = [`ROLE=${a.role ?? 'REQ-PARTICIPANT'}`, `PARTSTAT=${a.partstat ?? 'NEEDS-ACTION'}`];
      if (a.rsvp) params.push('RSVP=TRUE');
      lines.push(`ATTENDEE${cn(a)};${params.join(';')}:mailto:${a.email}`);
    }
    lines.push(`LAST-MODIFIED:${formatUtc(truncateSeconds(item.lastModified))}`);
    lines.push('END:VEVENT');
    events.push(...lines);
  }

  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODUCT_ID}`, 'CALSCALE:GREGORIAN', `METHOD:${options.method}`];
  if (options.name) head.push(`NAME:${escapeText(options.name)}`, `X-WR-CALNAME:${escapeText(options.name)}`);
  head.push(`X-WR-TIMEZONE:${options.timeZone}`);
  if (options.refreshMinutes) {
    const duration = formatDuration(options.refreshMinutes);
    head.push(`REFRESH-INTERVAL;VALUE=DURATION:${duration}`, `X-PUBLISHED-TTL:${duration}`);
  }
  // The VTIMEZONE only when some DTSTART/DTEND refers to it (RFC 5545 §3.6.5).
  const timeZoneBlock = zone && zoneUsed ? zone.lines : [];
  return joinLines([...head, ...timeZoneBlock, ...events, 'END:VCALENDAR']);
}

function cn(person: CalendarPerson): string {
  const name = person.name?.trim();
  return name ? `;CN=${paramValue(name)}` : '';
}

/** iCalendar has whole seconds; drop milliseconds so the instant written is the instant read. */
function truncateSeconds(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}
