import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/index.js';
import { AuditModule } from '../audit/index.js';
import { EventsModule } from '../events/index.js';
import { IdentityModule } from '../identity/index.js';
import { JobsModule } from '../jobs/index.js';
import { MatchmakingModule } from '../matchmaking/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { FollowUpRoundEntity } from './entities/follow-up-round.entity.js';
import { FollowUpReminders, FollowUpRemindersWorker } from './follow-up-reminders.js';
import { MeetingFeedbackEntity } from './entities/meeting-feedback.entity.js';
import { OutcomesPersonalDataService } from './outcomes-personal-data.service.js';
import { OutcomesService } from './outcomes.service.js';
import { PrintoutsService } from './printouts.service.js';
import { ReportsService } from './reports.service.js';
import { SessionFeedbackEntity } from './entities/session-feedback.entity.js';
import { SessionFeedbackService } from './session-feedback.service.js';

const services = [OutcomesService, SessionFeedbackService, ReportsService, PrintoutsService, OutcomesPersonalDataService, FollowUpReminders];

@Module({
  imports: [TypeOrmModule.forFeature([MeetingFeedbackEntity, FollowUpRoundEntity, SessionFeedbackEntity]), AgendaModule, AuditModule, EventsModule, IdentityModule, MatchmakingModule, NotificationsModule],
  providers: services,
  exports: services,
})
export class OutcomesModule {}

/** The follow-up reminders' job (API process with RUN_WORKER_IN_API, and apps/worker). */
@Module({ imports: [OutcomesModule, JobsModule], providers: [FollowUpRemindersWorker] })
export class OutcomesWorkerModule {}
