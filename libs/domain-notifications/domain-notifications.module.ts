import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/index.js';
import { AuditModule } from '../audit/index.js';
import { CalendarModule } from '../calendar/index.js';
import { EventsModule } from '../events/index.js';
import { IdentityModule } from '../identity/index.js';
import { JobsModule } from '../jobs/index.js';
import { MatchmakingModule } from '../matchmaking/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { AgendaMessages } from './agenda-messages.js';
import { DailyDigests } from './daily-digest.js';
import { DemoMessages } from './demo-messages.js';
import { DomainNotificationJobs } from './domain-notification-jobs.js';
import { IdentityMessages } from './identity-messages.js';
import { MatchmakingMessages } from './matchmaking-messages.js';
import { MaterialsModule } from '../materials/index.js';
import { MaterialsMissingReminders } from './materials-missing.js';
import { MatchmakingWindowReminders, MeetingReminders, SessionReminders } from './reminder-sources.js';
import { SessionMessages } from './session-messages.js';

/**
 * Wires the domains to notifications. It sits above agenda, matchmaking, calendar and
 * notifications, so none of them imports another's services in a cycle: the domains emit
 * in-transaction events, this module turns them into outbox rows and provides their ReminderSources.
 * Import it wherever the domains change data (the API) and where reminders are swept (workers).
 */
@Module({
  imports: [NotificationsModule, AgendaModule, MatchmakingModule, CalendarModule, EventsModule, MaterialsModule, IdentityModule, AuditModule],
  providers: [AgendaMessages, MatchmakingMessages, IdentityMessages, SessionReminders, MeetingReminders, MatchmakingWindowReminders, MaterialsMissingReminders, DailyDigests, DemoMessages, SessionMessages],
  exports: [MaterialsMissingReminders, DailyDigests, DemoMessages, SessionMessages],
})
export class DomainNotificationsModule {}

/** The scheduled domain jobs; imported next to NotificationWorkerModule. */
@Module({ imports: [DomainNotificationsModule, JobsModule, AgendaModule, MatchmakingModule], providers: [DomainNotificationJobs] })
export class DomainNotificationJobsModule {}
