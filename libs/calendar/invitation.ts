import { buildCalendar, type CalendarAttendee, type CalendarItem, type CalendarPerson } from './calendar-builder.js';

export interface InvitationInput {
  /** REQUEST invites (or updates: same UID, higher sequence); CANCEL withdraws. */
  method: 'REQUEST' | 'CANCEL';
  timeZone: string;
  /** The same item the feeds carry (same UID); organizer and attendees are required here. */
  item: CalendarItem & { organizer: CalendarPerson; attendees: CalendarAttendee[] };
  /** When the message is sent (DTSTAMP). */
  sentAt: Date;
}

/**
 * The iTIP (RFC 5546) calendar part of an e-mail: METHOD:REQUEST with ORGANIZER and ATTENDEE, or
 * METHOD:CANCEL with STATUS:CANCELLED. Send it as `text/calendar; method=REQUEST; charset=UTF-8`.
 * A CANCEL must carry a SEQUENCE at least that of the last REQUEST; pass the item's current one.
 */
export function buildInvitation(input: InvitationInput): string {
  if (!input.item.organizer?.email) throw new RangeError('An invitation needs an organizer');
  if (!input.item.attendees?.length) throw new RangeError('An invitation needs at least one attendee');
  const item: CalendarItem = input.method === 'CANCEL' ? { ...input.item, status: 'CANCELLED' } : input.item;
  return buildCalendar({ timeZone: input.timeZone, method: input.method, items: [item], stampedAt: input.sentAt });
}
