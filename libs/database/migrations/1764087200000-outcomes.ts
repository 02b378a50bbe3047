import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Meeting outcomes: attendance marks (each side and organisers), check-in at the event, first-round
 * feedback, follow-up rounds months later with their answers, and a view that turns the marks
 * into one attendance verdict per meeting (what the reports count).
 *
 * A trigger makes sure feedback and follow-up answers come from one of the two people of the
 * meeting, so no code path can file feedback for a stranger.
 */
export class Outcomes1764087200000 implements MigrationInterface {
  name = 'Outcomes1764087200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE meeting_attendance (
        meeting_id   uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        reporter_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        by_organiser boolean NOT NULL,
        status       text NOT NULL CHECK (status IN ('HELD', 'NO_SHOW')),
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, reporter_id)
      )`);

    // One verdict per meeting: an organiser's latest mark wins; otherwise the sides' marks
    // (HELD, NO_SHOW, or DISPUTED when they disagree).
    await db.query(`
      CREATE VIEW meeting_attendance_verdict AS
      SELECT meeting_id,
             coalesce(
               (array_agg(status ORDER BY updated_at DESC) FILTER (WHERE by_organiser))[1],
               CASE WHEN bool_or(status = 'HELD') AND bool_or(status = 'NO_SHOW') THEN 'DISPUTED'
                    WHEN bool_or(status = 'HELD') THEN 'HELD' ELSE 'NO_SHOW' END
             ) AS verdict
        FROM meeting_attendance GROUP BY meeting_id`);

    await db.query(`
      CREATE TABLE event_check_in (
        event_id       uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        account_id     uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        checked_in_by  uuid REFERENCES account (id) ON DELETE SET NULL,
        checked_in_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, account_id)
      )`);

    await db.query(`
      CREATE TABLE meeting_feedback (
        meeting_id        uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        account_id        uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        rating            smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        expected_outcome  text NOT NULL CHECK (expected_outcome IN ('NONE', 'INFORMATION_EXCHANGE', 'FOLLOW_UP_PLANNED', 'PROJECT_IDEA', 'PARTNERSHIP_LIKELY', 'INVESTMENT_INTEREST')),
        note              text CHECK (length(note) <= 4000),
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, account_id)
      )`);

    await db.query(`
      CREATE TABLE follow_up_round (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id    uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        number      smallint NOT NULL CHECK (number >= 2),
        opens_at    timestamptz NOT NULL,
        closes_at   timestamptz NOT NULL,
        message     text CHECK (length(message) <= 4000),
        created_by  uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_up_round_number_key UNIQUE (event_id, number),
        CONSTRAINT follow_up_round_times_check CHECK (closes_at > opens_at)
      )`);

    await db.query(`
      CREATE TABLE follow_up_answer (
        round_id    uuid NOT NULL REFERENCES follow_up_round (id) ON DELETE CASCADE,
        meeting_id  uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        result      text NOT NULL CHECK (result IN ('NEGOTIATION_STARTED', 'AGREEMENT_SIGNED', 'JOINT_PROJECT_PROPOSAL', 'NOTHING')),
        comment     text CHECK (length(comment) <= 4000),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, meeting_id, account_id)
      )`);
    await db.query(`CREATE INDEX follow_up_answer_meeting_idx ON follow_up_answer (meeting_id)`);

    // Feedback and answers only from the two people of the meeting (and a round of its event).
    await db.query(`
      CREATE FUNCTION outcome_check_meeting_side() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE m meeting%ROWTYPE;
      BEGIN
        SELECT * INTO m FROM meeting WHERE id = NEW.meeting_id;
        IF NEW.account_id <> m.requester_id AND NEW.account_id <> m.recipient_id THEN
          RAISE EXCEPTION 'account % is not a side of meeting %', NEW.account_id, NEW.meeting_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'outcome_meeting_side_check';
        END IF;
        -- Nested: NEW.round_id exists only on follow_up_answer, and plpgsql does not short-circuit AND.
        IF TG_TABLE_NAME = 'follow_up_answer' THEN
          IF NOT EXISTS (SELECT 1 FROM follow_up_round r WHERE r.id = NEW.round_id AND r.event_id = m.event_id) THEN
            RAISE EXCEPTION 'round % is not of the meeting''s event', NEW.round_id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'outcome_round_event_check';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER meeting_feedback_side BEFORE INSERT OR UPDATE ON meeting_feedback FOR EACH ROW EXECUTE FUNCTION outcome_check_meeting_side()`);
    await db.query(`CREATE TRIGGER follow_up_answer_side BEFORE INSERT OR UPDATE ON follow_up_answer FOR EACH ROW EXECUTE FUNCTION outcome_check_meeting_side()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE follow_up_answer`);
    await db.query(`DROP TABLE follow_up_round`);
    await db.query(`DROP TABLE meeting_feedback`);
    await db.query(`DROP FUNCTION outcome_check_meeting_side()`);
    await db.query(`DROP TABLE event_check_in`);
    await db.query(`DROP VIEW meeting_attendance_verdict`);
    await db.query(`DROP TABLE meeting_attendance`);
  }
}
