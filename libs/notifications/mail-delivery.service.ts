import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { EventsService, ParticipationsService } from '../events/index.js';
import { AccountsService } from '../identity/index.js';
import { DeliveryStatus, type NotificationDeliveryEntity } from './entities/notification-delivery.entity.js';
import { NotificationTemplateEntity } from './entities/notification-template.entity.js';
import { MailTransport, type OutgoingMail } from './mail-transport.js';
import { KINDS } from './notification-kind.js';
import { NotificationsService } from './notifications.service.js';
import { htmlOf, renderTemplate } from './templates.js';

export type DeliveryOutcome = 'sent' | 'skipped' | 'not-mine' | 'failed';

/** Thrown when a send failed and will be retried by the queue. */
export class RetryableSendError extends Error {}

/**
 * Sends one delivery. Claims the row first (status SENDING with a lease), so two processes
 * holding the same job (an expired lease, a resend) never both send; records the outcome.
 */
@Injectable()
export class MailDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly transport: MailTransport,
    private readonly notifications: NotificationsService,
    private readonly accounts: AccountsService,
    private readonly events: EventsService,
    private readonly participations: ParticipationsService,
  ) {}

  /**
   * @param lastAttempt after this one the queue gives up: a failure is final (FAILED).
   * @throws RetryableSendError when the send failed and the queue should retry later.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    // TypeORM answers an UPDATE with [rows, count].
    const [claimed]: [NotificationDeliveryEntity[], number] = await this.dataSource.query(
      `UPDATE notification_delivery
          SET status = 'SENDING', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
        WHERE id = $1
          AND (status IN ('PENDING', 'RETRYING') OR (status = 'SENDING' AND lease_until < now()))
        RETURNING id, idempotency_key AS "idempotencyKey", event_id AS "eventId", kind, recipient_account_id AS "recipientAccountId",
                  message_id AS "messageId", data, ics, ics_method AS "icsMethod", attempts`,
      // Twice the send timeout: the transport's waits are each shorter than the timeout, but a slow
      // server can stretch a whole exchange past it; the lease must outlive any send still running.
      [deliveryId, this.config.mailSendTimeoutSeconds * 2],
    );
    const delivery = claimed[0];
    if (!delivery) {
      const [row] = await this.dataSource.query(`SELECT status, lease_until > now() AS leased FROM notification_delivery WHERE id = $1`, [deliveryId]);
      // Someone else holds a live lease: let the queue come back later rather than lose the job.
      if (row?.status === DeliveryStatus.SENDING && row.leased) throw new RetryableSendError('another worker is sending this message');
      return 'not-mine';
    }

    let mail: OutgoingMail | null;
    try {
      mail = await this.compose(delivery);
    } catch (error) {
      return this.recordFailure(delivery.id, error, lastAttempt);
    }
    if (!mail) {
      await this.dataSource.query(
        `UPDATE notification_delivery SET status = 'SKIPPED', lease_until = NULL, updated_at = now() WHERE id = $1 AND status = 'SENDING'`,
        [delivery.id],
      );
      return 'skipped';
    }
    try {
      await this.transport.send(mail);
    } catch (error) {
      return this.recordFailure(delivery.id, error, lastAttempt);
    }
    await this.dataSource.query(
      `UPDATE notification_delivery
          SET status = 'SENT', sent_at = now(), recipient_email = $2, subject = $3, last_error = NULL, lease_until = NULL, updated_at = now()
        WHERE id = $1`,
      [delivery.id, mail.to.match(/<([^>]+)>$/)?.[1] ?? mail.to, mail.subject],
    );
    return 'sent';
  }

  private async recordFailure(id: string, error: unknown, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await this.dataSource.query(
      `UPDATE notification_delivery SET status = $2, last_error = $3, lease_until = NULL, updated_at = now() WHERE id = $1`,
      [id, lastAttempt ? DeliveryStatus.FAILED : DeliveryStatus.RETRYING, message],
    );
    if (lastAttempt) {
      this.logger.warn({ deliveryId: id, err: message }, 'notification failed after its last attempt');
      return 'failed';
    }
    throw new RetryableSendError(message);
  }

  /** The message as it should read now; null when the recipient turned this kind off. */
  private async compose(delivery: NotificationDeliveryEntity): Promise<OutgoingMail | null> {
    const definition = KINDS[delivery.kind];
    if (!definition.essential) {
      const [off] = await this.dataSource.query(
        `SELECT 1 FROM notification_preference WHERE account_id = $1 AND kind = $2`,
        [delivery.recipientAccountId, delivery.kind],
      );
      if (off) return null;
    }
    const data = delivery.data as Record<string, unknown> & { replyToAccountIds?: string[]; template?: { subject: string; body: string } };
    const event = delivery.eventId ? (await this.events.findByIds([delivery.eventId]))[0] ?? null : null;
    const replyToIds = data.replyToAccountIds ?? (event ? (await this.participations.organiserAccountIds([event.id])).get(event.id) ?? [] : []);
    const people = await this.accounts.findByIds([delivery.recipientAccountId, ...replyToIds]);
    const recipient = people.find((p) => p.id === delivery.recipientAccountId);
    if (!recipient) throw new Error('The recipient account no longer exists.');

    let template = data.template;
    if (!template && event) {
      const own = await this.dataSource.getRepository(NotificationTemplateEntity).findOneBy({ eventId: event.id, kind: delivery.kind });
      if (own) template = { subject: own.subjectTemplate, body: own.bodyTemplate };
    }
    template ??= { subject: definition.subject, body: definition.body };

    const timeZone = event?.timeZone ?? this.config.defaultTimeZone;
    const eventUrl = event ? `${this.config.publicBaseUrl}/events/${event.slug}` : this.config.publicBaseUrl;
    const values = { ...data, recipientName: recipient.name, eventName: event?.name ?? 'ClusterMeet', eventUrl };
    const subject = renderTemplate(template.subject, values, timeZone).replace(/\s+/g, ' ').slice(0, 300);
    const text = renderTemplate(template.body, values, timeZone);

    const headers: Record<string, string> = {};
    let unsubscribeUrl: string | undefined;
    if (!definition.essential) {
      unsubscribeUrl = `${this.config.publicBaseUrl}/unsubscribe/${this.notifications.tokens.sign(recipient.id, delivery.kind)}`;
      headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    headers['X-ClusterMeet-Kind'] = delivery.kind;
    const footerText = unsubscribeUrl ? `\n\n-- \nNo more of these messages: ${unsubscribeUrl}` : '';
    return {
      from: this.config.mailFrom,
      to: `${JSON.stringify(recipient.name)} <${recipient.email}>`,
      replyTo: people.filter((p) => p.id !== recipient.id && replyToIds.includes(p.id)).map((p) => `${JSON.stringify(p.name)} <${p.email}>`),
      subject,
      text: text + footerText,
      html: htmlOf(text, { eventName: event?.name, unsubscribeUrl }),
      messageId: delivery.messageId,
      headers,
      calendar: delivery.ics && delivery.icsMethod ? { ics: delivery.ics, method: delivery.icsMethod } : undefined,
    };
  }
}
