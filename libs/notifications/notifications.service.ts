import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException } from '../common/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { EventAccessService, isUuid, type ParticipantRole, ParticipationsService, ParticipationStatus } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { JobQueue } from '../jobs/index.js';
import { DeliveryStatus, NotificationDeliveryEntity } from './entities/notification-delivery.entity.js';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity.js';
import { NotificationTemplateEntity } from './entities/notification-template.entity.js';
import { ReminderKind } from './entities/reminder-rule.entity.js';
import { isEssential, KINDS, NotificationKind, placeholdersFor, REMINDER_NOTIFICATION_KIND } from './notification-kind.js';
import { NotificationsException } from './notifications.exception.js';
import { placeholdersOf } from './templates.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

/** The pg-boss queue of mail jobs; each job carries only { deliveryId }. */
export const MAIL_QUEUE = 'notifications-mail';

export type NotificationData = Record<string, string | number | boolean | null | Date | undefined>;

export interface NotifyInput {
  kind: NotificationKind;
  eventId: string | null;
  recipientAccountId: string;
  /** What the message is about; a new revision of the same item is a new message. */
  subjectItem: { type: string; id: string; revision?: number };
  /** Placeholders for the template (instants are shown in the event's zone). */
  data?: NotificationData;
  /** People whose address goes into Reply-To (default: the event's organisers). */
  replyToAccountIds?: string[];
  /** A calendar invitation built by the calendar library. */
  calendar?: { ics: string; method: 'REQUEST' | 'CANCEL' | 'PUBLISH' };
  /** Own wording for this one message (reminder rules, announcements) instead of the event's template. */
  template?: { subject: string; body: string };
  startAfter?: Date;
}

export interface DeliveryFilter {
  kind?: NotificationKind;
  status?: DeliveryStatus;
  recipientAccountId?: string;
  first?: number;
}

export interface EffectiveTemplate {
  kind: NotificationKind;
  essential: boolean;
  subject: string;
  body: string;
  customised: boolean;
  defaultSubject: string;
  defaultBody: string;
  /** The placeholders this kind has values for. */
  placeholders: string[];
  /** False where each message brings its own wording (reminders, announcements). */
  editable: boolean;
  /** The reminder rules whose messages are of this kind. */
  reminderKinds: ReminderKind[];
}

const ALLOWED_PLACEHOLDERS = new Set([
  'recipientName', 'eventName', 'eventUrl', 'title', 'startsAt', 'endsAt', 'location', 'tableNumber', 'withWhom', 'message',
  'reason', 'url', 'deadline', 'agenda', 'statusLine', 'subject', 'body', 'minutesBefore', 'onlineUrl', 'linkChange', 'linkNote',
]);

/**
 * The outbox and the organisers' view of it. Domain services call notify() INSIDE their own
 * transaction: the delivery row and its job commit or roll back with the change itself.
 */
