import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER, zonedDate } from '../common/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { JobQueue } from '../jobs/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';

export const FOLLOW_UP_REMINDERS_QUEUE = 'outcomes-follow-up-reminders';

/** How long before a round closes its reminder goes out (half-way through a shorter round). */
const BEFORE_CLOSE = '3 days';

interface DueRow {
  round_id: string;
  round_number: number;
  event_id: string;
  event_name: string;
  event_slug: string;
  time_zone: string;
  closes_at: Date;
  account_id: string;
  partners: string[];
}

/**
 * "What came of your meetings?" reminders: once per person and follow-up round, three days
 * before the round closes (half-way through a shorter round), to everyone who met someone at the
 * event and has not yet answered for every such meeting. Meetings both sides or the organisers
 * marked as a no-show do not count. Keyed `follow-up-reminder:<round>` per person, so later runs
 * and other processes send nothing more; optional, so an unsubscribed person is skipped.
 */
@Injectable()
export class FollowUpReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /** Queues the reminders due at `now`; returns how many were new. */
  async run(now = new Date()): Promise<number> {
    const due: DueRow[] = await this.dataSource.query(
      `WITH due AS (
         SELECT r.id, r.number, r.event_id, r.opens_at, r.closes_at FROM follow_up_round r
          WHERE $1 < r.closes_at AND $1 >= greatest(r.opens_at + (r.closes_at - r.opens_at) / 2, r.closes_at - interval '${BEFORE_CLOSE}')
       )
       SELECT d.id AS round_id, d.number AS round_number, d.event_id, e.name AS event_name, e.slug AS event_slug, e.time_zone, d.closes_at,
              me.account_id, array_agg(other.name || coalesce(' (' || o.name || ')', '') ORDER BY s.starts_at, other.name) AS partners
         FROM due d
         JOIN event e ON e.id = d.event_id
         JOIN meeting m ON m.event_id = d.event_id AND m.status = 'CONFIRMED'
         JOIN meeting_slot s ON s.id = m.slot_id AND s.starts_at < d.opens_at
         JOIN meeting_participant me ON me.meeting_id = m.id
         JOIN account mine ON mine.id = me.account_id AND mine.erased_at IS NULL
         JOIN account other ON other.id = CASE WHEN m.requester_id = me.account_id THEN m.recipient_id ELSE m.requester_id END
         LEFT JOIN organisation o ON o.id = other.organisation_id
         LEFT JOIN meeting_attendance_verdict v ON v.meeting_id = m.id
        WHERE coalesce(v.verdict, 'UNREPORTED') <> 'NO_SHOW'
          AND NOT EXISTS (SELECT 1 FROM follow_up_answer a WHERE a.round_id = d.id AND a.meeting_id = m.id AND a.account_id = me.account_id)
        GROUP BY d.id, d.number, d.event_id, e.name, e.slug, e.time_zone, d.closes_at, me.account_id
        ORDER BY d.id, me.account_id`,
      [now],
    );
    let queued = 0;
    for (const row of due) {
      const isNew = await this.dataSource.transaction((manager) =>
        this.notifications.notify(manager, {
          kind: NotificationKind.FOLLOW_UP_REMINDER,
          eventId: row.event_id,
          recipientAccountId: row.account_id,
          subjectItem: { type: 'follow-up-reminder', id: row.round_id },
          data: {
            roundNumber: String(row.round_number),
            closesOn: zonedDate(row.closes_at, row.time_zone),
            unanswered: String(row.partners.length),
            meetings: row.partners.map((p) => `- ${p}`).join('\n'),
            url: `${this.config.publicBaseUrl}/events/${row.event_slug}/meetings`,
          },
        }),
      );
      if (isNew) queued++;
    }
    return queued;
  }
}

/** Runs the reminders every 15 minutes (API with RUN_WORKER_IN_API, and apps/worker). */
@Injectable()
export class FollowUpRemindersWorker implements OnApplicationBootstrap {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly reminders: FollowUpReminders,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(FOLLOW_UP_REMINDERS_QUEUE, '*/15 * * * *', async () => {
      const queued = await this.reminders.run();
      if (queued) this.logger.info({ queued }, 'follow-up reminders queued');
    });
  }
}
