import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { type IdentityDomainEvent, IdentityEvents } from '../identity/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';

/**
 * Account messages, written inside identity's transaction: the link to set a password, asked for
 * by its owner or sent in an organiser's invitation (worded per event). The link
 * carries its secret after "#", so it never reaches a server log when the page is opened.
 */
@Injectable()
export class IdentityMessages implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: IdentityEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe((manager, event) => this.on(manager, event));
  }

  private async on(manager: EntityManager, event: IdentityDomainEvent): Promise<void> {
    const invited = event.type === 'account.invited';
    await this.notifications.notify(manager, {
      kind: invited ? NotificationKind.ACCOUNT_INVITATION : NotificationKind.PASSWORD_RESET,
      eventId: invited ? event.eventId : null,
      recipientAccountId: event.accountId,
      subjectItem: { type: invited ? 'account-invitation' : 'password-reset', id: event.resetId },
      data: { url: `${this.config.publicBaseUrl}/reset-password#token=${event.token}`, expiresAt: event.expiresAt },
    });
  }
}
