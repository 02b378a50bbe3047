import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Security: request budgets shared by every API process (one row per key and fixed window,
 * bumped with a single upsert), the back-off after failed logins, the token version that
 * revokes all of an account's tokens at once, and the audit log of changes to events.
 */
export class Security1764086800000 implements MigrationInterface {
  name = 'Security1764086800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limit_counter (
        key             text PRIMARY KEY CHECK (length(key) <= 200),
        window_ends_at  timestamptz NOT NULL,
        hits            integer NOT NULL CHECK (hits >= 0)
      )`);
    // Lets the occasional clean-up find expired windows without a full scan.
    await db.query(`CREATE INDEX rate_limit_counter_expiry_idx ON rate_limit_counter (window_ends_at)`);

    await db.query(`
      CREATE TABLE login_failure (
        key              text PRIMARY KEY CHECK (length(key) <= 200),
        failures         integer NOT NULL CHECK (failures > 0),
        last_failure_at  timestamptz NOT NULL,
        locked_until     timestamptz
      )`);

    // Bumped by "revoke all my tokens"; a token carries the version it was issued under.
    await db.query(`ALTER TABLE account ADD COLUMN token_version integer NOT NULL DEFAULT 0 CHECK (token_version >= 0)`);

    await db.query(`
      CREATE TABLE audit_log (
        id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id          uuid REFERENCES event (id) ON DELETE CASCADE,
        actor_account_id  uuid REFERENCES account (id) ON DELETE SET NULL,
        action            text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{1,79}$'),
        target_type       text CHECK (length(target_type) <= 80),
        target_id         text CHECK (length(target_id) <= 200),
        details           jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
        at                timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_event_idx ON audit_log (event_id, id DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_account_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`ALTER TABLE account DROP COLUMN token_version`);
    await db.query(`DROP TABLE login_failure`);
    await db.query(`DROP TABLE rate_limit_counter`);
  }
}
