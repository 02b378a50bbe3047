import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A video link on a one-to-one meeting, for a partner who joins remotely (hybrid events); the
 * table stays booked for the one on site. The CHECK keeps it an https URL without white space,
 * at most 2,000 characters, whatever path writes the row.
 *
 * The calendar revision (iCal SEQUENCE) now also grows when the link changes, so a calendar that
 * imported the meeting replaces its copy (same body as in the calendar migration, one more
 * condition; `down` puts the previous body back).
 */
export class MeetingOnlineLink1764088200000 implements MigrationInterface {
  name = 'MeetingOnlineLink1764088200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE meeting ADD COLUMN online_url text
        CONSTRAINT meeting_online_url_check CHECK (online_url ~ '^https://[^\\s]+$' AND length(online_url) <= 2000)`);
    await db.query(`
      CREATE OR REPLACE FUNCTION meeting_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.slot_id IS DISTINCT FROM OLD.slot_id OR NEW.table_number IS DISTINCT FROM OLD.table_number
           OR NEW.status IS DISTINCT FROM OLD.status OR NEW.online_url IS DISTINCT FROM OLD.online_url THEN
          NEW.revision := OLD.revision + 1;
          NEW.revised_at := now();
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION meeting_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.slot_id IS DISTINCT FROM OLD.slot_id OR NEW.table_number IS DISTINCT FROM OLD.table_number
           OR NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.revision := OLD.revision + 1;
          NEW.revised_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`ALTER TABLE meeting DROP COLUMN online_url`);
  }
}
