export { type EnqueueOptions, JobQueue, type QueuedJob, type WorkOptions } from './job-queue.js';
export { JobsModule } from './jobs.module.js';
