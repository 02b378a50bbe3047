import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/index.js';
import { AuditModule } from '../audit/index.js';
import { CalendarModule } from '../calendar/index.js';
import { ConsentModule } from '../consent/index.js';
import { EventsModule } from '../events/index.js';
import { IdentityModule } from '../identity/index.js';
import { JobsModule } from '../jobs/index.js';
import { MaterialsModule } from '../materials/index.js';
import { MatchmakingModule } from '../matchmaking/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { OutcomesModule } from '../outcomes/index.js';
import { PRIVACY_CLOCK } from './privacy-clock.js';
import { PrivacyRetentionWorker } from './privacy-retention.worker.js';
import { PrivacyService } from './privacy.service.js';

@Module({
  imports: [IdentityModule, ConsentModule, EventsModule, AgendaModule, MatchmakingModule, NotificationsModule, OutcomesModule, MaterialsModule, CalendarModule, AuditModule],
  providers: [PrivacyService, { provide: PRIVACY_CLOCK, useValue: { now: () => new Date() } }],
  exports: [PrivacyService, PRIVACY_CLOCK],
})
export class PrivacyModule {}

/** The retention job's processor (API process with RUN_WORKER_IN_API, and apps/worker). */
@Module({ imports: [PrivacyModule, JobsModule], providers: [PrivacyRetentionWorker] })
export class PrivacyWorkerModule {}
