import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { LOGGER, reminderDueAt } from '../common/index.js';
import { EventAccessService, EventsService } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { ReminderKind, ReminderRuleEntity } from './entities/reminder-rule.entity.js';
import { placeholdersFor, REMINDER_NOTIFICATION_KIND } from './notification-kind.js';
import { NotificationsException } from './notifications.exception.js';
import { NotificationsService } from './notifications.service.js';
import { type ReminderItem, ReminderSources } from './reminder-source.port.js';

export interface ReminderRuleInput {
  kind: ReminderKind;
  offsetMinutes: number;
  subject: string;
  body: string;
  enabled?: boolean;
}

export type ReminderRule = Required<ReminderRuleInput> & { id: string | null };

/** The one disabled row that records "no reminders" (distinct from "no rules: the defaults"). */
const NO_REMINDERS = { kind: ReminderKind.MEETING, offsetMinutes: 0, subjectTemplate: '-', bodyTemplate: '-', enabled: false };
const isNoRemindersMark = (r: ReminderRuleEntity) =>
  !r.enabled && r.kind === NO_REMINDERS.kind && r.offsetMinutes === 0 && r.subjectTemplate === '-' && r.bodyTemplate === '-';

/** What an event without rules of its own uses: a day before (same local time) and 15 minutes before. */
export const DEFAULT_REMINDER_RULES: ReminderRuleInput[] = [
  { kind: ReminderKind.MEETING, offsetMinutes: 1440, subject: 'Tomorrow: meeting with {{withWhom}}, {{startsAt}}', body: 'Hello {{recipientName}},\n\ntomorrow you meet {{withWhom}} at {{startsAt}}, table {{tableNumber}} ({{location}}).\n\n{{url}}' },
  { kind: ReminderKind.MEETING, offsetMinutes: 15, subject: 'In 15 minutes: meeting with {{withWhom}} at table {{tableNumber}}', body: 'Hello {{recipientName}},\n\nyour meeting with {{withWhom}} starts {{startsAt}} at table {{tableNumber}} ({{location}}).' },
  { kind: ReminderKind.SESSION_ATTENDING, offsetMinutes: 15, subject: 'Starting soon: {{title}}', body: 'Hello {{recipientName}},\n\n{{title}} starts {{startsAt}} in {{location}}.' },
  { kind: ReminderKind.SESSION_SPEAKING, offsetMinutes: 1440, subject: 'Tomorrow you speak: {{title}}', body: 'Hello {{recipientName}},\n\nyou are expected at {{title}} tomorrow, {{startsAt}}, in {{location}}. Please be there 10 minutes early.\n\n{{url}}' },
  { kind: ReminderKind.SESSION_SPEAKING, offsetMinutes: 30, subject: 'In 30 minutes you speak: {{title}}', body: 'Hello {{recipientName}},\n\n{{title}} starts {{startsAt}} in {{location}}.' },
  { kind: ReminderKind.MATCHMAKING_OPENS, offsetMinutes: 0, subject: 'Matchmaking is open at {{eventName}}', body: 'Hello {{recipientName}},\n\nyou can now browse the participants and send meeting requests.\n\n{{url}}' },
  { kind: ReminderKind.MATCHMAKING_CLOSES, offsetMinutes: 1440, subject: 'Matchmaking closes tomorrow at {{eventName}}', body: 'Hello {{recipientName}},\n\nmeeting requests close {{startsAt}}. Answer your open requests before then.\n\n{{url}}' },
];

/** How late a reminder may still go out (a worker that was down): half its offset, 10 min to 12 h. */
export function latenessMs(offsetMinutes: number): number {
  return Math.min(12 * 60, Math.max(10, offsetMinutes / 2)) * 60_000;
}

