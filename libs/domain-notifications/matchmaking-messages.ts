import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { CalendarFeedsService } from '../calendar/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { type EventEntity, EventsService } from '../events/index.js';
import { type MatchmakingDomainEvent, MatchmakingEvents, MatchmakingSettingsService, type MeetingSnapshot, MeetingsService } from '../matchmaking/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';

/** The address part of MAIL_FROM: the ORGANIZER of invitations ClusterMeet sends. */
export function mailFromAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}

/**
 * Meeting requests and meetings → messages, written inside the matchmaking transaction (the
 * MatchmakingEvents bus runs listeners there). Meeting messages carry the calendar library's
 * invitation with the feeds' UID and SEQUENCE (the meeting's revision, which also keys the message).
 */
@Injectable()
export class MatchmakingMessages implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: MatchmakingEvents,
    private readonly notifications: NotificationsService,
    private readonly events: EventsService,
    private readonly meetings: MeetingsService,
    private readonly settings: MatchmakingSettingsService,
    private readonly calendar: CalendarFeedsService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe((manager, event) => this.on(manager, event));
  }

  private async on(manager: EntityManager, change: MatchmakingDomainEvent): Promise<void> {
    const eventId = 'request' in change ? change.request.eventId : change.meeting.eventId;
    const [event] = await this.events.findByIds([eventId], manager);
    if (!event) return;
    const url = `${this.config.publicBaseUrl}/events/${event.slug}/matchmaking`;
    if (change.type === 'meeting.booked') return this.meetingBooked(manager, event, change.meeting, change.moved, url);
    if (change.type === 'meeting.cancelled') return this.meetingCancelled(manager, event, change.meeting, change.wasBooked, change.actorId);
    if (change.type === 'meeting.online-link-changed') return this.onlineLinkChanged(manager, event, change, url);
    const r = 'request' in change ? change.request : null;
    const m = change.type === 'meeting.reschedule-proposed' ? change.meeting : null;
    const people = r ? [r.requesterId, r.recipientId] : [m!.requesterId, m!.recipientId];
    const names = await this.meetings.names(manager, people);
    const send = (kind: NotificationKind, to: string, other: string, type: string, id: string, data: Record<string, string | Date | null> = {}, revision?: number) =>
      this.notifications.notify(manager, {
        kind,
        eventId,
        recipientAccountId: to,
        subjectItem: { type, id, revision },
        data: { withWhom: names.get(other) ?? 'A participant', url, ...data },
        replyToAccountIds: [other],
      });
    switch (change.type) {
      case 'request.sent':
        await send(NotificationKind.MEETING_REQUEST_RECEIVED, r!.recipientId, r!.requesterId, 'meeting-request', r!.id, { message: r!.message ?? '' });
        break;
      case 'request.updated': {
        // What the recipient answers changed; a new priority is the requester's own business.
        if (!change.changed.some((c) => c === 'message' || c === 'proposedSlot')) break;
        const slot = change.proposedSlotId ? await this.settings.requireSlot(eventId, change.proposedSlotId, 'proposedSlotId', manager) : null;
        await send(
          NotificationKind.MEETING_REQUEST_UPDATED,
          r!.recipientId,
          r!.requesterId,
          'meeting-request',
          r!.id,
          { message: r!.message ?? '(none)', startsAt: slot?.startsAt ?? 'none proposed' },
          change.revision,
        );
        break;
      }
      case 'request.accepted':
        await send(NotificationKind.MEETING_REQUEST_ACCEPTED, r!.requesterId, r!.recipientId, 'meeting-request', r!.id);
        break;
      case 'request.declined':
        await send(NotificationKind.MEETING_REQUEST_DECLINED, r!.requesterId, r!.recipientId, 'meeting-request', r!.id, { reason: r!.declineReason ?? '' });
        break;
      case 'request.cancelled':
        await send(NotificationKind.MEETING_REQUEST_CANCELLED, r!.recipientId, r!.requesterId, 'meeting-request', r!.id, { startsAt: 'not yet scheduled', reason: 'The request was withdrawn.' });
        break;
      case 'request.expired':
        await send(NotificationKind.MEETING_REQUEST_EXPIRED, r!.requesterId, r!.recipientId, 'meeting-request', r!.id);
        break;
      case 'meeting.reschedule-proposed': {
        const slot = await this.settings.requireSlot(eventId, change.proposedSlotId, 'slotId', manager);
        const other = change.actorId === m!.requesterId ? m!.recipientId : m!.requesterId;
        // Each proposal is its own message: the proposed slot's start keys it.
        await send(NotificationKind.MEETING_REQUEST_RESCHEDULED, other, change.actorId ?? m!.requesterId, `meeting-reschedule`, m!.id, { startsAt: slot.startsAt }, Math.floor(slot.startsAt.getTime() / 60_000));
        break;
      }
    }
  }

  private organizer(event: EventEntity) {
    return { email: mailFromAddress(this.config.mailFrom), name: event.name };
  }

  /**
   * MEETING_SCHEDULED / MEETING_MOVED with the invitation, to both people (or `only` one of them:
   * the demo start-up's messages go through here too).
   */
  async meetingBooked(manager: EntityManager, event: EventEntity, meeting: Pick<MeetingSnapshot, 'id' | 'requesterId' | 'recipientId'>, moved: boolean, url: string, only?: string): Promise<void> {
    const names = await this.meetings.names(manager, [meeting.requesterId, meeting.recipientId]);
    for (const [to, other] of [[meeting.requesterId, meeting.recipientId], [meeting.recipientId, meeting.requesterId]]) {
      if (only && to !== only) continue;
      const invitation = await this.calendar.meetingInvitationIn(manager, event.id, meeting.id, { method: 'REQUEST', organizer: this.organizer(event), recipientId: to });
      if (!invitation) continue;
      const [view] = await this.meetings.calendarMeetings(event.id, { cancelledSince: new Date(0), ids: [meeting.id], manager });
      await this.notifications.notify(manager, {
        kind: moved ? NotificationKind.MEETING_MOVED : NotificationKind.MEETING_SCHEDULED,
        eventId: event.id,
        recipientAccountId: to,
        subjectItem: { type: 'meeting', id: meeting.id, revision: invitation.sequence },
        data: {
          withWhom: names.get(other) ?? 'your meeting partner',
          startsAt: view.startsAt,
          endsAt: view.endsAt,
          tableNumber: view.tableNumber,
          location: [invitation.tableLabel, event.venue].filter(Boolean).join(', '),
          url,
        },
        calendar: { ics: invitation.ics, method: 'REQUEST' },
        replyToAccountIds: [other],
      });
    }
  }

  /**
   * MEETING_ONLINE_LINK to the other person (both, when an organiser changed it), keyed by the
   * meeting's revision after the change. A booked meeting's message carries the updated
   * invitation (METHOD:REQUEST, higher SEQUENCE), so a calendar that imported it gets the link.
   */
  private async onlineLinkChanged(
    manager: EntityManager,
    event: EventEntity,
    change: Extract<MatchmakingDomainEvent, { type: 'meeting.online-link-changed' }>,
    url: string,
  ): Promise<void> {
    const { meeting, onlineUrl, actorId } = change;
    const names = await this.meetings.names(manager, [meeting.requesterId, meeting.recipientId]);
    const [view] = await this.meetings.calendarMeetings(event.id, { cancelledSince: new Date(0), ids: [meeting.id], manager });
    for (const [to, other] of [[meeting.requesterId, meeting.recipientId], [meeting.recipientId, meeting.requesterId]]) {
      if (to === actorId) continue;
      const withWhom = names.get(other) ?? 'your meeting partner';
      const invitation = view
        ? await this.calendar.meetingInvitationIn(manager, event.id, meeting.id, { method: 'REQUEST', organizer: this.organizer(event), recipientId: to })
        : null;
      await this.notifications.notify(manager, {
        kind: NotificationKind.MEETING_ONLINE_LINK,
        eventId: event.id,
        recipientAccountId: to,
        subjectItem: { type: 'meeting-online-link', id: meeting.id, revision: change.revision },
        data: {
          withWhom,
          onlineUrl,
          linkChange: onlineUrl === null ? 'video link removed' : change.previousUrl === null ? 'video link added' : 'new video link',
          linkNote:
            onlineUrl === null
              ? `The video link of your meeting with ${withWhom} was removed: the meeting is in person again.`
              : `Your meeting with ${withWhom} can be joined online; the table stays booked for whoever is on site. Join here:`,
          startsAt: view?.startsAt ?? 'not yet scheduled',
          endsAt: view?.endsAt ?? null,
          tableNumber: view?.tableNumber ?? null,
          location: [invitation?.tableLabel, event.venue].filter(Boolean).join(', '),
          url,
        },
        ...(invitation ? { calendar: { ics: invitation.ics, method: 'REQUEST' as const } } : {}),
        replyToAccountIds: [other],
      });
    }
  }

  private async meetingCancelled(manager: EntityManager, event: EventEntity, meeting: MeetingSnapshot, wasBooked: boolean, actorId: string | null): Promise<void> {
    const names = await this.meetings.names(manager, [meeting.requesterId, meeting.recipientId]);
    for (const [to, other] of [[meeting.requesterId, meeting.recipientId], [meeting.recipientId, meeting.requesterId]]) {
      // The person who cancelled knows; the other one (or both, when an organiser cancelled) is told.
      if (to === actorId) continue;
      const invitation = wasBooked
        ? await this.calendar.meetingInvitationIn(manager, event.id, meeting.id, { method: 'CANCEL', organizer: this.organizer(event), recipientId: to })
        : null;
      const [view] = wasBooked ? await this.meetings.calendarMeetings(event.id, { cancelledSince: new Date(0), ids: [meeting.id], manager }) : [];
      await this.notifications.notify(manager, {
        kind: NotificationKind.MEETING_REQUEST_CANCELLED,
        eventId: event.id,
        recipientAccountId: to,
        subjectItem: { type: 'meeting-cancelled', id: meeting.id, revision: invitation?.sequence ?? 0 },
        data: { withWhom: names.get(other) ?? 'your meeting partner', startsAt: view?.startsAt ?? 'not yet scheduled', reason: meeting.cancelReason ?? '' },
        ...(invitation ? { calendar: { ics: invitation.ics, method: 'CANCEL' as const } } : {}),
        replyToAccountIds: [other],
      });
    }
  }
}
