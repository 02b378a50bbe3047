import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Accounts, organisations, events and who takes part in which event with which role. */
export class Foundation1764086400000 implements MigrationInterface {
  name = 'Foundation1764086400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        type         text NOT NULL CHECK (type IN ('CLUSTER', 'SME', 'LARGE_COMPANY', 'RESEARCH', 'PUBLIC_AUTHORITY', 'INVESTOR', 'OTHER')),
        country      char(2) CHECK (country ~ '^[A-Z]{2}$'),
        region       text,
        website      text,
        description  text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // One organisation per name and country, whatever the case: imports reuse it.
    await db.query(`CREATE UNIQUE INDEX organisation_name_country_key ON organisation (lower(name), coalesce(country, ''))`);

    await db.query(`
      CREATE TABLE account (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email            text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        password_hash    text,
        organisation_id  uuid REFERENCES organisation (id) ON DELETE SET NULL,
        job_title        text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX account_email_key ON account (lower(email))`);
    await db.query(`CREATE INDEX account_organisation_idx ON account (organisation_id)`);

    await db.query(`
      CREATE TABLE event (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug               text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
        name               text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description        text,
        venue              text,
        address            text,
        time_zone          text NOT NULL,
        starts_on          date NOT NULL,
        ends_on            date NOT NULL,
        status             text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        requires_approval  boolean NOT NULL DEFAULT false,
        matchmaking        jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_slug_key UNIQUE (slug),
        CONSTRAINT event_dates_check CHECK (ends_on >= starts_on)
      )`);
    await db.query(`CREATE INDEX event_status_starts_idx ON event (status, starts_on)`);

    await db.query(`
      CREATE TABLE participation (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id    uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        role        text NOT NULL CHECK (role IN ('ORGANISER', 'SPEAKER', 'PARTICIPANT')),
        status      text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'CANCELLED')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT participation_event_account_key UNIQUE (event_id, account_id)
      )`);
    await db.query(`CREATE INDEX participation_account_idx ON participation (account_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE participation`);
    await db.query(`DROP TABLE event`);
    await db.query(`DROP TABLE account`);
    await db.query(`DROP TABLE organisation`);
  }
}
