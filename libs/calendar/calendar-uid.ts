/**
 * UIDs are derived from the row id and the installation's domain, never random: the event feed,
 * the personal feed, a single-item download and an e-mail invitation all name the same item the
 * same way, so a calendar app that got it twice keeps one copy and updates it in place.
 */
export type CalendarItemKind = 'session' | 'meeting';

export function calendarUid(kind: CalendarItemKind, id: string, domain: string): string {
  return `${kind}-${id.toLowerCase()}@${domain}`;
}

/** The domain part of UIDs: the host name of PUBLIC_BASE_URL (e.g. "meet.example.org"). */
export function calendarDomain(publicBaseUrl: string): string {
  return new URL(publicBaseUrl).hostname.toLowerCase();
}
