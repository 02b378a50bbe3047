import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { type Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException, isConstraintViolation, LOGGER, PgErrorCode } from '../common/index.js';
import { isUuid } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { JobQueue } from '../jobs/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import {
  explainUnplaced,
  scoreSolution,
  computeUpperBoundDetail,
  type ScheduleProgress,
  type SchedulingInstance,
  type SchedulingSolution,
  type UnplacedReason,
  validateSolution,
  type Violation,
} from '../scheduling/index.js';
import { AvailabilityService } from './availability.service.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingException } from './matchmaking.exception.js';
import { MatchmakingSettingsService } from './matchmaking-settings.service.js';
import { SchedulingRunException } from './scheduling-run.exception.js';
import { buildSchedulingInstance, draftAsSolution, type SchedulingInputData, type SchedulingInstanceMaps } from './scheduling-run-instance.js';

/** pg-boss queue of scheduling runs; each job carries only { runId }. */
export const SCHEDULING_RUN_QUEUE = 'matchmaking-scheduling-run';

export enum SchedulingRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  FAILED = 'FAILED',
  SUPERSEDED = 'SUPERSEDED',
}

export interface SchedulingRunOptions {
  timeLimitSeconds?: number | null;
  seed?: number | null;
}

export interface SchedulingRunView {
  id: string;
  eventId: string;
  status: SchedulingRunStatus;
  seed: number;
  timeLimitSeconds: number | null;
  meetingsTotal: number;
  placed: number | null;
  upperBound: number | null;
  weight: number | null;
  peopleWithNone: number | null;
  elapsedMs: number | null;
  iterations: number | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  progressAt: Date | null;
  finishedAt: Date | null;
  publishedAt: Date | null;
}

export interface SchedulingPerson {
  accountId: string;
  name: string;
}

export interface DraftAssignment {
  meetingId: string;
  slot: { id: string; eventId: string; startsAt: Date; endsAt: Date };
  tableNumber: number;
  locked: boolean;
  booked: boolean;
  people: SchedulingPerson[];
}

export interface DraftUnplaced {
  meetingId: string;
  reason: UnplacedReason;
  message: string;
  commonSlots: number;
  people: SchedulingPerson[];
}

interface LoadedInput {
  data: SchedulingInputData;
  instance: SchedulingInstance;
  maps: SchedulingInstanceMaps;
  names: Map<string, string>;
  /** Per person and slot, why they are not available ("speaking in …", "blocked by hand"). */
  reasons: Map<string, Map<string, string>>;
}

const RUN_COLUMNS = `id, event_id, status, seed, time_limit_seconds, meetings_total, placed, upper_bound, weight, people_with_none,
  elapsed_ms, iterations, error, created_at, started_at, progress_at, finished_at, published_at`;

/**
 * The organiser scheduler in the product (issue 5): runs of the pure scheduling library as
 * background jobs, their drafts (checked with validateSolution before they are stored), moves
 * and locks in a draft, and publishing — one transaction that books every meeting of the draft
 * (meeting's unique keys are the guarantee) and notifies both people.
 */
