/** Public API of the meeting-scheduling library (the only supported import path). */
export type {
  Assignment,
  MeetingLock,
  ScheduleOptions,
  ScheduleProgress,
  SchedulingInstance,
  SchedulingMeeting,
  SchedulingParticipant,
  SchedulingSlot,
  SchedulingSolution,
  SolutionStats,
  UnplacedExplanation,
  UnplacedReason,
  Violation,
} from './types.js';
export { INSTANCE_SCHEMA } from './types.js';
export { InstanceError, parseInstance } from './instance.js';
export { validateSolution, scoreSolution, type SolutionScore } from './validator.js';
export { scheduleMeetings, defaultTimeLimitMs } from './scheduler.js';
export { computeUpperBound, computeUpperBoundDetail, type UpperBoundDetail } from './upper-bound.js';
export { firstComeFirstServed } from './first-come-first-served.js';
export { explainUnplaced } from './unplaced-explainer.js';
