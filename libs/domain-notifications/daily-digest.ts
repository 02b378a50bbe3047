import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SessionAudienceService } from '../agenda/index.js';
import { zonedDate, zonedInstant, zonedTime } from '../common/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { type EventEntity, EventsService, ParticipationsService } from '../events/index.js';
import { MeetingsService } from '../matchmaking/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';

/** Local hour (event zone) from which the digest for the next day goes out. */
export const DIGEST_LOCAL_TIME = '18:00';

/** One person's day: what the digest lists, already in the event's zone. */
export interface DigestAgenda {
  accountId: string;
  /** The {{agenda}} text: a dated heading, then one line per item, by start. */
  agenda: string;
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * "Your agenda tomorrow": run every 15 minutes; for each event with an event day tomorrow in its
 * zone, once it is 18:00 there, each approved participant with sessions (on stage, seated,
 * bookmarked) or booked meetings that day gets ONE digest, keyed `digest:<event>:<date>` per
 * person, so later runs (and several processes) send nothing more. The kind is optional: an
 * unsubscribed person's row is recorded and skipped at send time.
 */
@Injectable()
export class DailyDigests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionAudienceService,
    private readonly meetings: MeetingsService,
    private readonly events: EventsService,
    private readonly participations: ParticipationsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Queues the digests due at `now`; returns how many were new. */
  async run(now = new Date()): Promise<number> {
    // Only events with something in the next two days can have a digest to send.
    const horizon = new Date(now.getTime() + 50 * 3_600_000);
    const eventIds = new Set([
      ...(await this.sessions.publishedStartingBetween(now, horizon)).map((s) => s.eventId),
      ...(await this.meetings.eventsWithMeetingsBetween(now, horizon)),
    ]);
    if (eventIds.size === 0) return 0;
    let queued = 0;
    for (const event of await this.events.findByIds([...eventIds])) {
      if (zonedTime(now, event.timeZone) < DIGEST_LOCAL_TIME) continue;
      const tomorrow = nextDate(zonedDate(now, event.timeZone));
      if (tomorrow < event.startsOn || tomorrow > event.endsOn) continue;
      const agendas = await this.agendas(event, tomorrow, now);
      if (agendas.length === 0) continue;
      queued += await this.dataSource.transaction((manager) => this.send(manager, event, tomorrow, agendas));
    }
    return queued;
  }

  /**
   * Each approved participant's items on `date` (event zone): sessions as they are now, and
   * confirmed meetings with their table. Read outside any transaction.
   */
  async agendas(event: EventEntity, date: string, now = new Date()): Promise<DigestAgenda[]> {
    const tz = event.timeZone;
    const from = zonedInstant(date, '00:00', tz);
    const to = zonedInstant(nextDate(date), '00:00', tz);
    const items = new Map<string, { startsAt: Date; line: string }[]>();
    const add = (accountId: string, startsAt: Date, endsAt: Date, text: string) => {
      const list = items.get(accountId) ?? [];
      list.push({ startsAt, line: `${zonedTime(startsAt, tz)}–${zonedTime(endsAt, tz)}  ${text}` });
      items.set(accountId, list);
    };
    for (const { accountId, session } of await this.sessions.sessionsOf(event.id, from, to)) {
      add(accountId, session.startsAt, session.endsAt, session.location ? `${session.title} (${session.location})` : session.title);
    }
    for (const m of await this.meetings.calendarMeetings(event.id, { cancelledSince: now })) {
      if (m.status !== 'CONFIRMED' || m.startsAt < from || m.startsAt >= to) continue;
      const table = m.tableName ? `table ${m.tableNumber} (${m.tableName})` : `table ${m.tableNumber}`;
      add(m.requester.accountId, m.startsAt, m.endsAt, `Meeting with ${m.recipient.name}, ${table}`);
      add(m.recipient.accountId, m.startsAt, m.endsAt, `Meeting with ${m.requester.name}, ${table}`);
    }
    const approved = await this.participations.approvedAccountIds(event.id, [...items.keys()]);
    const heading = new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
      zonedInstant(date, '12:00', tz),
    );
    return [...items]
      .filter(([accountId]) => approved.has(accountId))
      .map(([accountId, list]) => ({
        accountId,
        agenda: [
          `${heading} (times in ${tz}):`,
          '',
          ...list.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).map((i) => i.line),
          '',
          `Your agenda: ${this.config.publicBaseUrl}/events/${event.slug}/agenda.html`,
        ].join('\n'),
      }));
  }

  /** Records the digests in the caller's transaction; one per person and date. */
  async send(manager: EntityManager, event: EventEntity, date: string, agendas: readonly DigestAgenda[]): Promise<number> {
    let queued = 0;
    for (const { accountId, agenda } of agendas) {
      const created = await this.notifications.notify(manager, {
        kind: NotificationKind.DAILY_DIGEST,
        eventId: event.id,
        recipientAccountId: accountId,
        subjectItem: { type: 'digest', id: `${event.id}:${date}` },
        data: { agenda },
      });
      if (created) queued++;
    }
    return queued;
  }
}
