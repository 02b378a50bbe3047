import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A pending meeting request can be changed by its sender (message, proposed slot, priority)
 * instead of withdrawn and sent again. `edit_count` numbers the changes, so each change the
 * recipient is told about is its own message; `edited_at` shows both sides when it last changed.
 */
export class MeetingRequestEdits1764087800000 implements MigrationInterface {
  name = 'MeetingRequestEdits1764087800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE meeting_request
        ADD COLUMN edit_count integer NOT NULL DEFAULT 0 CONSTRAINT meeting_request_edit_count_check CHECK (edit_count >= 0),
        ADD COLUMN edited_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting_request DROP COLUMN edited_at, DROP COLUMN edit_count`);
  }
}
