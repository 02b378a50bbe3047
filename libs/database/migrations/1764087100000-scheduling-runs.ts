import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Organiser scheduler runs (issue 5): a run is a background job that places accepted meetings
 * into slots and tables; its result is a draft (assignments + meetings it could not place) that
 * organisers review, adjust and publish. At most one run per event is active (queued, running
 * or a draft); starting another supersedes it. A draft never writes to `meeting`: publishing
 * does, in one transaction, where meeting's own keys are the guarantee.
 */
export class SchedulingRuns1764087100000 implements MigrationInterface {
  name = 'SchedulingRuns1764087100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scheduling_run (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id            uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        status              text NOT NULL DEFAULT 'QUEUED'
                            CHECK (status IN ('QUEUED', 'RUNNING', 'DRAFT', 'PUBLISHED', 'FAILED', 'SUPERSEDED')),
        seed                integer NOT NULL DEFAULT 1,
        -- null: the library's default budget, which scales with the number of people
        time_limit_seconds  integer CHECK (time_limit_seconds BETWEEN 1 AND 600),
        started_by          uuid REFERENCES account (id) ON DELETE SET NULL,
        previous_run_id     uuid REFERENCES scheduling_run (id) ON DELETE SET NULL,
        job_id              uuid,
        meetings_total      integer NOT NULL DEFAULT 0 CHECK (meetings_total >= 0),
        placed              integer CHECK (placed >= 0),
        upper_bound         integer CHECK (upper_bound >= 0),
        weight              integer CHECK (weight >= 0),
        people_with_none    integer CHECK (people_with_none >= 0),
        elapsed_ms          integer CHECK (elapsed_ms >= 0),
        iterations          bigint,
        error               text,
        created_at          timestamptz NOT NULL DEFAULT now(),
        started_at          timestamptz,
        progress_at         timestamptz,
        finished_at         timestamptz,
        published_at        timestamptz,
        published_by        uuid REFERENCES account (id) ON DELETE SET NULL
      )`);
    // One active run per event: a second start supersedes the first (under an advisory lock).
    await db.query(`CREATE UNIQUE INDEX scheduling_run_active_key ON scheduling_run (event_id) WHERE status IN ('QUEUED', 'RUNNING', 'DRAFT')`);
    await db.query(`CREATE INDEX scheduling_run_event_idx ON scheduling_run (event_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE scheduling_run_assignment (
        run_id        uuid NOT NULL REFERENCES scheduling_run (id) ON DELETE CASCADE,
        meeting_id    uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        slot_id       uuid NOT NULL REFERENCES meeting_slot (id) ON DELETE CASCADE,
        table_number  integer NOT NULL CHECK (table_number >= 1),
        -- Kept in place by the next run (organiser locked or moved it in the draft).
        locked        boolean NOT NULL DEFAULT false,
        -- Already booked in meeting when the run started: publishing leaves it as it is.
        booked        boolean NOT NULL DEFAULT false,
        PRIMARY KEY (run_id, meeting_id),
        CONSTRAINT scheduling_run_assignment_table_key UNIQUE (run_id, slot_id, table_number)
      )`);
    await db.query(`CREATE INDEX scheduling_run_assignment_meeting_idx ON scheduling_run_assignment (meeting_id)`);

    await db.query(`
      CREATE TABLE scheduling_run_unplaced (
        run_id        uuid NOT NULL REFERENCES scheduling_run (id) ON DELETE CASCADE,
        meeting_id    uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        reason        text NOT NULL CHECK (reason IN ('NO_COMMON_FREE_SLOT', 'TABLES_FULL_IN_COMMON_SLOTS',
                                                      'PARTICIPANT_LIMIT_REACHED', 'PARTICIPANT_BUSY_IN_COMMON_SLOTS')),
        message       text NOT NULL,
        common_slots  integer NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, meeting_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scheduling_run_unplaced`);
    await db.query(`DROP TABLE scheduling_run_assignment`);
    await db.query(`DROP TABLE scheduling_run`);
  }
}
