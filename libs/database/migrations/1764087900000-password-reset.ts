import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Links that set a new password: for someone who forgot theirs, and for people an organiser
 * imported (who have none yet). Only the SHA-256 of a link's token is kept; a link works once,
 * for an hour, and asking again retires the earlier ones.
 */
export class PasswordReset1764087900000 implements MigrationInterface {
  name = 'PasswordReset1764087900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_reset (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        token_hash  text NOT NULL CONSTRAINT password_reset_token_key UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        CONSTRAINT password_reset_expiry_check CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX password_reset_account_idx ON password_reset (account_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_reset`);
  }
}
