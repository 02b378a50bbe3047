// One timeline of my sessions, seats, places in line and meetings, in time order, with overlaps
// flagged (the API flags clashes between sessions; meetings are checked against everything here).
import { fmt, m } from '../i18n/index.js';

interface AgendaItemLike {
  reasons: readonly string[];
  seatStatus?: string | null;
  waitingPosition?: number | null;
  roundTableId?: string | null;
  overlaps: boolean;
  session: { id: string; title: string; startsAt: string; endsAt: string; status: string; room?: { name: string } | null; roundTables: readonly { id: string; topic: string }[] };
}

interface MeetingLike {
  id: string;
  status: string;
  tableNumber?: number | null;
  onlineUrl?: string | null;
  slot?: { startsAt: string; endsAt: string } | null;
  requester?: { accountId: string; name: string } | null;
  recipient?: { accountId: string; name: string } | null;
}

export interface TimelineEntry {
  key: string;
  title: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string | null;
  /** A meeting's video link, for a partner joining remotely, with the link's accessible name. */
  online?: { url: string; label: string } | null;
  badges: string[];
  overlaps: boolean;
}

export function buildTimeline(items: readonly AgendaItemLike[], meetings: readonly MeetingLike[], myAccountId: string): TimelineEntry[] {
  const entries: TimelineEntry[] = items.map((item) => {
    const table = item.session.roundTables.find((t) => t.id === item.roundTableId);
    const badges = item.reasons.filter((r) => r !== 'SEATED' && r !== 'WAITING').map((r) => m.myAgenda.reasons[r as keyof typeof m.myAgenda.reasons] ?? r);
    if (item.seatStatus === 'SEATED') badges.push(m.myAgenda.seated);
    if (item.seatStatus === 'WAITING') badges.push(fmt(m.myAgenda.waiting, { position: item.waitingPosition ?? '?' }));
    if (item.session.status === 'CANCELLED') badges.push(m.agenda.cancelled);
    return {
      key: `s:${item.session.id}`,
      title: table ? `${item.session.title}: ${table.topic}` : item.session.title,
      startsAt: item.session.startsAt,
      endsAt: item.session.endsAt,
      place: item.session.room?.name ?? null,
      badges,
      overlaps: item.overlaps,
    };
  });
  for (const meeting of meetings) {
    if (meeting.status === 'CANCELLED') continue;
    const other = meeting.requester?.accountId === myAccountId ? meeting.recipient : meeting.requester;
    entries.push({
      key: `m:${meeting.id}`,
      title: fmt(m.myAgenda.meeting, { name: other?.name ?? '—' }),
      startsAt: meeting.slot?.startsAt ?? null,
      endsAt: meeting.slot?.endsAt ?? null,
      place: meeting.tableNumber != null ? fmt(m.myAgenda.table, { number: meeting.tableNumber }) : null,
      online: meeting.onlineUrl ? { url: meeting.onlineUrl, label: fmt(m.matchmaking.joinOnlineWith, { name: other?.name ?? '—' }) } : null,
      badges: [],
      overlaps: false,
    });
  }
  // Only what I will actually attend can clash: a bookmark or a place in line is a wish.
  const binding = (e: TimelineEntry) => e.key.startsWith('m:') || e.badges.some((b) => b !== m.myAgenda.reasons.BOOKMARKED && !b.startsWith(m.myAgenda.waiting.split('{')[0]));
  const timed = entries.filter((e) => e.startsAt && e.endsAt);
  for (const a of timed) {
    if (!a.key.startsWith('m:')) continue;
    for (const b of timed) {
      if (a === b || !binding(b)) continue;
      if (Date.parse(a.startsAt!) < Date.parse(b.endsAt!) && Date.parse(b.startsAt!) < Date.parse(a.endsAt!)) {
        a.overlaps = true;
        b.overlaps = true;
      }
    }
  }
  return entries.sort((x, y) => (x.startsAt ?? '9999').localeCompare(y.startsAt ?? '9999') || x.title.localeCompare(y.title));
}
