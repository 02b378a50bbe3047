import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SessionAudienceService } from '../agenda/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { EventsService } from '../events/index.js';
import { MatchmakingSettingsService, MeetingsService } from '../matchmaking/index.js';
import { type ReminderItem, ReminderKind, type ReminderSource, ReminderSources } from '../notifications/index.js';

/**
 * Sessions for reminders: as they are now (published only), with their audience. A moved session
 * has a higher revision (new reminder key, new time); a cancelled one is no longer PUBLISHED.
 */
@Injectable()
export class SessionReminders implements ReminderSource, OnModuleInit {
  readonly kinds = [ReminderKind.SESSION_ATTENDING, ReminderKind.SESSION_SPEAKING] as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: ReminderSources,
    private readonly sessions: SessionAudienceService,
    private readonly events: EventsService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async itemsStartingBetween(kind: ReminderKind, from: Date, to: Date): Promise<ReminderItem[]> {
    const sessions = await this.sessions.publishedStartingBetween(from, to);
    if (sessions.length === 0) return [];
    const audience = await this.sessions.audience(sessions.map((s) => s.id));
    const slugs = new Map((await this.events.findByIds([...new Set(sessions.map((s) => s.eventId))])).map((e) => [e.id, e.slug]));
    return sessions
      .map((s) => ({
        eventId: s.eventId,
        type: 'session',
        id: s.id,
        revision: s.revision,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        title: s.title,
        location: s.location,
        url: `${this.config.publicBaseUrl}/events/${slugs.get(s.eventId)}/agenda.html#session-${s.id}`,
        recipients: audience
          .filter((p) => p.sessionId === s.id && (kind === ReminderKind.SESSION_SPEAKING ? p.speaking : p.attending && !p.speaking))
          .map((p) => ({ accountId: p.accountId })),
      }))
      .filter((item) => item.recipients.length > 0);
  }
}

/** Booked, confirmed meetings for reminders; both people, each told who the other is and the table. */
@Injectable()
export class MeetingReminders implements ReminderSource, OnModuleInit {
  readonly kinds = [ReminderKind.MEETING] as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: ReminderSources,
    private readonly meetings: MeetingsService,
    private readonly events: EventsService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async itemsStartingBetween(_kind: ReminderKind, from: Date, to: Date): Promise<ReminderItem[]> {
    const eventIds = await this.meetings.eventsWithMeetingsBetween(from, to);
    if (eventIds.length === 0) return [];
    const events = await this.events.findByIds(eventIds);
    const items: ReminderItem[] = [];
    for (const event of events) {
      const views = await this.meetings.calendarMeetings(event.id, { cancelledSince: new Date() });
      for (const m of views) {
        if (m.status !== 'CONFIRMED' || m.startsAt < from || m.startsAt >= to) continue;
        const table = m.tableName ? `Table ${m.tableNumber} (${m.tableName})` : `Table ${m.tableNumber}`;
        items.push({
          eventId: event.id,
          type: 'meeting',
          id: m.id,
          revision: m.revision,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          title: 'B2B meeting',
          location: [table, event.venue].filter(Boolean).join(', '),
          url: `${this.config.publicBaseUrl}/events/${event.slug}/matchmaking`,
          recipients: [
            { accountId: m.requester.accountId, details: { withWhom: m.recipient.name, tableNumber: m.tableNumber } },
            { accountId: m.recipient.accountId, details: { withWhom: m.requester.name, tableNumber: m.tableNumber } },
          ],
        });
      }
    }
    return items;
  }
}

/** Meeting requests opening / closing: approved participants who take part in matchmaking. */
@Injectable()
export class MatchmakingWindowReminders implements ReminderSource, OnModuleInit {
  readonly kinds = [ReminderKind.MATCHMAKING_OPENS, ReminderKind.MATCHMAKING_CLOSES] as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: ReminderSources,
    private readonly settings: MatchmakingSettingsService,
    private readonly events: EventsService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async itemsStartingBetween(kind: ReminderKind, from: Date, to: Date): Promise<ReminderItem[]> {
    const opens = kind === ReminderKind.MATCHMAKING_OPENS;
    const edges = (await this.settings.requestWindowEdgesBetween(opens ? 'OPENS' : 'CLOSES', from, to)).filter((e) => e.accountIds.length > 0);
    if (edges.length === 0) return [];
    const slugs = new Map((await this.events.findByIds(edges.map((e) => e.eventId))).map((e) => [e.id, e.slug]));
    return edges.map((e) => ({
      eventId: e.eventId,
      type: opens ? 'matchmaking-opens' : 'matchmaking-closes',
      id: e.eventId,
      // The instant keys the reminder: a moved window reminds again at its new time.
      revision: Math.floor(e.at.getTime() / 60_000),
      startsAt: e.at,
      title: opens ? 'Meeting requests open' : 'Meeting requests close',
      url: `${this.config.publicBaseUrl}/events/${slugs.get(e.eventId)}/matchmaking`,
      recipients: e.accountIds.map((accountId) => ({ accountId })),
    }));
  }
}
