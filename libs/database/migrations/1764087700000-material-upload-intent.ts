import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An upload writes its file first and its row second, so a process that dies in between used to
 * leave a file nothing refers to. Now the key is queued for sweeping before a byte is stored, with
 * `sweep_after` a day ahead (longer than any upload takes); the transaction that writes the
 * version row takes the entry out again. A crash leaves the entry, and the sweep after that day
 * deletes the file. Keys queued by deletions (the trigger of 1764087500000) are due at once.
 */
export class MaterialUploadIntent1764087700000 implements MigrationInterface {
  name = 'MaterialUploadIntent1764087700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE material_file_garbage ADD COLUMN sweep_after timestamptz NOT NULL DEFAULT now()`);
    await db.query(`DROP INDEX material_file_garbage_queued`);
    await db.query(`CREATE INDEX material_file_garbage_due ON material_file_garbage (sweep_after)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX material_file_garbage_due`);
    await db.query(`CREATE INDEX material_file_garbage_queued ON material_file_garbage (queued_at)`);
    await db.query(`ALTER TABLE material_file_garbage DROP COLUMN sweep_after`);
  }
}
