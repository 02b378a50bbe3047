export { AgendaMessages } from './agenda-messages.js';
export { DomainNotificationJobs, EXPIRE_REQUESTS_QUEUE, PUBLISH_PROMOTIONS_QUEUE } from './domain-notification-jobs.js';
export { DomainNotificationJobsModule, DomainNotificationsModule } from './domain-notifications.module.js';
export { mailFromAddress, MatchmakingMessages } from './matchmaking-messages.js';
export { MeetingReminders, SessionReminders } from './reminder-sources.js';
