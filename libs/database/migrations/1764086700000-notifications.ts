import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Notifications: the delivery log (one row per message, unique idempotency key), reminder rules
 * and editable templates per event, and people's unsubscribes. The job queue itself lives in the
 * `pgboss` schema, which pg-boss creates and migrates when it starts.
 */
export class Notifications1764086700000 implements MigrationInterface {
  name = 'Notifications1764086700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_delivery (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key       text NOT NULL CHECK (length(idempotency_key) <= 500),
        event_id              uuid REFERENCES event (id) ON DELETE CASCADE,
        kind                  text NOT NULL,
        essential             boolean NOT NULL,
        recipient_account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        recipient_email       text,
        subject_type          text NOT NULL,
        subject_id            text NOT NULL,
        subject_revision      bigint NOT NULL DEFAULT 0,
        message_id            text NOT NULL,
        data                  jsonb NOT NULL DEFAULT '{}'::jsonb,
        ics                   text,
        ics_method            text CHECK (ics_method IN ('REQUEST', 'CANCEL', 'PUBLISH')),
        status                text NOT NULL DEFAULT 'PENDING'
                              CHECK (status IN ('PENDING', 'SENDING', 'RETRYING', 'SENT', 'FAILED', 'SKIPPED')),
        attempts              integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error            text,
        subject               text,
        job_id                uuid,
        lease_until           timestamptz,
        sent_at               timestamptz,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_delivery_idempotency_key UNIQUE (idempotency_key),
        CONSTRAINT notification_delivery_ics_check CHECK ((ics IS NULL) = (ics_method IS NULL))
      )`);
    await db.query(`CREATE INDEX notification_delivery_event_idx ON notification_delivery (event_id, created_at DESC, id)`);
    await db.query(`CREATE INDEX notification_delivery_recipient_idx ON notification_delivery (recipient_account_id)`);
    // The sweep looks for unfinished deliveries whose job went missing.
    await db.query(`
      CREATE INDEX notification_delivery_unfinished_idx ON notification_delivery (updated_at)
      WHERE status IN ('PENDING', 'SENDING', 'RETRYING')`);

    await db.query(`
      CREATE TABLE reminder_rule (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id          uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        kind              text NOT NULL CHECK (kind IN ('MEETING', 'SESSION_ATTENDING', 'SESSION_SPEAKING', 'MATCHMAKING_OPENS', 'MATCHMAKING_CLOSES')),
        offset_minutes    integer NOT NULL CHECK (offset_minutes BETWEEN 0 AND 20160),
        subject_template  text NOT NULL CHECK (length(btrim(subject_template)) BETWEEN 1 AND 300),
        body_template     text NOT NULL CHECK (length(body_template) BETWEEN 1 AND 20000),
        enabled           boolean NOT NULL DEFAULT true,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_rule_event_kind_offset_key UNIQUE (event_id, kind, offset_minutes)
      )`);

    await db.query(`
      CREATE TABLE notification_template (
        event_id          uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        kind              text NOT NULL,
        subject_template  text NOT NULL CHECK (length(btrim(subject_template)) BETWEEN 1 AND 300),
        body_template     text NOT NULL CHECK (length(body_template) BETWEEN 1 AND 20000),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, kind)
      )`);

    // An unsubscribe from one optional kind, in every event; essential kinds are never stored.
    await db.query(`
      CREATE TABLE notification_preference (
        account_id        uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        kind              text NOT NULL,
        unsubscribed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, kind)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_preference`);
    await db.query(`DROP TABLE notification_template`);
    await db.query(`DROP TABLE reminder_rule`);
    await db.query(`DROP TABLE notification_delivery`);
  }
}
