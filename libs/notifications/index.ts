export { DeliveryStatus, NotificationDeliveryEntity } from './entities/notification-delivery.entity.js';
export { ReminderKind } from './entities/reminder-rule.entity.js';
export { type DeliveryOutcome, MailDeliveryService } from './mail-delivery.service.js';
export { MailTransport, type OutgoingMail } from './mail-transport.js';
export { isEssential, KINDS, NotificationKind } from './notification-kind.js';
export { NotificationWorker, REMINDER_SWEEP_QUEUE } from './notification-worker.js';
export { NotificationsException, NotificationsReason } from './notifications.exception.js';
export { NotificationsModule, NotificationWorkerModule } from './notifications.module.js';
export {
  type DeliveryFilter,
  type EffectiveTemplate,
  MAIL_QUEUE,
  type NotificationData,
  NotificationsService,
  type NotifyInput,
} from './notifications.service.js';
export { type ReminderItem, type ReminderRecipient, type ReminderSource, ReminderSources } from './reminder-source.port.js';
export { DEFAULT_REMINDER_RULES, type ReminderRule, type ReminderRuleInput, RemindersService } from './reminders.service.js';
export { formatInZone, reminderDueAt } from '../common/index.js';
export { NotificationsPersonalDataService } from './notifications-personal-data.service.js';
