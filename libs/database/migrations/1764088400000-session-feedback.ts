import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Feedback on agenda sessions (talks, panels, round tables): one rating 1–5 and an optional
 * comment per person and session, replaced when given again. Organisers and the session's people
 * see it aggregated and without names (libs/outcomes SessionFeedbackService); the primary key is
 * what keeps concurrent saves of one person to one row.
 */
export class SessionFeedback1764088400000 implements MigrationInterface {
  name = 'SessionFeedback1764088400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE session_feedback (
        session_id  uuid NOT NULL REFERENCES agenda_session (id) ON DELETE CASCADE,
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment     text CHECK (length(comment) <= 2000),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, account_id)
      )`);
    // "My ratings", the person's export and erasure look rows up by account.
    await db.query(`CREATE INDEX session_feedback_account_idx ON session_feedback (account_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE session_feedback`);
  }
}
