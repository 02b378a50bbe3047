import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { MatchmakingModule } from './matchmaking.module.js';
import { SchedulingRunWorker } from './scheduling-run.worker.js';
import { SchedulingRunsService } from './scheduling-runs.service.js';

/**
 * The organiser scheduler: runs, drafts and publishing. Its own module (on top of
 * MatchmakingModule) because it also needs the job queue and notifications.
 */
@Module({
  imports: [MatchmakingModule, NotificationsModule, JobsModule],
  providers: [SchedulingRunsService],
  exports: [SchedulingRunsService],
})
export class SchedulingRunsModule {}

/** The scheduling-run processor; imported by the API when RUN_WORKER_IN_API and always by apps/worker. */
@Module({ imports: [SchedulingRunsModule, JobsModule], providers: [SchedulingRunWorker] })
export class SchedulingRunWorkerModule {}
