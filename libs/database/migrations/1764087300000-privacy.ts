import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Privacy: the consents people gave (what, when, which wording version) and each event's
 * personal-data retention period, after which a scheduled job anonymises the event.
 */
export class Privacy1764087300000 implements MigrationInterface {
  name = 'Privacy1764087300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consents (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id       uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        -- NULL for the account's own consent; the event for an event registration.
        event_id         uuid REFERENCES event (id) ON DELETE CASCADE,
        purpose          text NOT NULL CHECK (purpose IN ('ACCOUNT', 'EVENT_REGISTRATION')),
        wording_version  text NOT NULL CHECK (length(wording_version) BETWEEN 1 AND 50),
        given_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consents_event_purpose_check CHECK ((purpose = 'ACCOUNT') = (event_id IS NULL))
      )`);
    await db.query(`CREATE INDEX consents_account_idx ON consents (account_id)`);
    await db.query(`CREATE INDEX consents_event_idx ON consents (event_id) WHERE event_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE event_retention (
        event_id        uuid PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
        retention_days  integer NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
        anonymised_at   timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // Erased accounts: kept (with a tombstone name) so meetings and participations stay countable.
    await db.query(`ALTER TABLE account ADD COLUMN erased_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account DROP COLUMN erased_at`);
    await db.query(`DROP TABLE event_retention`);
    await db.query(`DROP TABLE consents`);
  }
}
