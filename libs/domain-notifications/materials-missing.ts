import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionAudienceService } from '../agenda/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { EventsService } from '../events/index.js';
import { MaterialsChasingService } from '../materials/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';

/** How long before an event's upload deadline speakers without materials are reminded. */
export const MATERIALS_REMINDER_LEAD_MS = 3 * 24 * 3_600_000;

/**
 * "Materials missing" to speakers: run by a schedule, it notifies every speaker of a published
 * session who has uploaded nothing, once the deadline is less than three days away. Keyed by
 * speaker + session + deadline (in minutes), so repeated runs send nothing new and a moved
 * deadline reminds again.
 */
@Injectable()
export class MaterialsMissingReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly chasing: MaterialsChasingService,
    private readonly sessions: SessionAudienceService,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Queues the reminders due at `now`; returns how many were new. */
  async run(now = new Date()): Promise<number> {
    const due = await this.chasing.speakersMissingBefore(now, new Date(now.getTime() + MATERIALS_REMINDER_LEAD_MS));
    if (due.length === 0) return 0;
    const summaries = new Map((await this.sessions.summaries([...new Set(due.flatMap((d) => d.missing.map((m) => m.sessionId)))])).map((s) => [s.id, s]));
    const slugs = new Map((await this.events.findByIds(due.map((d) => d.eventId))).map((e) => [e.id, e.slug]));
    let queued = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const { eventId, deadline, missing } of due) {
        for (const { sessionId, accountId } of missing) {
          const session = summaries.get(sessionId);
          if (!session) continue;
          const created = await this.notifications.notify(manager, {
            kind: NotificationKind.MATERIALS_MISSING,
            eventId,
            recipientAccountId: accountId,
            subjectItem: { type: 'materials-missing', id: sessionId, revision: Math.floor(deadline.getTime() / 60_000) },
            data: {
              title: session.title,
              startsAt: session.startsAt,
              deadline,
              url: `${this.config.publicBaseUrl}/events/${slugs.get(eventId)}/agenda.html#session-${sessionId}`,
            },
          });
          if (created) queued++;
        }
      }
    });
    return queued;
  }
}
