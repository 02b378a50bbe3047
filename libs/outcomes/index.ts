export { FollowUpRoundEntity } from './entities/follow-up-round.entity.js';
export { MeetingFeedbackEntity } from './entities/meeting-feedback.entity.js';
export { SessionFeedbackEntity } from './entities/session-feedback.entity.js';
export {
  type MySessionFeedback,
  SESSION_COMMENT_MAX,
  SESSION_FEEDBACK_MIN_SHOWN,
  SessionFeedbackService,
  type SessionFeedbackSummary,
} from './session-feedback.service.js';
export { OutcomesException, OutcomesReason } from './outcomes.exception.js';
export { OutcomesModule, OutcomesWorkerModule } from './outcomes.module.js';
export { FOLLOW_UP_REMINDERS_QUEUE, FollowUpReminders } from './follow-up-reminders.js';
export { OutcomesPersonalDataService } from './outcomes-personal-data.service.js';
export { type CheckIn, type FeedbackInput, type FeedbackSummary, type FollowUpRoundInput, type MyMeetingOutcome, OutcomesService } from './outcomes.service.js';
export { AttendanceStatus, AttendanceVerdict, ExpectedOutcome, FollowUpResult } from './outcomes.types.js';
export { type BookletEntry, type PlanMeeting, Printout, type PrintoutLink, printoutPath, PrintoutsService } from './printouts.service.js';
export { renderBookletHtml, renderPlanHtml } from './printouts-html.js';
export { type Badge, badgeCheckInUrl, BADGES_PER_PAGE, badgeQrSvg, type BadgeSelection, parseBadgeSelection, renderBadgesHtml } from './badges.js';
export {
  type CountRow,
  csvField,
  type MatrixCell,
  type MeetingCounts,
  type OutcomeReport,
  REPORT_NAMES,
  ReportsService,
  type RoundOutcomeRow,
  type ThemeRow,
  toCsv,
} from './reports.service.js';
