import { createHash } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { Inject, Injectable } from '@nestjs/common';
import { AgendaService } from '../agenda/index.js';
import { CommonException, DomainException, ErrorKind } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { type EventEntity, EventsService, EventStatus } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MeetingsService } from '../matchmaking/index.js';
import { buildCalendar, type CalendarItem, type CalendarMethod, type CalendarPerson } from './calendar-builder.js';
import { calendarDomain } from './calendar-uid.js';
import { CalendarException } from './calendar.exception.js';
import { type ItemContext, meetingItem, sessionItem, tableLabel } from './calendar-items.js';
import { CalendarFeedTokensService } from './calendar-feed-tokens.service.js';
import { buildInvitation } from './invitation.js';

/** How long a cancelled session or meeting stays in feeds (as STATUS:CANCELLED) before it goes. */
export const CANCELLED_RETENTION_DAYS = 30;
/** Refresh hint for subscribed feeds. */
export const FEED_REFRESH_MINUTES = 60;

export const CALENDAR_CLOCK = Symbol('CALENDAR_CLOCK');
export interface CalendarClock {
  now(): Date;
}

/** A rendered .ics with what HTTP caching needs. */
export interface CalendarDocument {
  body: string;
  /** Strong ETag: a hash of the body, which is byte-stable while nothing changes. */
  etag: string;
  lastModified: Date;
  filename: string;
}

/**
 * Every calendar the app serves: the public event feed, personal feeds behind secret tokens,
 * single-item downloads and e-mail invitations. All go through the same item mappers and the
 * same builder, so one session or meeting has one UID everywhere.
 */
