/** Public data types of the scheduling library (format `b2b-sched-instance/v1`, see shared FORMAT.md). */

export const INSTANCE_SCHEMA = 'b2b-sched-instance/v1';

export interface SchedulingSlot {
  id: number;
  /** Tables usable in this slot, numbered 0..tables-1. */
  tables: number;
  day?: number;
  session?: string;
  start?: string;
  end?: string;
}

export interface SchedulingParticipant {
  id: number;
  maxMeetings: number;
  /** Slot ids this person cannot meet in. */
  unavailable: number[];
  type?: string;
  region?: string;
  sectors?: string[];
  popular?: boolean;
}

export interface MeetingLock {
  slot: number;
  table: number;
}

export interface SchedulingMeeting {
  id: number;
  a: number;
  b: number;
  requester: number;
  /** Requester's ranking: 1 high, 2, 3 low. A placed meeting weighs 4 - priority. */
  priority: number;
  locked?: MeetingLock;
}

export interface SchedulingInstance {
  schema: string;
  name: string;
  seed?: number;
  slots: SchedulingSlot[];
  participants: SchedulingParticipant[];
  meetings: SchedulingMeeting[];
}

export interface Assignment {
  meeting: number;
  slot: number;
  table: number;
}

export interface SolutionStats {
  placed: number;
  weight: number;
  /** Participants with at least one accepted meeting but none placed. */
  unplacedParticipants: number;
  timeMs: number;
  [extra: string]: unknown;
}

export interface SchedulingSolution {
  instance: string;
  assignments: Assignment[];
  /** Proven upper bound on the number of meetings any valid schedule can place. */
  upperBound?: number;
  stats?: SolutionStats;
}

export interface ScheduleProgress {
  elapsedMs: number;
  iterations: number;
  placed: number;
  weight: number;
  upperBound: number;
}

export interface ScheduleOptions {
  /** Wall-clock budget for the improvement phase; default scales with instance size. */
  timeLimitMs?: number;
  /** Seed of the deterministic PRNG; same instance + seed + iteration budget gives the same result. */
  seed?: number;
  /**
   * Optional cap on local-search iterations. When set, the result depends only on the
   * instance and the seed (not on machine speed), which tests use for determinism.
   */
  maxIterations?: number;
  onProgress?: (progress: ScheduleProgress) => void;
  /** How often onProgress is called, in ms (default 1000). */
  progressIntervalMs?: number;
}

export interface Violation {
  code:
    | 'UNKNOWN_MEETING'
    | 'DUPLICATE_MEETING'
    | 'BAD_SLOT'
    | 'BAD_TABLE'
    | 'TABLE_DOUBLE_BOOKED'
    | 'PARTICIPANT_DOUBLE_BOOKED'
    | 'PARTICIPANT_UNAVAILABLE'
    | 'MAX_MEETINGS_EXCEEDED'
    | 'LOCK_VIOLATED';
  message: string;
  meeting?: number;
  participant?: number;
  slot?: number;
}

export type UnplacedReason =
  | 'NO_COMMON_FREE_SLOT'
  | 'TABLES_FULL_IN_COMMON_SLOTS'
  | 'PARTICIPANT_LIMIT_REACHED'
  | 'PARTICIPANT_BUSY_IN_COMMON_SLOTS';

export interface UnplacedExplanation {
  meeting: number;
  reason: UnplacedReason;
  /** Slots where both participants are available. */
  commonSlots: number[];
  /** For PARTICIPANT_LIMIT_REACHED: who is at the limit. For BUSY: who is busy in some common slot. */
  participants: number[];
  message: string;
}
