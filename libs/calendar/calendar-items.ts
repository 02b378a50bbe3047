import { type CalendarSessionView } from '../agenda/index.js';
import { type CalendarMeetingView } from '../matchmaking/index.js';
import { type CalendarItem } from './calendar-builder.js';
import { calendarUid } from './calendar-uid.js';

/** What the item mappers need to know about the installation and the event. */
export interface ItemContext {
  /** UID domain: the host of PUBLIC_BASE_URL. */
  domain: string;
  publicBaseUrl: string;
  event: { slug: string; venue: string | null };
}

const ROLE_LABELS: Record<string, string> = {
  SPEAKER: 'Speakers',
  MODERATOR: 'Moderators',
  PANELLIST: 'Panellists',
  HOST: 'Hosts',
};

const REASON_LABELS: Record<string, string> = {
  BOOKMARKED: 'bookmarked',
  SEATED: 'you have a seat',
  WAITING: 'you are on the waiting list',
  SPEAKER: 'you speak',
  MODERATOR: 'you moderate',
  PANELLIST: 'you are on the panel',
  HOST: 'you host',
  TABLE_HOST: 'you host a round table',
};

/**
 * A session as a calendar item. SEQUENCE is the agenda's revision (bumped on every change of
 * time, room or status), so a moved session replaces the old copy under the same UID.
 * Personal feeds pass the session's `reasons`: a place on a waiting list only is TENTATIVE.
 */
export function sessionItem(session: CalendarSessionView, ctx: ItemContext): CalendarItem {
  const cancelled = session.status === 'CANCELLED';
  const waitingOnly = session.reasons.length > 0 && session.reasons.every((r) => r === 'WAITING' || r === 'BOOKMARKED') && session.reasons.includes('WAITING');
  const title = session.roundTableTopic ? `${session.title}: ${session.roundTableTopic}` : session.title;

  const description: string[] = [];
  if (session.description?.trim()) description.push(session.description.trim());
  const byRole = new Map<string, string[]>();
  for (const p of session.people) {
    const label = ROLE_LABELS[p.role] ?? 'With';
    byRole.set(label, [...(byRole.get(label) ?? []), p.organisationName ? `${p.name} (${p.organisationName})` : p.name]);
  }
  if (byRole.size > 0) description.push([...byRole].map(([label, names]) => `${label}: ${names.join(', ')}`).join('\n'));
  if (session.roundTableTopic) description.push(`Round table: ${session.roundTableTopic}`);
  const reasons = session.reasons.map((r) => REASON_LABELS[r]).filter(Boolean);
  if (reasons.length > 0) description.push(`In your calendar because ${reasons.join(', ')}.`);
  if (cancelled) description.unshift('This session has been cancelled.');
  const url = `${ctx.publicBaseUrl}/events/${ctx.event.slug}/agenda.html#session-${session.id}`;
  description.push(url);

  return {
    uid: calendarUid('session', session.id, ctx.domain),
    sequence: session.revision,
    status: cancelled ? 'CANCELLED' : waitingOnly ? 'TENTATIVE' : 'CONFIRMED',
    start: session.startsAt,
    end: session.endsAt,
    // Some apps ignore STATUS in subscribed feeds; the word in the title is seen everywhere.
    summary: cancelled ? `Cancelled: ${title}` : title,
    description: description.join('\n\n'),
    location: join([session.roomName, session.roomLocation ?? ctx.event.venue]),
    categories: session.trackName ? [session.trackName] : [],
    url,
    lastModified: session.updatedAt,
  };
}

/** The table as people see it at the venue: the organisers' name for it, else "Table 7". */
export function tableLabel(meeting: Pick<CalendarMeetingView, 'tableNumber' | 'tableName'>): string {
  return meeting.tableName ? `Table ${meeting.tableNumber} (${meeting.tableName})` : `Table ${meeting.tableNumber}`;
}

/** The other person of a meeting, seen from `accountId`. */
export function otherPerson(meeting: CalendarMeetingView, accountId: string) {
  return meeting.requester.accountId === accountId ? meeting.recipient : meeting.requester;
}

/**
 * A B2B meeting as `accountId` sees it: the other person's name and organisation and the table
 * number in SUMMARY and LOCATION. SEQUENCE is the meeting's revision (slot, table, status or
 * video link). A video link (a partner joining remotely) is the item's URL and a "Join online"
 * line of the description; LOCATION stays the table, which is still booked.
 */
export function meetingItem(meeting: CalendarMeetingView, accountId: string, ctx: ItemContext): CalendarItem {
  const label = (p: CalendarMeetingView['requester']) => (p.organisationName ? `${p.name} (${p.organisationName})` : p.name);
  const involved = accountId === meeting.requester.accountId || accountId === meeting.recipient.accountId;
  // An organiser downloading someone's meeting sees both names.
  const who = involved ? label(otherPerson(meeting, accountId)) : `${label(meeting.requester)} and ${label(meeting.recipient)}`;
  const table = tableLabel(meeting);
  const cancelled = meeting.status === 'CANCELLED';
  const summary = `B2B meeting: ${who}, ${table}`;
  // A cancelled meeting is not joined online either.
  const onlineUrl = cancelled ? null : meeting.onlineUrl;
  return {
    uid: calendarUid('meeting', meeting.id, ctx.domain),
    sequence: meeting.revision,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: cancelled ? `Cancelled: ${summary}` : summary,
    description: [cancelled ? 'This meeting has been cancelled.' : null, `One-to-one meeting with ${who} at ${table}.`, onlineUrl ? `Join online: ${onlineUrl}` : null]
      .filter(Boolean)
      .join('\n\n'),
    location: join([table, ctx.event.venue]),
    categories: ['B2B meeting'],
    url: onlineUrl,
    lastModified: meeting.updatedAt,
  };
}

function join(parts: (string | null | undefined)[]): string | null {
  const kept = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
  return kept.length > 0 ? [...new Set(kept)].join(', ') : null;
}