@Injectable()
export class NotificationsService {
  readonly tokens: UnsubscribeTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly access: EventAccessService,
    private readonly participations: ParticipationsService,
  ) {
    this.tokens = new UnsubscribeTokens(config.authSecret);
  }

  /**
   * Records one message and queues its sending, in the caller's transaction. Idempotent: the
   * same kind + recipient + item + revision is recorded once (returns false the next times).
   */
  async notify(manager: EntityManager, input: NotifyInput): Promise<boolean> {
    const revision = input.subjectItem.revision ?? 0;
    const key = [input.kind, input.recipientAccountId, input.subjectItem.type, input.subjectItem.id, revision].join(':');
    const data: Record<string, unknown> = { ...input.data };
    if (input.replyToAccountIds) data.replyToAccountIds = input.replyToAccountIds;
    if (input.template) data.template = input.template;
    const jobId = randomUUID();
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notification_delivery
         (idempotency_key, event_id, kind, essential, recipient_account_id, subject_type, subject_id, subject_revision,
          message_id, data, ics, ics_method, job_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        key, input.eventId, input.kind, isEssential(input.kind), input.recipientAccountId, input.subjectItem.type,
        input.subjectItem.id, revision, this.messageIdFor(key), JSON.stringify(data), input.calendar?.ics ?? null,
        input.calendar?.method ?? null, jobId,
      ],
    );
    if (rows.length === 0) return false;
    await this.enqueue(manager, rows[0].id, jobId, input.startAfter);
    return true;
  }

  /** Message-ID from the idempotency key: a resend after a crash is recognisably the same mail. */
  messageIdFor(key: string): string {
    const host = new URL(this.config.publicBaseUrl).hostname || 'clustermeet.local';
    return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${host}>`;
  }

  /** Queues (again) the sending of a delivery row; used by notify, resend and the rescue sweep. */
  async enqueue(manager: EntityManager, deliveryId: string, jobId: string, startAfter?: Date): Promise<void> {
    await this.jobs.enqueue(MAIL_QUEUE, { deliveryId }, {
      manager,
      id: jobId,
      startAfter,
      retryLimit: this.config.mailRetryLimit,
      retryDelaySeconds: this.config.mailRetryDelaySeconds,
      retryBackoff: true,
      // As long as the delivery's lease (MailDeliveryService.deliver): a job is not retried while its send may still run.
      expireInSeconds: this.config.mailSendTimeoutSeconds * 2,
    });
  }

  /**
   * Deliveries left unfinished whose job is gone (a worker killed during the last attempt, a
   * lost job): queued again, so nothing is lost. The claim in MailDeliveryService keeps a
   * doubled job from sending twice.
   */
  async rescueStranded(): Promise<number> {
    const stale: { id: string; job_id: string | null }[] = await this.dataSource.query(
      `SELECT id, job_id::text FROM notification_delivery
        WHERE status IN ('PENDING', 'SENDING', 'RETRYING')
          AND updated_at < now() - make_interval(secs => $1)
          AND (lease_until IS NULL OR lease_until < now())
        ORDER BY updated_at LIMIT 500`,
      [this.config.mailSendTimeoutSeconds * 2],
    );
    if (stale.length === 0) return 0;
    const live = await this.jobs.liveJobIds(stale.map((s) => s.job_id).filter((id): id is string => !!id));
    let rescued = 0;
    for (const row of stale.filter((s) => !s.job_id || !live.has(s.job_id))) {
      await this.dataSource.transaction(async (manager) => {
        const jobId = randomUUID();
        const [, count]: [unknown, number] = await manager.query(
          `UPDATE notification_delivery
              SET job_id = $3, status = CASE WHEN status = 'SENDING' THEN 'RETRYING' ELSE status END, updated_at = now()
            WHERE id = $1 AND job_id IS NOT DISTINCT FROM $2::uuid AND status IN ('PENDING', 'SENDING', 'RETRYING')`,
          [row.id, row.job_id, jobId],
        );
        if (count === 1) {
          await this.enqueue(manager, row.id, jobId);
          rescued++;
        }
      });
    }
    return rescued;
  }

  /** The delivery log of an event, newest first (organisers). */
  async deliveries(actor: Actor | null, eventId: string, filter: DeliveryFilter = {}): Promise<NotificationDeliveryEntity[]> {
    await this.access.requireOrganiser(actor, eventId);
    if (filter.recipientAccountId !== undefined && !isUuid(filter.recipientAccountId)) {
      throw CommonException.invalidInput('recipientAccountId', 'Not an account id.');
    }
    return this.dataSource.getRepository(NotificationDeliveryEntity).find({
      where: {
        eventId,
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.recipientAccountId ? { recipientAccountId: filter.recipientAccountId } : {}),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: Math.min(Math.max(filter.first ?? 100, 1), 500),
    });
  }

  /** Sends a failed message again through the queue (organisers of its event). */
  async resend(actor: Actor | null, deliveryId: string): Promise<NotificationDeliveryEntity> {
    if (!actor) throw CommonException.authenticationRequired();
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(NotificationDeliveryEntity);
      const delivery = isUuid(deliveryId) ? await repo.findOne({ where: { id: deliveryId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!delivery || !delivery.eventId) throw CommonException.notFound('Notification', deliveryId);
      await this.access.requireOrganiser(actor, delivery.eventId, manager);
      if (delivery.status !== DeliveryStatus.FAILED) throw NotificationsException.notResendable(delivery.status);
      delivery.status = DeliveryStatus.PENDING;
      delivery.jobId = randomUUID();
      delivery.leaseUntil = null;
      const saved = await repo.save(delivery);
      await this.enqueue(manager, saved.id, saved.jobId!);
      return saved;
    });
  }

  /**
   * An organiser's message to everyone in the event, or to one role and/or status (default:
   * approved participants), sent through the same queue. Returns the number of recipients.
   */
  async announce(
    actor: Actor | null,
    eventId: string,
    input: { subject: string; body: string; role?: ParticipantRole; status?: ParticipationStatus },
  ): Promise<number> {
    const { subject, body } = this.writtenMessage(input);
    const recipients = await this.participations.list(actor, eventId, {
      role: input.role,
      status: input.status ?? ParticipationStatus.APPROVED,
    });
    if (recipients.length === 0) throw NotificationsException.noRecipients();
    const announcementId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      for (const recipient of recipients) {
        await this.notify(manager, {
          kind: NotificationKind.ANNOUNCEMENT,
          eventId,
          recipientAccountId: recipient.accountId,
          subjectItem: { type: 'announcement', id: announcementId },
          template: { subject, body },
          replyToAccountIds: [actor!.accountId],
        });
      }
    });
    return recipients.length;
  }

  /**
   * An organiser's own wording of a message (announcements, messages to a session's people),
   * trimmed and checked: 1–300 characters of subject, 1–20,000 of body, known placeholders only.
   */
  writtenMessage(input: { subject: string; body: string }, kind: NotificationKind = NotificationKind.ANNOUNCEMENT): { subject: string; body: string } {
    const subject = input.subject?.trim() ?? '';
    const body = input.body?.trim() ?? '';
    if (subject.length < 1 || subject.length > 300) throw CommonException.textLength('subject', 'The subject needs 1 to 300 characters.', { min: 1, max: 300 });
    if (body.length < 1 || body.length > 20000) throw CommonException.textLength('body', 'The message needs 1 to 20,000 characters.', { min: 1, max: 20000 });
    const hint = kind === NotificationKind.ANNOUNCEMENT ? undefined : placeholdersFor(kind);
    this.checkPlaceholders(subject, 'subject', hint);
    this.checkPlaceholders(body, 'body', hint);
    return { subject, body };
  }

  /** Copies the event's own wordings into a new event, in the caller's transaction (libs/event-copy authorises). */
  async copyTemplates(manager: EntityManager, fromEventId: string, toEventId: string): Promise<number> {
    const own = await manager.getRepository(NotificationTemplateEntity).findBy({ eventId: fromEventId });
    if (own.length) {
      await manager
        .getRepository(NotificationTemplateEntity)
        .insert(own.map((t) => ({ eventId: toEventId, kind: t.kind, subjectTemplate: t.subjectTemplate, bodyTemplate: t.bodyTemplate })));
    }
    return own.length;
  }

  /** Every kind with the wording the event uses (its own or the default). */
  async templates(actor: Actor | null, eventId: string): Promise<EffectiveTemplate[]> {
    await this.access.requireOrganiser(actor, eventId);
    const own = await this.dataSource.getRepository(NotificationTemplateEntity).findBy({ eventId });
    // The platform's messages (about accounts) belong to no event: nothing to word here.
    return Object.values(NotificationKind).filter((kind) => KINDS[kind].ownWording !== 'PLATFORM').map((kind) => {
      const custom = own.find((t) => t.kind === kind);
      return {
        kind,
        essential: isEssential(kind),
        subject: custom?.subjectTemplate ?? KINDS[kind].subject,
        body: custom?.bodyTemplate ?? KINDS[kind].body,
        customised: !!custom,
        defaultSubject: KINDS[kind].subject,
        defaultBody: KINDS[kind].body,
        placeholders: placeholdersFor(kind),
        editable: !KINDS[kind].ownWording,
        reminderKinds: Object.values(ReminderKind).filter((r) => REMINDER_NOTIFICATION_KIND[r] === kind),
      };
    });
  }

  /** Sets the event's wording of one kind; null subject and body return to the default. */
  async setTemplate(
    actor: Actor | null,
    eventId: string,
    kind: NotificationKind,
    subject: string | null,
    body: string | null,
  ): Promise<EffectiveTemplate> {
    await this.access.requireOrganiser(actor, eventId);
    if (!KINDS[kind]) throw CommonException.invalidInput('kind', `Unknown kind "${kind}".`);
    const repo = this.dataSource.getRepository(NotificationTemplateEntity);
    if (subject === null && body === null) {
      await repo.delete({ eventId, kind });
    } else {
      // These templates would never be used: their messages bring their own wording.
      if (KINDS[kind].ownWording === 'REMINDER_RULES') {
        throw NotificationsException.invalidTemplate('kind', 'Reminders are worded in the reminder rules.');
      }
      if (KINDS[kind].ownWording === 'EACH_MESSAGE') {
        throw NotificationsException.invalidTemplate('kind', 'Announcements are worded when they are sent.');
      }
      if (KINDS[kind].ownWording === 'PLATFORM') {
        throw NotificationsException.invalidTemplate('kind', 'This message is about the account, not the event; events do not word it.');
      }
      const s = subject?.trim() || KINDS[kind].subject;
      const b = body?.trim() || KINDS[kind].body;
      if (s.length > 300) throw NotificationsException.invalidTemplate('subject', 'The subject is longer than 300 characters.', { variant: 'TOO_LONG', max: 300 });
      if (b.length > 20000) throw NotificationsException.invalidTemplate('body', 'The body is longer than 20,000 characters.', { variant: 'TOO_LONG', max: 20000 });
      this.checkPlaceholders(s, 'subject', placeholdersFor(kind));
      this.checkPlaceholders(b, 'body', placeholdersFor(kind));
      await repo.upsert({ eventId, kind, subjectTemplate: s, bodyTemplate: b }, ['eventId', 'kind']);
    }
    return (await this.templates(actor, eventId)).find((t) => t.kind === kind)!;
  }

  /** Refuses placeholders no message fills in; the hint names those of the kind being worded. */
  checkPlaceholders(template: string, field: string, hint: readonly string[] = [...ALLOWED_PLACEHOLDERS]): void {
    const unknown = placeholdersOf(template).filter((p) => !ALLOWED_PLACEHOLDERS.has(p));
    if (unknown.length) {
      const written = (names: readonly string[]) => names.map((p) => `{{${p}}}`).join(', ');
      throw NotificationsException.invalidTemplate(field, `Unknown placeholder ${written(unknown)}; use ${written(hint)}.`, {
        variant: 'UNKNOWN_PLACEHOLDER',
        placeholders: written(unknown),
        known: written(hint),
      });
    }
  }

  /** The optional kinds the actor has turned off. */
  async unsubscribedKinds(actor: Actor | null): Promise<NotificationKind[]> {
    if (!actor) throw CommonException.authenticationRequired();
    const rows = await this.dataSource.getRepository(NotificationPreferenceEntity).findBy({ accountId: actor.accountId });
    return rows.map((r) => r.kind).sort();
  }

  async setSubscribed(actor: Actor | null, kind: NotificationKind, subscribed: boolean): Promise<NotificationKind[]> {
    if (!actor) throw CommonException.authenticationRequired();
    await this.setPreference(actor.accountId, kind, subscribed);
    return this.unsubscribedKinds(actor);
  }

  /** One-click unsubscribe from a signed link (no login). NOT_FOUND for a bad token. */
  async unsubscribeWithToken(token: string): Promise<{ kind: NotificationKind }> {
    const parsed = this.tokens.verify(token);
    if (!parsed) throw NotificationsException.invalidUnsubscribeToken();
    await this.setPreference(parsed.accountId, parsed.kind, false);
    return { kind: parsed.kind };
  }

  verifyUnsubscribeToken(token: string) {
    const parsed = this.tokens.verify(token);
    if (!parsed) throw NotificationsException.invalidUnsubscribeToken();
    return parsed;
  }

  private async setPreference(accountId: string, kind: NotificationKind, subscribed: boolean): Promise<void> {
    if (!KINDS[kind]) throw CommonException.invalidInput('kind', `Unknown kind "${kind}".`);
    if (isEssential(kind)) throw NotificationsException.essentialKind(kind);
    if (subscribed) {
      await this.dataSource.getRepository(NotificationPreferenceEntity).delete({ accountId, kind });
    } else {
      await this.dataSource.query(
        `INSERT INTO notification_preference (account_id, kind) SELECT id, $2 FROM account WHERE id = $1 ON CONFLICT DO NOTHING`,
        [accountId, kind],
      );
    }
  }
}
