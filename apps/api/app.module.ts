import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { type Logger } from 'pino';
import { AgendaModule } from '../../libs/agenda/index.js';
import { CalendarModule } from '../../libs/calendar/index.js';
import { LoggingModule } from '../../libs/common/index.js';
import { type AppConfig, ConfigModule } from '../../libs/config/index.js';
import { DatabaseModule } from '../../libs/database/index.js';
import { EventsModule } from '../../libs/events/index.js';
import { IdentityModule } from '../../libs/identity/index.js';
import { MatchmakingModule } from '../../libs/matchmaking/index.js';
import { MaterialsModule } from '../../libs/materials/index.js';
import { NotificationsModule, NotificationWorkerModule } from '../../libs/notifications/index.js';
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
import { NotificationsResolver } from './notifications/notifications.resolver.js';
import { UnsubscribeController } from './notifications/unsubscribe.controller.js';

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
        MaterialsModule,
        CalendarModule,
        NotificationsModule,
        // The job processors run here too unless RUN_WORKER_IN_API=false (then apps/worker runs them).
        ...(config.runWorkerInApi ? [NotificationWorkerModule] : []),
        graphqlModule(config, logger),
      ],
      controllers: [HealthController, AgendaExportController, CalendarController, MaterialsController, UnsubscribeController],
      providers: [
        { provide: APP_GUARD, useClass: ActorGuard },
        IdentityResolver,
        AuditResolver,
        EventsResolver,
        ParticipationResolver,
        ParticipationsResolver,
        AgendaResolver,
        ProgrammeResolver,
        MatchmakingSettingsResolver,
        MatchmakingProfilesResolver,
        MeetingRequestsResolver,
        MeetingsResolver,
        MaterialsResolver,
        MaterialVersionResolver,
        CalendarResolver,
        NotificationsResolver,
      ],
    };
  }
}
