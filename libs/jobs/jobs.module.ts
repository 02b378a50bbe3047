import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue.js';

/** The durable job queue; one per process, shared by every domain that enqueues or works jobs. */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
