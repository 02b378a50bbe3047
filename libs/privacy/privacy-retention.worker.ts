import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type Logger } from 'pino';
import { LOGGER } from '../common/index.js';
import { JobQueue } from '../jobs/index.js';
import { PrivacyService } from './privacy.service.js';

export const PRIVACY_RETENTION_QUEUE = 'privacy-retention';

/** Runs the retention job hourly (pg-boss sends one job per tick, whatever the process count). */
@Injectable()
export class PrivacyRetentionWorker implements OnApplicationBootstrap {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly privacy: PrivacyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(PRIVACY_RETENTION_QUEUE, '23 * * * *', async () => {
      const anonymised = await this.privacy.anonymiseDueEvents();
      if (anonymised.length) this.logger.info({ events: anonymised }, 'retention: events anonymised');
    });
  }
}
