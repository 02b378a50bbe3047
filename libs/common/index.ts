export { CommonException, CommonReason, DomainException, type DomainExceptionOptions, ErrorKind } from './domain.exception.js';
export { createLogger, PinoNestLogger, REDACTED_PATHS, redactUrl } from './logger.js';
export { isConstraintViolation, isDatabaseUnavailable, PgErrorCode, violatedConstraint } from './postgres-errors.js';
export { currentRequestId, type RequestContext, requestContext } from './request-context.js';
export { LOGGER, LoggingModule } from './logging.module.js';
export {
  datesBetween,
  daysBetween,
  describeSpan,
  eventBounds,
  formatInZone,
  reminderDueAt,
  shiftWallClock,
  zonedDate,
  zonedInstant,
  zonedTime,
  zonedWallTimeToInstant,
  wallClock,
  zoneOffsetMs,
} from './zoned-time.js';
export { type EventCopyPlan } from './event-copy-plan.js';
export { tolerateLateErrors } from './shutdown.js';
export { type TransactionalListener, TransactionalEvents } from './transactional-events.js';
