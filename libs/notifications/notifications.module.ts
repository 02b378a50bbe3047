import { NotificationsPersonalDataService } from './notifications-personal-data.service.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/index.js';
import { IdentityModule } from '../identity/index.js';
import { JobsModule } from '../jobs/index.js';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity.js';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity.js';
import { NotificationTemplateEntity } from './entities/notification-template.entity.js';
import { ReminderRuleEntity } from './entities/reminder-rule.entity.js';
import { MailDeliveryService } from './mail-delivery.service.js';
import { MailTransport } from './mail-transport.js';
import { NotificationWorker } from './notification-worker.js';
import { NotificationsService } from './notifications.service.js';
import { ParticipationNotifications } from './participation-notifications.js';
import { ReminderSources } from './reminder-source.port.js';
import { RemindersService } from './reminders.service.js';

/** Everything that sends: import it to call NotificationsService.notify() or to register a ReminderSource. */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationDeliveryEntity, ReminderRuleEntity, NotificationTemplateEntity, NotificationPreferenceEntity]),
    JobsModule,
    EventsModule,
    IdentityModule,
  ],
  providers: [NotificationsPersonalDataService, NotificationsService, MailTransport, MailDeliveryService, RemindersService, ReminderSources, ParticipationNotifications],
  exports: [NotificationsPersonalDataService, NotificationsService, MailTransport, MailDeliveryService, RemindersService, ReminderSources],
})
export class NotificationsModule {}

/** The job processors; imported by the API when RUN_WORKER_IN_API and always by apps/worker. */
@Module({ imports: [NotificationsModule, JobsModule], providers: [NotificationWorker] })
export class NotificationWorkerModule {}
