import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ProgrammeCopyCounts, ProgrammeService } from '../agenda/index.js';
import { AuditLogService } from '../audit/index.js';
import { CommonException, daysBetween, eventBounds, type EventCopyPlan, shiftWallClock } from '../common/index.js';
import { type CreateEventInput, EventAccessService, type EventEntity, EventsService } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MatchmakingSettingsService } from '../matchmaking/index.js';
import { MaterialsSettingsService } from '../materials/index.js';
import { NotificationsService, RemindersService } from '../notifications/index.js';
import { PrivacyService } from '../privacy/index.js';

/**
 * What a copy brought over (the programme's counts as ProgrammeService.copySetup gives them);
 * what `skipped…` counts was left out because of the new dates.
 */
export interface EventCopyReport extends ProgrammeCopyCounts {
  event: EventEntity;
  /** Whole days the copy's instants moved (new startsOn − source startsOn). */
  dayOffset: number;
  matchmakingSettings: boolean;
  meetingWindows: number;
  skippedMeetingWindows: number;
  meetingSlots: number;
  materialsSettings: boolean;
  templates: number;
  reminderRules: number;
  retentionDays: number | null;
}

/**
 * A new event set up like an earlier one. Each domain library copies its own rows (rooms and
 * programme, matchmaking settings, materials rules, wordings and reminder rules, retention) in
 * this service's one transaction, so a refusal (a taken slug) leaves nothing behind. People and
 * what they did never come along: see docs/event-copy.md.
 */
@Injectable()
export class EventCopyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly events: EventsService,
    private readonly programme: ProgrammeService,
    private readonly matchmaking: MatchmakingSettingsService,
    private readonly materials: MaterialsSettingsService,
    private readonly notifications: NotificationsService,
    private readonly reminders: RemindersService,
    private readonly privacy: PrivacyService,
    private readonly audit: AuditLogService,
  ) {}

  /** Organisers of the source only; others get what they would for any organiser-only operation on it. */
  async createFromEarlier(actor: Actor | null, sourceEventId: string, input: CreateEventInput, copyProgramme = false): Promise<EventCopyReport> {
    if (!actor) throw CommonException.authenticationRequired();
    // One snapshot of the source: rooms, sessions and settings read as of the same moment.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const source = await this.access.requireOrganiser(actor, sourceEventId, manager);
      const event = await this.events.createFrom(manager, actor, source, input);
      const dayOffset = daysBetween(source.startsOn, event.startsOn);
      const plan: EventCopyPlan = {
        fromEventId: source.id,
        toEventId: event.id,
        move: (instant) => shiftWallClock(instant, dayOffset, source.timeZone, event.timeZone),
        bounds: eventBounds(event),
      };
      const programme = await this.programme.copySetup(manager, plan, copyProgramme);
      const matchmaking = await this.matchmaking.copySetup(manager, plan);
      const materials = await this.materials.copySetup(manager, plan);
      const templates = await this.notifications.copyTemplates(manager, source.id, event.id);
      const reminderRules = await this.reminders.copyRules(manager, source.id, event.id);
      const retentionDays = await this.privacy.copyRetention(manager, source.id, event.id);
      const report: EventCopyReport = {
        event,
        dayOffset,
        ...programme,
        matchmakingSettings: matchmaking.copied,
        meetingWindows: matchmaking.windows,
        skippedMeetingWindows: matchmaking.skippedWindows,
        meetingSlots: matchmaking.slots,
        materialsSettings: materials.copied,
        templates,
        reminderRules,
        retentionDays,
      };
      const { event: _event, ...counts } = report;
      await this.audit.record(manager, {
        eventId: event.id,
        actorAccountId: actor.accountId,
        action: 'event.copied',
        targetType: 'event',
        targetId: event.id,
        details: { sourceEventId: source.id, sourceSlug: source.slug, copyProgramme, ...counts },
      });
      return report;
    });
  }
}
