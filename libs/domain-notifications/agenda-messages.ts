import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AgendaEvents, type AgendaTransactionalEvent, type SeatPromotedEvent, SessionAudienceService } from '../agenda/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';

/**
 * Seats and session changes → messages, inside the agenda transaction (AgendaEvents'
 * in-transaction listeners). Promotions made elsewhere (more seats on a table) reach us after
 * commit from the agenda_promotion outbox (`publishPendingPromotions`, run every minute); the
 * promotion id keys the message, so whichever path comes first sends it and the other finds it done.
 */
@Injectable()
export class AgendaMessages implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: AgendaEvents,
    private readonly sessions: SessionAudienceService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribeInTransaction((manager, event) => this.on(manager, event));
    this.bus.subscribe(async (event) => {
      if (event.type === 'agenda.seat-promoted') await this.dataSource.transaction((manager) => this.promoted(manager, event));
    });
  }

  private async on(manager: EntityManager, event: AgendaTransactionalEvent): Promise<void> {
    if (event.type === 'agenda.seat-promoted') return this.promoted(manager, event);
    const [session] = await this.sessions.summaries([event.sessionId], manager);
    if (!session) return;
    const data = { title: session.title, startsAt: session.startsAt, endsAt: session.endsAt, location: session.location ?? 'the venue' };
    if (event.type === 'agenda.seat-taken') {
      await this.notifications.notify(manager, {
        kind: NotificationKind.SEAT_CONFIRMED,
        eventId: event.eventId,
        recipientAccountId: event.accountId,
        subjectItem: { type: 'seat', id: event.seatId },
        data: { ...data, title: await this.sessions.seatTitle(session, event.roundTableId, manager) },
      });
      return;
    }
    // agenda.session-changed: cancelled, or moved (time or room); other status changes say nothing.
    const cancelled = event.changes.status?.new === 'CANCELLED';
    const moved = !!(event.changes.startsAt || event.changes.endsAt || event.changes.roomId);
    if (!cancelled && !(moved && session.status === 'PUBLISHED')) return;
    for (const person of await this.sessions.audience([session.id], manager)) {
      await this.notifications.notify(manager, {
        kind: cancelled ? NotificationKind.SESSION_CANCELLED : NotificationKind.SESSION_MOVED,
        eventId: event.eventId,
        recipientAccountId: person.accountId,
        subjectItem: { type: 'session', id: session.id, revision: event.revision },
        data,
      });
    }
  }

  private async promoted(manager: EntityManager, event: SeatPromotedEvent): Promise<void> {
    const [session] = await this.sessions.summaries([event.sessionId], manager);
    if (!session) return;
    await this.notifications.notify(manager, {
      kind: NotificationKind.SEAT_PROMOTED,
      eventId: event.eventId,
      recipientAccountId: event.accountId,
      subjectItem: { type: 'promotion', id: event.promotionId },
      data: { title: await this.sessions.seatTitle(session, event.roundTableId, manager), startsAt: session.startsAt, endsAt: session.endsAt, location: session.location ?? 'the venue' },
    });
  }
}
