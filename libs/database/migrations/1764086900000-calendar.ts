import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Calendar feeds: one secret feed token per participant and event, and a revision counter on
 * meetings (the iCal SEQUENCE, like agenda_session.revision).
 *
 * Tokens: the feed URL is looked up by the SHA-256 of its 32 random bytes; the token itself is
 * only kept sealed with a key derived from AUTH_SECRET, so a database dump does not hold working
 * feed URLs. A person has at most one live token per event (partial unique index);
 * rotating revokes the old one and inserts a new one in one transaction.
 *
 * Meeting revision: calendar apps only replace their copy of an item when SEQUENCE grows. The
 * trigger bumps it whenever the time (slot), the table or the status changes, and when a booked
 * slot itself is moved, whatever code path writes the row (service, scheduler, raw SQL).
 */
export class Calendar1764086900000 implements MigrationInterface {
  name = 'Calendar1764086900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_feed_token (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id    uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        token_hash  bytea NOT NULL CHECK (length(token_hash) = 32),
        -- The token sealed (AES-256-GCM, key derived from AUTH_SECRET) so its owner can see the
        -- URL again; useless without the application's secret.
        token_sealed bytea NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        revoked_at  timestamptz,
        CONSTRAINT calendar_feed_token_hash_key UNIQUE (token_hash)
      )`);
    await db.query(`CREATE UNIQUE INDEX calendar_feed_token_live_key ON calendar_feed_token (event_id, account_id) WHERE revoked_at IS NULL`);
    await db.query(`CREATE INDEX calendar_feed_token_account_idx ON calendar_feed_token (account_id)`);

    await db.query(`ALTER TABLE meeting ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0)`);
    await db.query(`ALTER TABLE meeting ADD COLUMN revised_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`
      CREATE FUNCTION meeting_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.slot_id IS DISTINCT FROM OLD.slot_id OR NEW.table_number IS DISTINCT FROM OLD.table_number
           OR NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.revision := OLD.revision + 1;
          NEW.revised_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER meeting_bump_revision BEFORE UPDATE ON meeting
        FOR EACH ROW EXECUTE FUNCTION meeting_bump_revision()`);
    await db.query(`
      CREATE FUNCTION meeting_slot_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE meeting SET revision = revision + 1, revised_at = now() WHERE slot_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER meeting_slot_moved AFTER UPDATE OF starts_at, ends_at ON meeting_slot
        FOR EACH ROW WHEN (NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at)
        EXECUTE FUNCTION meeting_slot_moved()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER meeting_slot_moved ON meeting_slot`);
    await db.query(`DROP FUNCTION meeting_slot_moved()`);
    await db.query(`DROP TRIGGER meeting_bump_revision ON meeting`);
    await db.query(`DROP FUNCTION meeting_bump_revision()`);
    await db.query(`ALTER TABLE meeting DROP COLUMN revised_at`);
    await db.query(`ALTER TABLE meeting DROP COLUMN revision`);
    await db.query(`DROP TABLE calendar_feed_token`);
  }
}