/**
 * Reminder rules per event, and the sweep that turns them into deliveries. Nothing is queued in
 * advance: every minute the sweep asks the ReminderSources for what starts soon, as it is NOW,
 * so moved items remind at their new time and cancelled ones not at all. The idempotency key
 * (rule + item + revision) makes repeated sweeps and several processes harmless.
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly sources: ReminderSources,
    private readonly notifications: NotificationsService,
    private readonly access: EventAccessService,
    private readonly events: EventsService,
  ) {}

  async rules(actor: Actor | null, eventId: string): Promise<ReminderRule[]> {
    await this.access.requireOrganiser(actor, eventId);
    const own = await this.dataSource.getRepository(ReminderRuleEntity).find({ where: { eventId }, order: { kind: 'ASC', offsetMinutes: 'DESC' } });
    if (own.length === 0) return DEFAULT_REMINDER_RULES.map((r) => ({ ...r, enabled: true, id: null }));
    return own.filter((r) => !isNoRemindersMark(r)).map((r) => ({ id: r.id, kind: r.kind, offsetMinutes: r.offsetMinutes, subject: r.subjectTemplate, body: r.bodyTemplate, enabled: r.enabled }));
  }

  /** Replaces the event's rules (an empty list switches every reminder off). */
  async setRules(actor: Actor | null, eventId: string, rules: ReminderRuleInput[]): Promise<ReminderRule[]> {
    // Who may comes first: someone else learns nothing from the validation messages.
    await this.access.requireOrganiser(actor, eventId);
    if (rules.length > 50) throw NotificationsException.invalidReminderRule('rules', 'At most 50 reminder rules per event.');
    rules.forEach((rule, i) => {
      if (!Object.values(ReminderKind).includes(rule.kind)) throw NotificationsException.invalidReminderRule(`rules.${i}.kind`, `Unknown kind "${rule.kind}".`);
      if (!Number.isInteger(rule.offsetMinutes) || rule.offsetMinutes < 0 || rule.offsetMinutes > 20160) {
        throw NotificationsException.invalidReminderRule(`rules.${i}.offsetMinutes`, 'The offset is whole minutes between 0 and 20160 (14 days).', { variant: 'RANGE', min: 0, max: 20160 });
      }
      if (!rule.subject?.trim() || rule.subject.length > 300) {
        throw NotificationsException.invalidReminderRule(`rules.${i}.subject`, 'The subject needs 1 to 300 characters.', { variant: 'LENGTH', min: 1, max: 300 });
      }
      if (!rule.body?.trim() || rule.body.length > 20000) {
        throw NotificationsException.invalidReminderRule(`rules.${i}.body`, 'The body needs 1 to 20,000 characters.', { variant: 'LENGTH', min: 1, max: 20000 });
      }
      const hint = placeholdersFor(REMINDER_NOTIFICATION_KIND[rule.kind]);
      this.notifications.checkPlaceholders(rule.subject, `rules.${i}.subject`, hint);
      this.notifications.checkPlaceholders(rule.body, `rules.${i}.body`, hint);
    });
    const keys = rules.map((r) => `${r.kind}:${r.offsetMinutes}`);
    const twice = keys.findIndex((key, i) => keys.indexOf(key) !== i);
    if (twice >= 0) {
      throw NotificationsException.invalidReminderRule(`rules.${twice}.offsetMinutes`, 'Another reminder of this kind already has this offset.', { variant: 'DUPLICATE_OFFSET' });
    }
    await this.dataSource.transaction(async (manager) => {
      // Again inside the transaction: the role may have changed since the first check.
      await this.access.requireOrganiser(actor, eventId, manager);
      const repo = manager.getRepository(ReminderRuleEntity);
      await repo.delete({ eventId });
      if (rules.length === 0) {
        // Keep "no reminders" distinct from "defaults": one disabled rule marks the choice.
        await repo.insert({ eventId, ...NO_REMINDERS });
        return;
      }
      await repo.insert(
        rules.map((r) => ({ eventId, kind: r.kind, offsetMinutes: r.offsetMinutes, subjectTemplate: r.subject.trim(), bodyTemplate: r.body, enabled: r.enabled ?? true })),
      );
    });
    return this.rules(actor, eventId);
  }

  /**
   * Copies the event's own reminder rules (and a "no reminders" choice) into a new event, in the
   * caller's transaction (libs/event-copy authorises). Offsets are relative, so nothing moves.
   * Returns how many rules were copied, not counting the "no reminders" mark.
   */
  async copyRules(manager: EntityManager, fromEventId: string, toEventId: string): Promise<number> {
    const own = await manager.getRepository(ReminderRuleEntity).findBy({ eventId: fromEventId });
    if (own.length) {
      await manager.getRepository(ReminderRuleEntity).insert(
        own.map((r) => ({ eventId: toEventId, kind: r.kind, offsetMinutes: r.offsetMinutes, subjectTemplate: r.subjectTemplate, bodyTemplate: r.bodyTemplate, enabled: r.enabled })),
      );
    }
    return own.filter((r) => !isNoRemindersMark(r)).length;
  }

  /** Queues every reminder due at `now` (and not yet queued). Returns how many were queued. */
  async sweep(now: Date): Promise<number> {
    const stored = await this.dataSource.getRepository(ReminderRuleEntity).find();
    const byEvent = new Map<string, ReminderRuleInput[]>();
    for (const r of stored) {
      const list = byEvent.get(r.eventId) ?? [];
      if (r.enabled) list.push({ kind: r.kind, offsetMinutes: r.offsetMinutes, subject: r.subjectTemplate, body: r.bodyTemplate });
      byEvent.set(r.eventId, list);
    }
    const pairs = new Map<string, { kind: ReminderKind; offsetMinutes: number }>();
    for (const r of [...DEFAULT_REMINDER_RULES, ...[...byEvent.values()].flat()]) pairs.set(`${r.kind}:${r.offsetMinutes}`, r);

    let queued = 0;
    for (const { kind, offsetMinutes } of pairs.values()) {
      const sources = this.sources.for(kind);
      if (sources.length === 0) continue;
      // Whole-day offsets follow the local clock, which may be an hour off the exact duration.
      const slack = offsetMinutes % 1440 === 0 && offsetMinutes > 0 ? 2 * 3_600_000 : 0;
      const from = new Date(Math.max(now.getTime(), now.getTime() + offsetMinutes * 60_000 - latenessMs(offsetMinutes) - slack));
      const to = new Date(now.getTime() + offsetMinutes * 60_000 + slack + 60_000);
      const items: ReminderItem[] = [];
      for (const source of sources) items.push(...(await source.itemsStartingBetween(kind, from, to)));
      if (items.length === 0) continue;
      const events = new Map((await this.events.findByIds([...new Set(items.map((i) => i.eventId))])).map((e) => [e.id, e]));
      await this.dataSource.transaction(async (manager) => {
        for (const item of items) {
          const event = events.get(item.eventId);
          if (!event) continue;
          const rule = (byEvent.get(item.eventId) ?? DEFAULT_REMINDER_RULES).find((r) => r.kind === kind && r.offsetMinutes === offsetMinutes);
          if (!rule) continue;
          const due = reminderDueAt(item.startsAt, offsetMinutes, event.timeZone);
          const late = now.getTime() - due.getTime();
          if (late < 0 || late > latenessMs(offsetMinutes) || item.startsAt.getTime() < now.getTime() - 60_000) continue;
          for (const recipient of item.recipients) {
            const created = await this.notifications.notify(manager, {
              kind: REMINDER_NOTIFICATION_KIND[kind],
              eventId: item.eventId,
              recipientAccountId: recipient.accountId,
              subjectItem: { type: `${item.type}-${kind}-${offsetMinutes}`, id: item.id, revision: item.revision },
              data: {
                title: item.title,
                startsAt: item.startsAt,
                endsAt: item.endsAt ?? null,
                location: item.location ?? null,
                url: item.url ?? null,
                minutesBefore: offsetMinutes,
                ...recipient.details,
              },
              template: { subject: rule.subject, body: rule.body },
            });
            if (created) queued++;
          }
        }
      });
    }
    if (queued) this.logger.info({ queued }, 'reminders queued');
    return queued;
  }
}
