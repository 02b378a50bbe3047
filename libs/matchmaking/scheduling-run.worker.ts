import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type Logger } from 'pino';
import { LOGGER } from '../common/index.js';
import { JobQueue } from '../jobs/index.js';
import { SCHEDULING_RUN_QUEUE, SchedulingRunsService } from './scheduling-runs.service.js';

/**
 * Processes scheduling runs. Runs in the API process (RUN_WORKER_IN_API) and/or in apps/worker;
 * pg-boss hands each run to one process. The solver itself runs on a worker thread.
 */
@Injectable()
export class SchedulingRunWorker implements OnApplicationBootstrap {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly runs: SchedulingRunsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<{ runId: string }>(SCHEDULING_RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (batch) => {
      for (const job of batch) await this.runs.process(job.data.runId);
    });
    this.logger.debug('scheduling run worker started');
  }
}

