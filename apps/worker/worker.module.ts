import { type DynamicModule, Module } from '@nestjs/common';
import { type Logger } from 'pino';
import { LoggingModule } from '../../libs/common/index.js';
import { type AppConfig, ConfigModule } from '../../libs/config/index.js';
import { DatabaseModule } from '../../libs/database/index.js';
import { DomainNotificationJobsModule } from '../../libs/domain-notifications/index.js';
import { MaterialsWorkerModule } from '../../libs/materials/index.js';
import { OutcomesWorkerModule } from '../../libs/outcomes/index.js';
import { SchedulingRunWorkerModule } from '../../libs/matchmaking/index.js';
import { NotificationWorkerModule } from '../../libs/notifications/index.js';
import { PrivacyWorkerModule } from '../../libs/privacy/index.js';

/** The domain libraries' job processors, without HTTP. Never imports apps/api. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(logger), DatabaseModule.forRoot(databaseUrl), NotificationWorkerModule, PrivacyWorkerModule, DomainNotificationJobsModule, SchedulingRunWorkerModule, MaterialsWorkerModule, OutcomesWorkerModule],
    };
  }
}
