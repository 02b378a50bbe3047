import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type Logger } from 'pino';
import { SeatingService } from '../agenda/index.js';
import { LOGGER } from '../common/index.js';
import { JobQueue } from '../jobs/index.js';
import { MeetingRequestsService } from '../matchmaking/index.js';
import { DailyDigests } from './daily-digest.js';
import { MaterialsMissingReminders } from './materials-missing.js';

export const EXPIRE_REQUESTS_QUEUE = 'matchmaking-expire-requests';
export const PUBLISH_PROMOTIONS_QUEUE = 'agenda-publish-promotions';
export const MATERIALS_MISSING_QUEUE = 'materials-missing-reminders';
export const DAILY_DIGEST_QUEUE = 'daily-digests';

/**
 * Scheduled domain jobs through libs/jobs (one process per tick): expire overdue meeting
 * requests (the expiry writes its messages in its own transaction) and announce promotions left
 * unannounced by a crash (their messages are keyed by the promotion, so never sent twice), and
 * remind speakers of missing materials (every 15 minutes; keyed per speaker, session and deadline),
 * and send tomorrow's agenda digests (every 15 minutes; keyed per person, event and date).
 */
@Injectable()
export class DomainNotificationJobs implements OnApplicationBootstrap {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly requests: MeetingRequestsService,
    private readonly seating: SeatingService,
    private readonly materials: MaterialsMissingReminders,
    private readonly digests: DailyDigests,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(EXPIRE_REQUESTS_QUEUE, '* * * * *', async () => {
      const expired = await this.requests.expireOverdue();
      if (expired) this.logger.info({ expired }, 'meeting requests expired');
    });
    await this.jobs.every(PUBLISH_PROMOTIONS_QUEUE, '* * * * *', async () => {
      await this.seating.publishPendingPromotions();
    });
    await this.jobs.every(MATERIALS_MISSING_QUEUE, '*/15 * * * *', async () => {
      const queued = await this.materials.run();
      if (queued) this.logger.info({ queued }, 'materials-missing reminders queued');
    }, 30);
    await this.jobs.every(DAILY_DIGEST_QUEUE, '*/15 * * * *', async () => {
      const queued = await this.digests.run();
      if (queued) this.logger.info({ queued }, 'daily digests queued');
    }, 30);
  }
}
