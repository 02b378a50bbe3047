import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Suspended accounts: a platform administrator can suspend an account; while `suspended_at` is
 * set, TokenService.verify refuses its tokens (same primary-key lookup as token_version) and
 * login refuses it.
 */
export class Suspension1764087400000 implements MigrationInterface {
  name = 'Suspension1764087400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account ADD COLUMN suspended_at timestamptz, ADD COLUMN suspended_reason text`);
    // A reason only while suspended, and never an empty or unbounded one.
    await db.query(`
      ALTER TABLE account ADD CONSTRAINT account_suspension_check
        CHECK ((suspended_at IS NULL AND suspended_reason IS NULL)
            OR (suspended_at IS NOT NULL AND length(suspended_reason) BETWEEN 1 AND 500))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account DROP CONSTRAINT account_suspension_check, DROP COLUMN suspended_reason, DROP COLUMN suspended_at`);
  }
}
