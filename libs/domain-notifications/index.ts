export { AgendaMessages } from './agenda-messages.js';
export { DAILY_DIGEST_QUEUE, DomainNotificationJobs, EXPIRE_REQUESTS_QUEUE, MATERIALS_MISSING_QUEUE, PUBLISH_PROMOTIONS_QUEUE } from './domain-notification-jobs.js';
export { MATERIALS_REMINDER_LEAD_MS, MaterialsMissingReminders } from './materials-missing.js';
export { DomainNotificationJobsModule, DomainNotificationsModule } from './domain-notifications.module.js';
export { mailFromAddress, MatchmakingMessages } from './matchmaking-messages.js';
export { MatchmakingWindowReminders, MeetingReminders, SessionReminders } from './reminder-sources.js';
export { DailyDigests, DIGEST_LOCAL_TIME, type DigestAgenda } from './daily-digest.js';
export { DEMO_DIGEST_DATE, DemoMessages } from './demo-messages.js';
export { SessionMessages } from './session-messages.js';