@Injectable()
export class SchedulingRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly access: MatchmakingAccessService,
    private readonly settings: MatchmakingSettingsService,
    private readonly availability: AvailabilityService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
  ) {}

  /** Queues a run (organisers). It supersedes the event's active run and keeps its draft's locks. */
  async start(actor: Actor | null, eventId: string, options: SchedulingRunOptions = {}): Promise<SchedulingRunView> {
    const { timeLimitSeconds, seed } = options;
    await this.access.requireOrganiser(actor, eventId);
    if (timeLimitSeconds !== undefined && timeLimitSeconds !== null && (!Number.isInteger(timeLimitSeconds) || timeLimitSeconds < 1 || timeLimitSeconds > 600)) {
      throw SchedulingRunException.invalidOptions('options.timeLimitSeconds', 'timeLimitSeconds must be a whole number from 1 to 600.');
    }
    if (seed !== undefined && seed !== null && (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647)) {
      throw SchedulingRunException.invalidOptions('options.seed', 'seed must be a whole number from 0 to 2147483647.');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.lockEvent(manager, eventId);
      const active: { id: string; status: SchedulingRunStatus }[] = await manager.query(
        `SELECT id, status FROM scheduling_run WHERE event_id = $1 AND status IN ('QUEUED', 'RUNNING', 'DRAFT') FOR UPDATE`,
        [eventId],
      );
      const previousDraft = active.find((r) => r.status === SchedulingRunStatus.DRAFT) ?? null;
      if (active.length) {
        await manager.query(`UPDATE scheduling_run SET status = 'SUPERSEDED', finished_at = coalesce(finished_at, now()) WHERE id = ANY($1::uuid[])`, [
          active.map((r) => r.id),
        ]);
      }
      const jobId = randomUUID();
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO scheduling_run (event_id, seed, time_limit_seconds, started_by, previous_run_id, job_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [eventId, seed ?? 1, timeLimitSeconds ?? null, actor!.accountId, previousDraft?.id ?? null, jobId],
      );
      if (previousDraft) {
        // The organiser's locks carry over: the new run keeps those meetings where they are.
        await manager.query(
          `INSERT INTO scheduling_run_assignment (run_id, meeting_id, slot_id, table_number, locked)
           SELECT $1, a.meeting_id, a.slot_id, a.table_number, true
             FROM scheduling_run_assignment a JOIN meeting m ON m.id = a.meeting_id
            WHERE a.run_id = $2 AND a.locked AND NOT a.booked AND m.status = 'CONFIRMED' AND m.slot_id IS NULL`,
          [row.id, previousDraft.id],
        );
      }
      // The job commits with the run row, or neither exists.
      await this.jobs.enqueue(SCHEDULING_RUN_QUEUE, { runId: row.id }, { manager, id: jobId, retryLimit: 1, retryDelaySeconds: 5, expireInSeconds: 900 });
      return (await this.runRows(manager, `id = $1`, [row.id]))[0];
    });
  }

  /** A run of the event (organisers): the given one, or the latest. */
  async run(actor: Actor | null, eventId: string, runId?: string | null): Promise<SchedulingRunView | null> {
    await this.access.requireOrganiser(actor, eventId);
    if (runId) {
      if (!isUuid(runId)) throw CommonException.notFound('Scheduling run', runId);
      const [run] = await this.runRows(this.dataSource.manager, `id = $1 AND event_id = $2`, [runId, eventId]);
      if (!run) throw CommonException.notFound('Scheduling run', runId);
      return run;
    }
    const [latest] = await this.runRows(this.dataSource.manager, `event_id = $1 ORDER BY created_at DESC, id LIMIT 1`, [eventId]);
    return latest ?? null;
  }

  /** The proposed places of a run, in time and table order (callers authorised the run). */
  async assignments(runId: string): Promise<DraftAssignment[]> {
    const rows: {
      meeting_id: string; slot_id: string; event_id: string; starts_at: Date; ends_at: Date; table_number: number; locked: boolean; booked: boolean;
      people: SchedulingPerson[];
    }[] = await this.dataSource.query(
      `SELECT a.meeting_id, a.slot_id, s.event_id, s.starts_at, s.ends_at, a.table_number, a.locked, a.booked,
              json_build_array(json_build_object('accountId', ra.id, 'name', ra.name), json_build_object('accountId', ca.id, 'name', ca.name)) AS people
         FROM scheduling_run_assignment a
         JOIN meeting_slot s ON s.id = a.slot_id
         JOIN meeting m ON m.id = a.meeting_id
         JOIN account ra ON ra.id = m.requester_id
         JOIN account ca ON ca.id = m.recipient_id
        WHERE a.run_id = $1
        ORDER BY s.starts_at, a.table_number`,
      [runId],
    );
    return rows.map((r) => ({
      meetingId: r.meeting_id,
      slot: { id: r.slot_id, eventId: r.event_id, startsAt: r.starts_at, endsAt: r.ends_at },
      tableNumber: r.table_number,
      locked: r.locked,
      booked: r.booked,
      people: r.people,
    }));
  }

  /** The meetings a run could not place, with the reason in words (callers authorised the run). */
  async unplaced(runId: string): Promise<DraftUnplaced[]> {
    const rows: { meeting_id: string; reason: UnplacedReason; message: string; common_slots: number; people: SchedulingPerson[] }[] = await this.dataSource.query(
      `SELECT u.meeting_id, u.reason, u.message, u.common_slots,
              json_build_array(json_build_object('accountId', ra.id, 'name', ra.name), json_build_object('accountId', ca.id, 'name', ca.name)) AS people
         FROM scheduling_run_unplaced u
         JOIN meeting m ON m.id = u.meeting_id
         JOIN account ra ON ra.id = m.requester_id
         JOIN account ca ON ca.id = m.recipient_id
        WHERE u.run_id = $1
        ORDER BY u.reason, ra.name, ca.name`,
      [runId],
    );
    return rows.map((r) => ({ meetingId: r.meeting_id, reason: r.reason, message: r.message, commonSlots: r.common_slots, people: r.people }));
  }

  /**
   * Moves a meeting of the draft to a slot and table the organiser picked, and locks it there.
   * The whole draft with the move is checked by validateSolution on an instance built from the
   * database as it is now, so a move obeys exactly the scheduler's constraints.
   */
  async move(actor: Actor | null, eventId: string, meetingId: string, slotId: string, tableNumber: number): Promise<SchedulingRunView> {
    await this.access.requireOrganiser(actor, eventId);
    const draft = await this.requireDraft(this.dataSource.manager, eventId);
    const slot = await this.settings.requireSlot(eventId, slotId, 'slotId');
    const settings = await this.settings.forEvent(eventId);
    if (!Number.isInteger(tableNumber) || tableNumber < 1 || tableNumber > settings.tableCount) {
      throw MatchmakingException.tableOutOfRange(tableNumber, settings.tableCount);
    }
    const input = await this.loadInput(eventId, new Map());
    return this.dataSource.transaction(async (manager) => {
      await this.lockEvent(manager, eventId);
      const run = await this.requireDraft(manager, eventId, draft.id);
      const current = await this.draftMeeting(manager, run.id, meetingId);
      if (current.booked) throw SchedulingRunException.alreadyBooked(meetingId);
      const stored = await this.storedAssignments(manager, run.id);
      const next = stored.filter((a) => a.meetingId !== meetingId).concat({ meetingId, slotId: slot.id, tableNumber, locked: true, booked: false });
      this.checkDraft(input, this.withCurrentBookings(input, next), meetingId, slot);
      await manager.query(`DELETE FROM scheduling_run_unplaced WHERE run_id = $1 AND meeting_id = $2`, [run.id, meetingId]);
      await manager.query(
        `INSERT INTO scheduling_run_assignment (run_id, meeting_id, slot_id, table_number, locked) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (run_id, meeting_id) DO UPDATE SET slot_id = EXCLUDED.slot_id, table_number = EXCLUDED.table_number, locked = true`,
        [run.id, meetingId, slot.id, tableNumber],
      );
      await this.refreshStats(manager, run.id, input, next);
      return (await this.runRows(manager, `id = $1`, [run.id]))[0];
    });
  }

  /** Locks (or unlocks) a meeting where the draft put it: a re-run keeps locked meetings in place. */
  async setLocked(actor: Actor | null, eventId: string, meetingId: string, locked: boolean): Promise<SchedulingRunView> {
    await this.access.requireOrganiser(actor, eventId);
    return this.dataSource.transaction(async (manager) => {
      await this.lockEvent(manager, eventId);
      const run = await this.requireDraft(manager, eventId);
      const current = await this.draftMeeting(manager, run.id, meetingId);
      if (current.booked) throw SchedulingRunException.alreadyBooked(meetingId);
      if (!current.placed) throw SchedulingRunException.notPlaced(meetingId);
      await manager.query(`UPDATE scheduling_run_assignment SET locked = $3 WHERE run_id = $1 AND meeting_id = $2`, [run.id, meetingId, locked]);
      return (await this.runRows(manager, `id = $1`, [run.id]))[0];
    });
  }

  /**
   * Publishes the draft: in ONE transaction every meeting it places gets its slot and table,
   * the run becomes PUBLISHED and both people of each meeting are notified. If anything changed
   * since the draft (a meeting booked or cancelled by hand, a table or person taken, a new agenda
   * commitment), it is a CONFLICT naming it and nothing is applied.
   */
  async publish(actor: Actor | null, eventId: string, runId: string): Promise<SchedulingRunView> {
    await this.access.requireOrganiser(actor, eventId);
    if (!isUuid(runId)) throw CommonException.notFound('Scheduling run', runId);
    // Read (agenda included) before the transaction: the agenda uses its own connection.
    const input = await this.loadInput(eventId, new Map());
    return this.dataSource.transaction(async (manager) => {
      await this.lockEvent(manager, eventId);
      // Shared with manual bookings' lock, exclusive with settings changes (tables, slots).
      await this.settings.forBooking(eventId, manager);
      const [run] = await this.runRows(manager, `id = $1 AND event_id = $2 FOR UPDATE`, [runId, eventId]);
      if (!run) throw CommonException.notFound('Scheduling run', runId);
      if (run.status !== SchedulingRunStatus.DRAFT) throw SchedulingRunException.notDraft(run.id, run.status);
      const stored = await this.storedAssignments(manager, run.id);
      const toBook = stored.filter((a) => !a.booked);
      // Meetings booked, moved or cancelled by hand since the draft.
      const changed: { id: string; status: string; slot_id: string | null; requester_id: string; recipient_id: string }[] = await manager.query(
        `SELECT m.id, m.status, m.slot_id, m.requester_id, m.recipient_id FROM meeting m
          WHERE m.id = ANY($1::uuid[]) AND (m.status <> 'CONFIRMED' OR m.slot_id IS NOT NULL) FOR UPDATE`,
        [toBook.map((a) => a.meetingId)],
      );
      if (changed.length) {
        const m = changed[0];
        const who = `${input.names.get(m.requester_id) ?? 'someone'} and ${input.names.get(m.recipient_id) ?? 'someone'}`;
        throw SchedulingRunException.meetingChanged(m.id, who, m.status !== 'CONFIRMED' ? 'it was cancelled' : 'it was booked by hand');
      }
      // The friendly check: the draft against the database as it is now (agenda and blocks too).
      this.checkDraft(input, this.withCurrentBookings(input, toBook), null, null);
      // The booking trigger locks each meeting's two people; taking them all here first, in one
      // order, keeps this many-meeting write from deadlocking with single bookings and blocks.
      await manager.query(
        `SELECT matchmaking_person_lock($1, p.id)
           FROM (SELECT DISTINCT unnest(ARRAY[m.requester_id, m.recipient_id]) AS id FROM meeting m WHERE m.id = ANY($2::uuid[])) p
          ORDER BY p.id`,
        [eventId, toBook.map((a) => a.meetingId)],
      );
      // Under those locks, a block added since the draft was read is seen and named.
      const [blocked]: { slot_id: string; account_id: string; reason: string | null }[] = await manager.query(
        `SELECT a.slot_id, b.account_id, b.reason
           FROM scheduling_run_assignment a
           JOIN meeting m ON m.id = a.meeting_id
           JOIN meeting_slot s ON s.id = a.slot_id
           JOIN availability_block b ON b.event_id = m.event_id AND b.account_id IN (m.requester_id, m.recipient_id)
                                    AND b.starts_at < s.ends_at AND b.ends_at > s.starts_at
          WHERE a.run_id = $1 AND NOT a.booked
          LIMIT 1`,
        [run.id],
      );
      if (blocked) {
        const slot = input.data.slots.find((s) => s.id === blocked.slot_id) ?? { id: blocked.slot_id, startsAt: new Date(0) };
        throw MatchmakingException.unavailable(input.names.get(blocked.account_id) ?? 'A participant', blocked.account_id, blocked.reason ?? 'blocked by hand', slot);
      }
      try {
        await manager.query(
          `UPDATE meeting m SET slot_id = a.slot_id, table_number = a.table_number, locked = m.locked OR a.locked, updated_at = now()
             FROM scheduling_run_assignment a
            WHERE a.run_id = $1 AND NOT a.booked AND a.meeting_id = m.id AND m.status = 'CONFIRMED' AND m.slot_id IS NULL`,
          [run.id],
        );
      } catch (error) {
        // The guarantee: meeting's unique keys saw a booking that slipped in after the check.
        throw this.publishConflict(error, input);
      }
      await manager.query(`UPDATE scheduling_run SET status = 'PUBLISHED', published_at = now(), published_by = $2 WHERE id = $1`, [run.id, actor!.accountId]);
      await this.notifyScheduled(manager, eventId, toBook.map((a) => a.meetingId));
      return (await this.runRows(manager, `id = $1`, [run.id]))[0];
    });
  }

  /** The job: builds the instance from the database, solves it off-thread, stores a validated draft. */
  async process(runId: string): Promise<void> {
    // TypeORM returns [rows, affected] for an UPDATE … RETURNING.
    const [[claimed]]: [{ event_id: string; seed: number; time_limit_seconds: number | null }[], number] = await this.dataSource.query(
      `UPDATE scheduling_run SET status = 'RUNNING', started_at = now(), error = NULL
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING event_id, seed, time_limit_seconds`,
      [runId],
    );
    if (!claimed) return; // superseded (or already finished) before a worker got to it
    try {
      const locks: { meeting_id: string; slot_id: string; table_number: number }[] = await this.dataSource.query(
        `SELECT meeting_id, slot_id, table_number FROM scheduling_run_assignment WHERE run_id = $1 AND locked`,
        [runId],
      );
      const input = await this.loadInput(claimed.event_id, new Map(locks.map((l) => [l.meeting_id, { slotId: l.slot_id, tableNumber: l.table_number }])));
      const bound = computeUpperBoundDetail(input.instance).bound;
      await this.dataSource.query(`UPDATE scheduling_run SET meetings_total = $2, upper_bound = $3, progress_at = now() WHERE id = $1`, [
        runId,
        input.instance.meetings.length,
        bound,
      ]);
      const solution = await this.solve(runId, input.instance, claimed.seed, claimed.time_limit_seconds);
      const violations = validateSolution(input.instance, solution);
      // Never store an invalid draft.
      if (violations.length) throw new Error(`The scheduler produced an invalid schedule: ${violations.slice(0, 3).map((v) => v.message).join('; ')}`);
      await this.storeDraft(runId, input, solution, bound);
    } catch (error) {
      this.logger.error({ err: error, runId }, 'scheduling run failed');
      await this.dataSource.query(
        `UPDATE scheduling_run SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1 AND status = 'RUNNING'`,
        [runId, error instanceof Error ? error.message.slice(0, 1000) : String(error)],
      );
    }
  }

  private solve(runId: string, instance: SchedulingInstance, seed: number, timeLimitSeconds: number | null): Promise<SchedulingSolution> {
    if (instance.meetings.length === 0) {
      return Promise.resolve({ instance: instance.name, assignments: [], upperBound: 0, stats: { placed: 0, weight: 0, unplacedParticipants: 0, timeMs: 0 } });
    }
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./scheduling-run.thread.js', import.meta.url), {
        workerData: { instance, seed, timeLimitMs: timeLimitSeconds ? timeLimitSeconds * 1000 : undefined },
      });
      let writing = false;
      let done = false;
      worker.on('message', (message: { type: 'progress'; progress: ScheduleProgress } | { type: 'done'; solution: SchedulingSolution }) => {
        if (message.type === 'done') {
          done = true;
          resolve(message.solution);
          return;
        }
        // One progress write at a time; a tick that finds one in flight is skipped.
        if (writing) return;
        writing = true;
        const p = message.progress;
        this.dataSource
          .query(
            `UPDATE scheduling_run SET placed = $2, weight = $3, upper_bound = $4, elapsed_ms = $5, iterations = $6, progress_at = now()
              WHERE id = $1 AND status = 'RUNNING'`,
            [runId, p.placed, p.weight, p.upperBound, Math.round(p.elapsedMs), p.iterations],
          )
          .catch((error) => this.logger.warn({ err: error, runId }, 'could not record scheduling progress'))
          .finally(() => (writing = false));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!done) reject(new Error(`The scheduler thread stopped (exit code ${code}).`));
      });
    });
  }

  private async storeDraft(runId: string, input: LoadedInput, solution: SchedulingSolution, bound: number): Promise<void> {
    const { instance, maps, names } = input;
    const score = scoreSolution(instance, solution);
    const explanations = explainUnplaced(instance, solution);
    await this.dataSource.transaction(async (manager) => {
      const [run]: { status: string }[] = await manager.query(`SELECT status FROM scheduling_run WHERE id = $1 FOR UPDATE`, [runId]);
      if (run?.status !== SchedulingRunStatus.RUNNING) return; // superseded while it ran
      await manager.query(`DELETE FROM scheduling_run_assignment WHERE run_id = $1`, [runId]);
      await manager.query(`DELETE FROM scheduling_run_unplaced WHERE run_id = $1`, [runId]);
      const a = solution.assignments;
      if (a.length) {
        await manager.query(
          `INSERT INTO scheduling_run_assignment (run_id, meeting_id, slot_id, table_number, locked, booked)
           SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::boolean[], $6::boolean[])`,
          [
            runId,
            a.map((x) => maps.meetingIds[x.meeting]),
            a.map((x) => maps.slotIds[x.slot]),
            a.map((x) => x.table + 1),
            a.map((x) => maps.booked[x.meeting] || maps.draftLocked[x.meeting]),
            a.map((x) => maps.booked[x.meeting]),
          ],
        );
      }
      if (explanations.length) {
        await manager.query(
          `INSERT INTO scheduling_run_unplaced (run_id, meeting_id, reason, message, common_slots)
           SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[])`,
          [
            runId,
            explanations.map((e) => maps.meetingIds[e.meeting]),
            explanations.map((e) => e.reason),
            explanations.map((e) => this.reasonInWords(e.reason, e.participants.map((p) => names.get(maps.accountIds[p]) ?? 'someone'), e.commonSlots.length, input)),
            explanations.map((e) => e.commonSlots.length),
          ],
        );
      }
      await manager.query(
        `UPDATE scheduling_run SET status = 'DRAFT', placed = $2, weight = $3, people_with_none = $4, upper_bound = $5,
                elapsed_ms = $6, iterations = $7, meetings_total = $8, progress_at = now(), finished_at = now()
          WHERE id = $1`,
        [runId, score.placed, score.weight, score.unplacedParticipants, bound, Math.round(Number(solution.stats?.timeMs ?? 0)), Number(solution.stats?.iterations ?? 0), instance.meetings.length],
      );
    });
  }

  private reasonInWords(reason: UnplacedReason, people: string[], commonSlots: number, input: LoadedInput): string {
    const both = people.join(' and ');
    switch (reason) {
      case 'NO_COMMON_FREE_SLOT':
        return `No common free slot: ${both} are never free at the same time (agenda commitments or blocked times).`;
      case 'PARTICIPANT_LIMIT_REACHED':
        return `Limit reached: ${both} already ${people.length > 1 ? 'have' : 'has'} the maximum of ${input.data.maxMeetings} meetings.`;
      case 'TABLES_FULL_IN_COMMON_SLOTS':
        return `Tables full: every table is taken in the ${commonSlots} slot${commonSlots === 1 ? '' : 's'} where both are free.`;
      case 'PARTICIPANT_BUSY_IN_COMMON_SLOTS':
        return `Busy: in every common free slot with a free table, ${people.join(' or ')} already has another meeting.`;
    }
  }

  /**
   * The draft's own places plus every meeting booked in the database now (which may have changed
   * since the run): validating that names the real clash, not a stale copy of a booking.
   */
  private withCurrentBookings(input: LoadedInput, assignments: { meetingId: string; slotId: string; tableNumber: number; booked: boolean }[]) {
    const booked = input.data.meetings.flatMap((m) => (m.slotId && m.tableNumber ? [{ meetingId: m.id, slotId: m.slotId, tableNumber: m.tableNumber }] : []));
    const bookedIds = new Set(booked.map((b) => b.meetingId));
    const own: { meetingId: string; slotId: string; tableNumber: number }[] = assignments.filter((a) => !a.booked && !bookedIds.has(a.meetingId));
    return own.concat(booked);
  }

  /** validateSolution on the draft (with a change), mapped to the same coded errors as a booking. */
  private checkDraft(
    input: LoadedInput,
    assignments: { meetingId: string; slotId: string; tableNumber: number }[],
    movedMeetingId: string | null,
    movedSlot: { id: string; startsAt: Date } | null,
  ): void {
    const { solution, missing } = draftAsSolution(input.instance, input.maps, assignments);
    if (missing.length) throw SchedulingRunException.outdated('A meeting of the draft was cancelled or its slot removed.', { meetingId: missing[0] });
    const violations = validateSolution(input.instance, solution);
    if (!violations.length) return;
    const movedIndex = movedMeetingId ? input.maps.meetingIds.indexOf(movedMeetingId) : -1;
    const rank = ['PARTICIPANT_UNAVAILABLE', 'PARTICIPANT_DOUBLE_BOOKED', 'TABLE_DOUBLE_BOOKED', 'MAX_MEETINGS_EXCEEDED'];
    const order = (v: Violation) => (rank.includes(v.code) ? rank.indexOf(v.code) : rank.length);
    const ordered = [...violations].sort((a, b) => order(a) - order(b));
    const own = ordered.find((v) => v.meeting === movedIndex || (movedSlot && v.slot === input.maps.slotIds.indexOf(movedSlot.id))) ?? ordered[0];
    throw this.violationError(own, input, assignments);
  }

  private violationError(v: Violation, input: LoadedInput, assignments: { meetingId: string; slotId: string; tableNumber: number }[]): Error {
    const { maps, names, data } = input;
    const slotId = v.slot !== undefined ? maps.slotIds[v.slot] : undefined;
    const slot = data.slots.find((s) => s.id === slotId) ?? null;
    const accountId = v.participant !== undefined ? maps.accountIds[v.participant] : undefined;
    const name = (accountId && names.get(accountId)) || 'A participant';
    if (slot && accountId && v.code === 'PARTICIPANT_DOUBLE_BOOKED') return MatchmakingException.participantBusy(name, accountId, slot);
    if (slot && accountId && v.code === 'PARTICIPANT_UNAVAILABLE') return MatchmakingException.unavailable(name, accountId, input.reasons.get(accountId)?.get(slot.id) ?? 'not available', slot);
    if (accountId && v.code === 'MAX_MEETINGS_EXCEEDED') return MatchmakingException.limitReached(name, data.maxMeetings);
    if (slot && v.code === 'TABLE_DOUBLE_BOOKED') {
      const meetingId = v.meeting !== undefined ? maps.meetingIds[v.meeting] : undefined;
      const table = assignments.find((a) => a.meetingId === meetingId && a.slotId === slot.id)?.tableNumber ?? 0;
      return MatchmakingException.tableTaken(table, slot);
    }
    return SchedulingRunException.outdated(v.message, { code: v.code });
  }

  private publishConflict(error: unknown, input: LoadedInput): unknown {
    const detail = String((error as { driverError?: { detail?: string } }).driverError?.detail ?? '');
    const slotOf = (id: string | undefined) => input.data.slots.find((s) => s.id === id) ?? { id: id ?? '', startsAt: new Date(0) };
    if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'meeting_slot_table_key')) {
      const match = /=\(([0-9a-f-]{36}),\s*(\d+)\)/.exec(detail);
      return MatchmakingException.tableTaken(Number(match?.[2] ?? 0), slotOf(match?.[1]));
    }
    if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'meeting_participant_slot_account_key')) {
      const match = /=\(([0-9a-f-]{36}),\s*([0-9a-f-]{36})\)/.exec(detail);
      const accountId = match?.[2] ?? '';
      return MatchmakingException.participantBusy(input.names.get(accountId) ?? 'A participant', accountId, slotOf(match?.[1]));
    }
    return error;
  }

  private async notifyScheduled(manager: EntityManager, eventId: string, meetingIds: string[]): Promise<void> {
    if (!meetingIds.length) return;
    const rows: {
      id: string; revision: number; table_number: number; table_name: string | null; starts_at: Date; ends_at: Date;
      requester_id: string; recipient_id: string; requester_name: string; recipient_name: string;
    }[] = await manager.query(
      `SELECT m.id, m.revision, m.table_number, ms.table_names[m.table_number] AS table_name, s.starts_at, s.ends_at,
              m.requester_id, m.recipient_id, ra.name AS requester_name, ca.name AS recipient_name
         FROM meeting m
         JOIN meeting_slot s ON s.id = m.slot_id
         JOIN account ra ON ra.id = m.requester_id
         JOIN account ca ON ca.id = m.recipient_id
         LEFT JOIN matchmaking_settings ms ON ms.event_id = m.event_id
        WHERE m.id = ANY($1::uuid[])`,
      [meetingIds],
    );
    for (const m of rows) {
      const sides = [
        [m.requester_id, m.recipient_name],
        [m.recipient_id, m.requester_name],
      ] as const;
      for (const [recipientAccountId, withWhom] of sides) {
        await this.notifications.notify(manager, {
          kind: NotificationKind.MEETING_SCHEDULED,
          eventId,
          recipientAccountId,
          subjectItem: { type: 'meeting', id: m.id, revision: m.revision },
          data: {
            withWhom,
            startsAt: m.starts_at,
            endsAt: m.ends_at,
            tableNumber: m.table_number,
            location: m.table_name?.trim() || `Table ${m.table_number}`,
          },
        });
      }
    }
  }

  /** Everything a run (or a check of a draft) needs, read outside any transaction. */
  private async loadInput(eventId: string, locks: SchedulingInputData['locks']): Promise<LoadedInput> {
    const settings = await this.settings.forEvent(eventId);
    const slots = await this.settings.slots(eventId);
    const meetings: { id: string; requester_id: string; recipient_id: string; priority: number | null; slot_id: string | null; table_number: number | null }[] =
      await this.dataSource.query(
        `SELECT m.id, m.requester_id, m.recipient_id, r.priority, m.slot_id, m.table_number
           FROM meeting m LEFT JOIN meeting_request r ON r.id = m.request_id
          WHERE m.event_id = $1 AND m.status = 'CONFIRMED'
          ORDER BY m.created_at, m.id`,
        [eventId],
      );
    const accountIds = [...new Set(meetings.flatMap((m) => [m.requester_id, m.recipient_id]))];
    const commitments = await this.availability.commitments(eventId, accountIds);
    const unavailability = await this.availability.unavailability(eventId, accountIds, slots, this.dataSource.manager, commitments);
    const nameRows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM account WHERE id = ANY($1::uuid[])`, [accountIds]);
    const data: SchedulingInputData = {
      eventId,
      slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt })),
      tableCount: settings.tableCount,
      maxMeetings: settings.maxMeetingsPerParticipant,
      meetings: meetings.map((m) => ({
        id: m.id,
        requesterId: m.requester_id,
        recipientId: m.recipient_id,
        priority: m.priority,
        slotId: m.slot_id,
        tableNumber: m.table_number,
      })),
      unavailable: new Map([...unavailability].map(([accountId, slotMap]) => [accountId, new Set(slotMap.keys())])),
      locks,
    };
    const { instance, maps } = buildSchedulingInstance(data);
    const reasons = new Map([...unavailability].map(([accountId, slotMap]) => [accountId, new Map([...slotMap].map(([slotId, u]) => [slotId, u.reason]))]));
    return { data, instance, maps, names: new Map(nameRows.map((r) => [r.id, r.name])), reasons };
  }

  private async refreshStats(manager: EntityManager, runId: string, input: LoadedInput, assignments: { meetingId: string; slotId: string; tableNumber: number }[]) {
    const { solution } = draftAsSolution(input.instance, input.maps, assignments);
    const score = scoreSolution(input.instance, solution);
    await manager.query(`UPDATE scheduling_run SET placed = $2, weight = $3, people_with_none = $4 WHERE id = $1`, [runId, score.placed, score.weight, score.unplacedParticipants]);
  }

  private async storedAssignments(manager: EntityManager, runId: string) {
    const rows: { meeting_id: string; slot_id: string; table_number: number; locked: boolean; booked: boolean }[] = await manager.query(
      `SELECT meeting_id, slot_id, table_number, locked, booked FROM scheduling_run_assignment WHERE run_id = $1`,
      [runId],
    );
    return rows.map((r) => ({ meetingId: r.meeting_id, slotId: r.slot_id, tableNumber: r.table_number, locked: r.locked, booked: r.booked }));
  }

  private async draftMeeting(manager: EntityManager, runId: string, meetingId: string): Promise<{ placed: boolean; booked: boolean }> {
    if (!isUuid(meetingId)) throw SchedulingRunException.meetingNotInDraft(meetingId);
    const [row]: { placed: boolean; booked: boolean }[] = await manager.query(
      `SELECT true AS placed, booked FROM scheduling_run_assignment WHERE run_id = $1 AND meeting_id = $2
       UNION ALL SELECT false, false FROM scheduling_run_unplaced WHERE run_id = $1 AND meeting_id = $2`,
      [runId, meetingId],
    );
    if (!row) throw SchedulingRunException.meetingNotInDraft(meetingId);
    return row;
  }

  private async requireDraft(manager: EntityManager, eventId: string, expectedId?: string): Promise<SchedulingRunView> {
    const [run] = await this.runRows(manager, `event_id = $1 AND status = 'DRAFT'`, [eventId]);
    if (!run) throw SchedulingRunException.noDraft();
    if (expectedId && run.id !== expectedId) throw SchedulingRunException.notDraft(expectedId, SchedulingRunStatus.SUPERSEDED);
    return run;
  }

  /** Runs of one event change one at a time (start, move, lock, publish). */
  private async lockEvent(manager: EntityManager, eventId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('scheduling-run:' || $1))`, [eventId]);
  }

  private async runRows(manager: EntityManager, where: string, params: unknown[]): Promise<SchedulingRunView[]> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT ${RUN_COLUMNS} FROM scheduling_run WHERE ${where}`, params);
    return rows.map((r) => ({
      id: r.id as string,
      eventId: r.event_id as string,
      status: r.status as SchedulingRunStatus,
      seed: r.seed as number,
      timeLimitSeconds: r.time_limit_seconds as number | null,
      meetingsTotal: r.meetings_total as number,
      placed: r.placed as number | null,
      upperBound: r.upper_bound as number | null,
      weight: r.weight as number | null,
      peopleWithNone: r.people_with_none as number | null,
      elapsedMs: r.elapsed_ms as number | null,
      iterations: r.iterations === null ? null : Number(r.iterations),
      error: r.error as string | null,
      createdAt: r.created_at as Date,
      startedAt: r.started_at as Date | null,
      progressAt: r.progress_at as Date | null,
      finishedAt: r.finished_at as Date | null,
      publishedAt: r.published_at as Date | null,
    }));
  }
}