@Injectable()
export class CalendarFeedsService {
  private readonly domain: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CALENDAR_CLOCK) private readonly clock: CalendarClock,
    private readonly events: EventsService,
    private readonly agenda: AgendaService,
    private readonly meetings: MeetingsService,
    private readonly tokens: CalendarFeedTokensService,
  ) {
    this.domain = calendarDomain(config.publicBaseUrl);
  }

  /** Published (and recently cancelled) sessions of a published event. Unknown or draft: 404. */
  async eventFeed(slug: string): Promise<CalendarDocument> {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 80) throw CalendarException.feedNotFound();
    const event = await this.events.findBySlug(null, slug).catch(notFoundAsFeedNotFound);
    if (event.status === EventStatus.DRAFT) throw CalendarException.feedNotFound();
    const sessions = await this.agenda.calendarSessions(event.id, { cancelledSince: this.cancelledSince() });
    const ctx = this.context(event);
    return this.document(event, event.name, sessions.map((s) => sessionItem(s, ctx)), `${event.slug}.ics`);
  }

  /** A participant's feed: their sessions and round tables, what they speak at, their meetings. */
  async personalFeed(token: string): Promise<CalendarDocument> {
    const owner = await this.tokens.resolve(token);
    if (!owner) throw CalendarException.feedNotFound();
    const since = this.cancelledSince();
    const [[event], sessions, meetings] = await Promise.all([
      this.events.findByIds([owner.eventId]),
      this.agenda.calendarSessions(owner.eventId, { cancelledSince: since, accountId: owner.accountId }),
      this.meetings.calendarMeetings(owner.eventId, { cancelledSince: since, accountId: owner.accountId }),
    ]);
    if (!event || event.status === EventStatus.DRAFT) throw CalendarException.feedNotFound();
    const ctx = this.context(event);
    const items = [...sessions.map((s) => sessionItem(s, ctx)), ...meetings.map((m) => meetingItem(m, owner.accountId, ctx))];
    items.sort((a, b) => a.start!.getTime() - b.start!.getTime() || a.uid.localeCompare(b.uid));
    return this.document(event, `${event.name}: my programme`, items, `${event.slug}-mine.ics`);
  }

  /** One session (METHOD:PUBLISH); drafts and sessions of draft events do not exist here. */
  async sessionDocument(sessionId: string): Promise<CalendarDocument> {
    const { event } = await this.agenda.sessionEvent(null, sessionId).catch(notFoundAsFeedNotFound);
    const [session] = await this.agenda.calendarSessions(event.id, { cancelledSince: new Date(0), ids: [sessionId] });
    if (!session) throw CalendarException.feedNotFound();
    return this.document(event, undefined, [sessionItem(session, this.context(event))], `session-${session.id}.ics`);
  }

  /** One meeting (METHOD:PUBLISH), for its two people and the event's organisers. */
  async meetingDocument(actor: Actor | null, meetingId: string): Promise<CalendarDocument> {
    const { event, meeting } = await this.meetingOf(actor, meetingId);
    return this.document(event, undefined, [meetingItem(meeting, actor!.accountId, this.context(event))], `meeting-${meeting.id}.ics`);
  }

  /**
   * The iTIP invitation for a meeting e-mail: METHOD:REQUEST (new or changed) or METHOD:CANCEL,
   * with both people as ATTENDEEs and the same UID and SEQUENCE the feeds carry. `recipientId`
   * is the person the e-mail goes to (the summary names the other one). No actor: the caller
   * (notifications) decides who is told.
   */
  async meetingInvitation(
    meetingId: string,
    options: { method: 'REQUEST' | 'CANCEL'; organizer: CalendarPerson; recipientId: string; sentAt?: Date },
  ): Promise<{ uid: string; sequence: number; ics: string; contentType: string }> {
    const meeting = await this.meetingById(meetingId);
    const { item, ics } = this.invitation(meeting.event, meeting.view, options);
    return { uid: item.uid, sequence: item.sequence, ics, contentType: `text/calendar; method=${options.method}; charset=UTF-8` };
  }

  /**
   * The same invitation read through the caller's transaction (outbox writers): it sees the
   * uncommitted booking and its new revision, and takes no second connection. Null when the
   * meeting is not booked into a slot.
   */
  async meetingInvitationIn(
    manager: EntityManager,
    eventId: string,
    meetingId: string,
    options: { method: 'REQUEST' | 'CANCEL'; organizer: CalendarPerson; recipientId: string; sentAt?: Date },
  ): Promise<{ uid: string; sequence: number; ics: string; tableLabel: string } | null> {
    const [[event], [view]] = [
      await this.events.findByIds([eventId], manager),
      await this.meetings.calendarMeetings(eventId, { cancelledSince: new Date(0), ids: [meetingId], manager }),
    ];
    if (!event || !view) return null;
    const { item, ics } = this.invitation(event, view, options);
    return { uid: item.uid, sequence: item.sequence, ics, tableLabel: tableLabel(view) };
  }

  /** A meeting's invitation for one of its two people, both listed as attendees. */
  private invitation(
    event: EventEntity,
    view: Parameters<typeof meetingItem>[0],
    options: { method: 'REQUEST' | 'CANCEL'; organizer: CalendarPerson; recipientId: string; sentAt?: Date },
  ) {
    const item = meetingItem(view, options.recipientId, this.context(event));
    const ics = buildInvitation({
      method: options.method,
      timeZone: event.timeZone,
      sentAt: options.sentAt ?? this.clock.now(),
      item: {
        ...item,
        organizer: options.organizer,
        attendees: [view.requester, view.recipient].map((p) => ({ email: p.email, name: p.name, rsvp: options.method === 'REQUEST', partstat: 'ACCEPTED' as const })),
      },
    });
    return { item, ics };
  }

  private async meetingById(meetingId: string) {
    const [entity] = await this.meetings.findByIds([meetingId]);
    if (!entity) throw CommonException.notFound('Meeting', meetingId);
    const [[event], [view]] = await Promise.all([
      this.events.findByIds([entity.eventId]),
      this.meetings.calendarMeetings(entity.eventId, { cancelledSince: new Date(0), ids: [meetingId] }),
    ]);
    if (!event || !view) throw CommonException.notFound('Meeting', meetingId);
    return { event, view };
  }

  private async meetingOf(actor: Actor | null, meetingId: string) {
    // Authorisation is matchmaking's: its two people and the event's organisers.
    const entity = await this.meetings.get(actor, meetingId).catch(notFoundAsFeedNotFound);
    const [[event], [meeting]] = await Promise.all([
      this.events.findByIds([entity.eventId]),
      this.meetings.calendarMeetings(entity.eventId, { cancelledSince: new Date(0), ids: [meetingId] }),
    ]);
    // Not booked into a slot yet: nothing to put in a calendar.
    if (!event || !meeting) throw CalendarException.feedNotFound();
    return { event, meeting };
  }

  private document(event: EventEntity, name: string | undefined, items: CalendarItem[], filename: string): CalendarDocument {
    const method: CalendarMethod = 'PUBLISH';
    const body = buildCalendar({ name, timeZone: event.timeZone, method, refreshMinutes: name ? FEED_REFRESH_MINUTES : undefined, items });
    const lastModified = new Date(Math.max(event.updatedAt.getTime(), ...items.map((i) => i.lastModified.getTime())));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    return { body, etag, lastModified, filename };
  }

  private context(event: EventEntity): ItemContext {
    return { domain: this.domain, publicBaseUrl: this.config.publicBaseUrl, event: { slug: event.slug, venue: event.venue } };
  }

  private cancelledSince(): Date {
    return new Date(this.clock.now().getTime() - CANCELLED_RETENTION_DAYS * 24 * 3600 * 1000);
  }
}

function notFoundAsFeedNotFound(error: unknown): never {
  if (error instanceof DomainException && error.kind === ErrorKind.NOT_FOUND) throw CalendarException.feedNotFound();
  throw error;
}
