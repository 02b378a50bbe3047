import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type ParticipationEvent, ParticipationEvents, ParticipationStatus } from '../events/index.js';
import { NotificationKind } from './notification-kind.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Registration mails. The events library cannot call notifications (notifications builds on
 * events), so it emits ParticipationEvents inside its transaction and this listener writes the
 * outbox rows in that same transaction.
 */
@Injectable()
export class ParticipationNotifications implements OnModuleInit {
  constructor(
    private readonly participationEvents: ParticipationEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.participationEvents.subscribe((manager, event) => this.onParticipation(manager, event));
  }

  private async onParticipation(manager: EntityManager, event: ParticipationEvent): Promise<void> {
    const p = event.participation;
    const base = {
      eventId: p.eventId,
      recipientAccountId: p.accountId,
      // Re-registering after a cancellation or a second decision is a new message.
      subjectItem: { type: 'participation', id: p.id, revision: p.updatedAt ? new Date(p.updatedAt).getTime() : 0 },
    };
    if (event.type === 'REGISTERED') {
      await this.notifications.notify(manager, {
        ...base,
        kind: NotificationKind.REGISTRATION_RECEIVED,
        data: {
          statusLine:
            p.status === ParticipationStatus.APPROVED
              ? 'You are registered; there is nothing more to do.'
              : 'The organisers will review it and you will hear from us when they have decided.',
        },
      });
    } else {
      await this.notifications.notify(manager, {
        ...base,
        kind: event.approved ? NotificationKind.REGISTRATION_APPROVED : NotificationKind.REGISTRATION_DECLINED,
      });
    }
  }
}
