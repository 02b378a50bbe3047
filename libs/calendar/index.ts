export {
  buildCalendar,
  type CalendarAttendee,
  type CalendarItem,
  type CalendarItemStatus,
  type CalendarMethod,
  type CalendarOptions,
  type CalendarPerson,
  PRODUCT_ID,
} from './calendar-builder.js';
export { type CalendarFeedLink, CalendarFeedTokensService } from './calendar-feed-tokens.service.js';
export {
  CALENDAR_CLOCK,
  type CalendarClock,
  type CalendarDocument,
  CalendarFeedsService,
  CANCELLED_RETENTION_DAYS,
  FEED_REFRESH_MINUTES,
} from './calendar-feeds.service.js';
export { meetingItem, sessionItem, tableLabel } from './calendar-items.js';
export { calendarDomain, calendarUid, type CalendarItemKind } from './calendar-uid.js';
export { CalendarException, CalendarReason } from './calendar.exception.js';
export { CalendarModule } from './calendar.module.js';
export { buildInvitation, type InvitationInput } from './invitation.js';
