import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type Logger } from 'pino';
import { SeatingService } from '../agenda/index.js';
import { LOGGER } from '../common/index.js';
import { JobQueue } from '../jobs/index.js';
import { MeetingRequestsService } from '../matchmaking/index.js';

export const EXPIRE_REQUESTS_QUEUE = 'matchmaking-expire-requests';
export const PUBLISH_PROMOTIONS_QUEUE = 'agenda-publish-promotions';

/**
 * Scheduled domain jobs through libs/jobs (one process per tick): expire overdue meeting
 * requests (the expiry writes its messages in its own transaction) and announce promotions left
 * unannounced by a crash (their messages are keyed by the promotion, so never sent twice).
 */
@Injectable()
export class DomainNotificationJobs implements OnApplicationBootstrap {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly requests: MeetingRequestsService,
    private readonly seating: SeatingService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(EXPIRE_REQUESTS_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      const expired = await this.requests.expireOverdue();
      if (expired) this.logger.info({ expired }, 'meeting requests expired');
    });
    await this.jobs.work(PUBLISH_PROMOTIONS_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await this.seating.publishPendingPromotions();
    });
    await this.jobs.schedule(EXPIRE_REQUESTS_QUEUE, '* * * * *');
    await this.jobs.schedule(PUBLISH_PROMOTIONS_QUEUE, '* * * * *');
  }
}
