import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Files outlive their rows only until the next sweep: every deleted material version — by a
 * speaker, or by cascade when its session or event goes — leaves its storage key here, written
 * by a trigger in the deleting transaction (so a rollback leaves no entry and a commit cannot
 * lose one). The materials file sweeper deletes the stored file, then the entry.
 */
export class MaterialFileSweep1764087500000 implements MigrationInterface {
  name = 'MaterialFileSweep1764087500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE material_file_garbage (
        storage_key text PRIMARY KEY,
        queued_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX material_file_garbage_queued ON material_file_garbage (queued_at)`);
    await db.query(`
      CREATE FUNCTION material_version_file_garbage() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO material_file_garbage (storage_key) VALUES (OLD.storage_key) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER material_version_file_garbage AFTER DELETE ON material_version
        FOR EACH ROW EXECUTE FUNCTION material_version_file_garbage()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER material_version_file_garbage ON material_version`);
    await db.query(`DROP FUNCTION material_version_file_garbage()`);
    await db.query(`DROP TABLE material_file_garbage`);
  }
}
