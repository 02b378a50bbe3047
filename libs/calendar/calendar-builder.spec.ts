import ICAL from 'ical.js';
import { buildCalendar, type CalendarItem } from './calendar-builder.js';
import { calendarDomain, calendarUid } from './calendar-uid.js';
import { escapeText, foldLine, uriValue } from './ical-text.js';
import { buildInvitation } from './invitation.js';

/** Parses with ical.js, registering the feed's own VTIMEZONEs so TZID times resolve through them. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  }
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate,
      end: e.endDate,
      summary: e.summary,
      description: e.description,
      location: e.location,
      status: v.getFirstPropertyValue('status'),
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues()),
      tzid: v.getFirstProperty('dtstart')?.getParameter('tzid'),
      vevent: v,
    };
  });
  return { calendar, events };
}

const domain = calendarDomain('https://meet.example.org/');
const item = (over: Partial<CalendarItem> & Pick<CalendarItem, 'uid'>): CalendarItem =>
  ({ sequence: 0, status: 'CONFIRMED', summary: 'Session', lastModified: new Date('2024-03-01T08:00:00Z'), ...over }) as CalendarItem;

describe('buildCalendar', () => {
  // Helsinki moves from +02:00 to +03:00 at 03:00 local on Sunday 31 March 2024.
  const helsinki: CalendarItem[] = [
    item({ uid: calendarUid('session', 'a1', domain), summary: 'Saturday before the change', start: new Date('2024-03-30T08:00:00Z'), end: new Date('2024-03-30T09:30:00Z') }),
    item({ uid: calendarUid('session', 'a2', domain), summary: 'Across the change', start: new Date('2024-03-30T23:30:00Z'), end: new Date('2024-03-31T01:30:00Z') }),
    item({ uid: calendarUid('session', 'a3', domain), summary: 'Monday after', start: new Date('2024-04-01T07:00:00Z'), end: new Date('2024-04-01T08:00:00Z') }),
    item({ uid: calendarUid('meeting', 'm1', domain), summary: 'Excursion', allDay: { first: '2024-03-30', last: '2024-04-01' } }),
  ];

  it('writes Helsinki times with TZID and a VTIMEZONE that read back as the same instants across the spring change', () => {
    const text = buildCalendar({ name: 'Kittilä', timeZone: 'Europe/Helsinki', method: 'PUBLISH', refreshMinutes: 60, items: helsinki });
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20240330T100000\r\n');
    // 23:30Z on the 30th is 01:30 EET; 01:30Z on the 31st is 04:30 EEST.
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20240331T013000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Helsinki:20240331T043000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20240401T100000\r\n');
    const { calendar, events } = parse(text);
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Helsinki']);
    for (const [i, original] of helsinki.entries()) {
      const parsed = events[i];
      expect(parsed.uid).toBe(original.uid);
      if (original.allDay) {
        expect(parsed.start.isDate).toBe(true);
        expect(parsed.start.toString()).toBe('2024-03-30');
        expect(parsed.end.toString()).toBe('2024-04-02'); // exclusive
      } else {
        expect(parsed.tzid).toBe('Europe/Helsinki');
        expect(parsed.start.toJSDate().toISOString()).toBe(original.start!.toISOString());
        expect(parsed.end.toJSDate().toISOString()).toBe(original.end!.toISOString());
      }
    }
  });

  it('writes London times (GMT and BST) that read back exactly', () => {
    const items = [
      item({ uid: 'l1@x', start: new Date('2024-03-30T09:00:00Z'), end: new Date('2024-03-30T10:00:00Z') }),
      item({ uid: 'l2@x', start: new Date('2024-07-01T09:00:00Z'), end: new Date('2024-07-01T10:00:00Z') }),
    ];
    const text = buildCalendar({ timeZone: 'Europe/London', method: 'PUBLISH', items });
    expect(text).toContain('DTSTART;TZID=Europe/London:20240330T090000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20240701T100000');
    const { events } = parse(text);
    expect(events.map((e) => e.start.toJSDate().toISOString())).toEqual(items.map((i) => i.start!.toISOString()));
  });

  it('falls back to UTC for the repeated hour of the autumn change, which local time cannot name', () => {
    // 27 Oct 2024, Helsinki: 03:30 local happens at 00:30Z (EEST) and again at 01:30Z (EET).
    // RFC 5545 means the first; ical.js reads the second: only UTC is safe for both.
    const first = item({ uid: 'f@x', start: new Date('2024-10-27T00:30:00Z'), end: new Date('2024-10-27T02:30:00Z') });
    const second = item({ uid: 's@x', start: new Date('2024-10-27T01:30:00Z'), end: new Date('2024-10-27T03:00:00Z') });
    const text = buildCalendar({ timeZone: 'Europe/Helsinki', method: 'PUBLISH', items: [first, second] });
    expect(text).toContain('DTSTART:20241027T003000Z');
    expect(text).toContain('DTSTART:20241027T013000Z');
    // 02:30Z is 04:30 EET, unambiguous again.
    expect(text).toContain('DTEND;TZID=Europe/Helsinki:20241027T043000');
    const { events } = parse(text);
    expect(events.map((e) => e.start.toJSDate().toISOString())).toEqual([first.start!.toISOString(), second.start!.toISOString()]);
  });

  it('writes UTC and no VTIMEZONE for a zone the source lacks', () => {
    const text = buildCalendar({ timeZone: 'UTC', method: 'PUBLISH', items: [item({ uid: 'u@x', start: new Date('2024-01-01T10:00:00Z'), end: new Date('2024-01-01T11:00:00Z') })] });
    expect(text).toContain('DTSTART:20240101T100000Z');
    expect(text).not.toContain('BEGIN:VTIMEZONE');
  });

  it('has the RFC 5545 frame: CRLF only, folded lines of at most 75 octets, header properties', () => {
    const long = 'Industrial Circular Economy in East and North Finland – the role of clusters in developing the regional industrial ecosystem; ääkköset, “quotes”, 🌲 and more';
    const text = buildCalendar({
      name: 'Clusters meet Regions: Kittilä',
      timeZone: 'Europe/Helsinki',
      method: 'PUBLISH',
      refreshMinutes: 30,
      items: [item({ uid: 'long@x', summary: long, description: long.repeat(3), start: new Date('2024-03-30T08:00:00Z'), end: new Date('2024-03-30T09:00:00Z') })],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const expected of ['VERSION:2.0', 'PRODID:-//ClusterMeet//Calendar 1.0//EN', 'METHOD:PUBLISH', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:Clusters meet Regions: Kittilä', 'X-WR-TIMEZONE:Europe/Helsinki', 'REFRESH-INTERVAL;VALUE=DURATION:PT30M', 'X-PUBLISHED-TTL:PT30M']) {
      expect(lines).toContain(expected);
    }
    const { events } = parse(text);
    expect(events[0].summary).toBe(long);
    expect(events[0].description).toBe(long.repeat(3));
    expect(events[0].vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('escapes commas, semicolons, backslashes and newlines so they read back unchanged', () => {
    const summary = 'Round Table I; Modern Digital Solutions, High Tech \\ more';
    const description = 'Line one\nLine two, with comma; and semicolon\r\nLine three';
    const text = buildCalendar({
      timeZone: 'Europe/Helsinki',
      method: 'PUBLISH',
      items: [item({ uid: 'e@x', summary, description, location: 'Levi Summit, Hall A; Table 3', categories: ['Raw materials, critical', 'Digital'], start: new Date('2024-03-30T08:00:00Z'), end: new Date('2024-03-30T09:00:00Z') })],
    });
    expect(text).toContain('SUMMARY:Round Table I\\; Modern Digital Solutions\\, High Tech \\\\ more');
    const { events } = parse(text);
    expect(events[0].summary).toBe(summary);
    expect(events[0].description).toBe('Line one\nLine two, with comma; and semicolon\nLine three');
    expect(events[0].location).toBe('Levi Summit, Hall A; Table 3');
    expect(events[0].categories).toEqual(['Raw materials, critical', 'Digital']);
  });

  it('writes URL as a URI (commas and semicolons kept, long links folded) that reads back unchanged', () => {
    const url = `https://meet.example.com/j/123?pwd=a,b;c&x=${'y'.repeat(300)}`;
    const description = `One-to-one meeting with Aino at Table 7.\n\nJoin online: ${url}`;
    const text = buildCalendar({ timeZone: 'Europe/Helsinki', method: 'PUBLISH', items: [item({ uid: 'u@x', url, description, start: new Date('2024-03-30T08:00:00Z'), end: new Date('2024-03-30T09:00:00Z') })] });
    expect(text).toContain('URL;VALUE=URI:https://meet.example.com/j/123?pwd=a,b;c&x=');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const { events } = parse(text);
    expect(events[0].vevent.getFirstPropertyValue('url')).toBe(url);
    expect(events[0].description).toBe(description);
  });

  it('carries SEQUENCE and STATUS:CANCELLED and keeps a feed byte-identical while nothing changes', () => {
    const items = [item({ uid: 'c@x', sequence: 3, status: 'CANCELLED', start: new Date('2024-03-30T08:00:00Z'), end: new Date('2024-03-30T09:00:00Z') })];
    const a = buildCalendar({ timeZone: 'Europe/Helsinki', method: 'PUBLISH', items });
    const b = buildCalendar({ timeZone: 'Europe/Helsinki', method: 'PUBLISH', items });
    expect(a).toBe(b);
    const { events } = parse(a);
    expect(events[0]).toMatchObject({ sequence: 3, status: 'CANCELLED' });
    expect(a).toContain('TRANSP:TRANSPARENT');
  });
});

describe('buildInvitation', () => {
  const meeting = item({
    uid: calendarUid('meeting', '7f1c', domain),
    sequence: 2,
    summary: 'B2B: Aino Virtanen (GTK) · table 7',
    location: 'Table 7',
    start: new Date('2023-04-26T12:00:00Z'),
    end: new Date('2023-04-26T12:20:00Z'),
    organizer: { email: 'noreply@meet.example.org', name: 'ClusterMeet: Kittilä' },
    attendees: [{ email: 'aino@gtk.example', name: 'Aino Virtanen, GTK', rsvp: true }, { email: 'erik@business.example', name: 'Erik "the" Lund' }],
  });

  it('builds METHOD:REQUEST with ORGANIZER and ATTENDEEs, stamped with the send time', () => {
    const text = buildInvitation({ method: 'REQUEST', timeZone: 'Europe/Helsinki', item: meeting as never, sentAt: new Date('2023-04-20T10:00:00.123Z') });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const v = events[0].vevent;
    expect(v.getFirstPropertyValue('organizer')).toBe('mailto:noreply@meet.example.org');
    expect(v.getFirstProperty('organizer')!.getParameter('cn')).toBe('ClusterMeet: Kittilä');
    const attendees = v.getAllProperties('attendee');
    expect(attendees.map((a) => a.getFirstValue())).toEqual(['mailto:aino@gtk.example', 'mailto:erik@business.example']);
    expect(attendees[0].getParameter('cn')).toBe('Aino Virtanen, GTK');
    expect(attendees[0].getParameter('rsvp')).toBe('TRUE');
    expect(attendees[1].getParameter('cn')).toBe("Erik 'the' Lund");
    expect(v.getFirstPropertyValue('dtstamp')!.toString()).toBe('2023-04-20T10:00:00Z');
    expect(events[0]).toMatchObject({ uid: 'meeting-7f1c@meet.example.org', sequence: 2, status: 'CONFIRMED' });
    expect(events[0].start.toJSDate().toISOString()).toBe('2023-04-26T12:00:00.000Z');
  });

  it('builds METHOD:CANCEL with STATUS:CANCELLED and the same UID', () => {
    const text = buildInvitation({ method: 'CANCEL', timeZone: 'Europe/Helsinki', item: { ...meeting, sequence: 3 } as never, sentAt: new Date('2023-04-21T10:00:00Z') });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events[0]).toMatchObject({ uid: 'meeting-7f1c@meet.example.org', sequence: 3, status: 'CANCELLED' });
  });
});

describe('text primitives', () => {
  it('folds without splitting multi-byte characters', () => {
    const line = 'SUMMARY:' + 'ä'.repeat(100);
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
  it('keeps a URI on its content line', () => {
    expect(uriValue('https://x.example/a,b;c?d=e')).toBe('https://x.example/a,b;c?d=e');
    expect(uriValue('https://x.example/a b\r\nEND:VEVENT')).toBe('https://x.example/a%20b%0D%0AEND:VEVENT');
  });
  it('escapes TEXT', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});
