import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { type Logger } from 'pino';
import { AgendaModule } from '../../libs/agenda/index.js';
import { CalendarModule } from '../../libs/calendar/index.js';
import { LoggingModule } from '../../libs/common/index.js';
import { type AppConfig, ConfigModule } from '../../libs/config/index.js';
import { DatabaseModule } from '../../libs/database/index.js';
import { DomainNotificationJobsModule, DomainNotificationsModule } from '../../libs/domain-notifications/index.js';
import { EventCopyModule } from '../../libs/event-copy/index.js';
import { EventsModule } from '../../libs/events/index.js';
import { IdentityModule } from '../../libs/identity/index.js';
import { MatchmakingModule, SchedulingRunsModule, SchedulingRunWorkerModule } from '../../libs/matchmaking/index.js';
import { MaterialsModule, MaterialsWorkerModule } from '../../libs/materials/index.js';
import { NotificationsModule, NotificationWorkerModule } from '../../libs/notifications/index.js';
import { OutcomesModule, OutcomesWorkerModule } from '../../libs/outcomes/index.js';
import { SecurityModule } from '../../libs/security/index.js';
import { AgendaExportController } from './agenda/agenda-export.controller.js';
import { AgendaResolver, ProgrammeResolver } from './agenda/agenda.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarResolver } from './calendar/calendar.resolver.js';
import { EventsResolver, ParticipationResolver } from './events/events.resolver.js';
import { ParticipationsResolver } from './events/participations.resolver.js';
import { ActorGuard } from './graphql/actor.guard.js';
import { graphqlModule } from './graphql/graphql.config.js';
import { HealthController } from './health/health.controller.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { MaterialsController } from './materials/materials.controller.js';
import { MaterialsResolver, MaterialVersionResolver } from './materials/materials.resolver.js';
import { MatchmakingProfilesResolver } from './matchmaking/matchmaking-profiles.resolver.js';
import { MatchmakingSettingsResolver } from './matchmaking/matchmaking-settings.resolver.js';
import { MeetingRequestsResolver, MeetingsResolver } from './matchmaking/meetings.resolver.js';
import { SchedulingResolver } from './matchmaking/scheduling.resolver.js';
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { SessionMessagesResolver } from './notifications/session-messages.resolver.js';
import { UnsubscribeController } from './notifications/unsubscribe.controller.js';
import { OutcomesExportController } from './outcomes/outcomes-export.controller.js';
import { OutcomesResolver } from './outcomes/outcomes.resolver.js';
import { SessionFeedbackResolver } from './outcomes/session-feedback.resolver.js';
import { PrivacyModule, PrivacyWorkerModule } from '../../libs/privacy/index.js';
import { PrivacyController } from './privacy/privacy.controller.js';
import { PrivacyResolver } from './privacy/privacy.resolver.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(databaseUrl),
        SecurityModule,
        IdentityModule,
        EventsModule,
        AgendaModule,
        MatchmakingModule,
        SchedulingRunsModule,
        MaterialsModule,
        CalendarModule,
        NotificationsModule,
        OutcomesModule,
        PrivacyModule,
        EventCopyModule,
        // The job processors run here too unless RUN_WORKER_IN_API=false (then apps/worker runs them).
        DomainNotificationsModule,
        ...(config.runWorkerInApi ? [NotificationWorkerModule, SchedulingRunWorkerModule, DomainNotificationJobsModule, PrivacyWorkerModule, MaterialsWorkerModule, OutcomesWorkerModule] : []),
        graphqlModule(config, logger),
      ],
      controllers: [HealthController, AgendaExportController, CalendarController, MaterialsController, UnsubscribeController, OutcomesExportController, PrivacyController],
      providers: [
        { provide: APP_GUARD, useClass: ActorGuard },
        IdentityResolver,
        AuditResolver,
        PrivacyResolver,
        EventsResolver,
        ParticipationResolver,
        ParticipationsResolver,
        AgendaResolver,
        ProgrammeResolver,
        MatchmakingSettingsResolver,
        MatchmakingProfilesResolver,
        MeetingRequestsResolver,
        MeetingsResolver,
        SchedulingResolver,
        MaterialsResolver,
        MaterialVersionResolver,
        CalendarResolver,
        NotificationsResolver,
        SessionMessagesResolver,
        OutcomesResolver,
        SessionFeedbackResolver,
      ],
    };
  }
}
