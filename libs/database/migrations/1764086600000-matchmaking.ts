import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Matchmaking: per-event settings and the time slots they generate, profiles with marketplace
 * entries, hand-blocked availability, meeting requests and meetings booked into slot + table.
 *
 * The invariants that matter live here: a table holds one meeting per slot (partial unique index
 * on meeting), a person is in at most one meeting per slot (meeting_participant, kept in step
 * with meeting by a trigger, UNIQUE (slot_id, account_id)), and at most one open request per pair.
 * Nothing here depends on the agenda's tables: agenda commitments arrive through a service port.
 */
export class Matchmaking1764086600000 implements MigrationInterface {
  name = 'Matchmaking1764086600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matchmaking_settings (
        event_id                      uuid PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
        meeting_minutes               integer NOT NULL DEFAULT 20 CHECK (meeting_minutes BETWEEN 5 AND 240),
        windows                       jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(windows) = 'array'),
        table_count                   integer NOT NULL DEFAULT 10 CHECK (table_count BETWEEN 1 AND 1000),
        table_names                   text[] NOT NULL DEFAULT '{}',
        max_meetings_per_participant  integer NOT NULL DEFAULT 12 CHECK (max_meetings_per_participant BETWEEN 1 AND 500),
        requests_open_at              timestamptz,
        requests_close_at             timestamptz,
        expire_after_hours            integer CHECK (expire_after_hours BETWEEN 1 AND 8760),
        mode                          text NOT NULL DEFAULT 'PARTICIPANTS_PICK_SLOT'
                                        CHECK (mode IN ('PARTICIPANTS_PICK_SLOT', 'ORGANISER_SCHEDULES')),
        themes                        text[] NOT NULL DEFAULT '{}',
        sectors                       text[] NOT NULL DEFAULT '{}',
        weights                       jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at                    timestamptz NOT NULL DEFAULT now(),
        updated_at                    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT matchmaking_settings_open_close_check CHECK (requests_close_at IS NULL OR requests_open_at IS NULL OR requests_close_at > requests_open_at),
        CONSTRAINT matchmaking_settings_table_names_check CHECK (cardinality(table_names) <= table_count)
      )`);

    await db.query(`
      CREATE TABLE meeting_slot (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id   uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        starts_at  timestamptz NOT NULL,
        ends_at    timestamptz NOT NULL,
        CONSTRAINT meeting_slot_times_check CHECK (ends_at > starts_at),
        CONSTRAINT meeting_slot_event_starts_key UNIQUE (event_id, starts_at),
        -- Target of composite keys, so a meeting can only use a slot of its own event.
        CONSTRAINT meeting_slot_id_event_key UNIQUE (id, event_id)
      )`);

    await db.query(`
      CREATE TABLE matchmaking_profile (
        event_id     uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        account_id   uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        taking_part  boolean NOT NULL DEFAULT true,
        pitch        text CHECK (length(pitch) <= 2000),
        sectors      text[] NOT NULL DEFAULT '{}',
        themes       text[] NOT NULL DEFAULT '{}',
        phone        text CHECK (phone ~ '^\\+?[0-9][0-9 ()./-]{3,29}$'),
        visibility   jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, account_id)
      )`);
    await db.query(`CREATE INDEX matchmaking_profile_themes_idx ON matchmaking_profile USING gin (themes)`);
    await db.query(`CREATE INDEX matchmaking_profile_sectors_idx ON matchmaking_profile USING gin (sectors)`);

    await db.query(`
      CREATE TABLE marketplace_entry (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id     uuid NOT NULL,
        account_id   uuid NOT NULL,
        direction    text NOT NULL CHECK (direction IN ('OFFER', 'SEEK')),
        kind         text NOT NULL CHECK (kind IN ('PRODUCT', 'SERVICE', 'EXPERTISE', 'PROJECT_PARTNERSHIP', 'INVESTMENT', 'POLICY_COOPERATION')),
        title        text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description  text CHECK (length(description) <= 4000),
        tags         text[] NOT NULL DEFAULT '{}',
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (event_id, account_id) REFERENCES matchmaking_profile (event_id, account_id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX marketplace_entry_owner_idx ON marketplace_entry (event_id, account_id)`);

    await db.query(`
      CREATE TABLE availability_block (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id    uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        starts_at   timestamptz NOT NULL,
        ends_at     timestamptz NOT NULL,
        reason      text CHECK (length(reason) <= 200),
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT availability_block_times_check CHECK (ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX availability_block_owner_idx ON availability_block (event_id, account_id)`);

    await db.query(`
      CREATE TABLE meeting_request (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id          uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        requester_id      uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        recipient_id      uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        created_by        uuid REFERENCES account (id) ON DELETE SET NULL,
        status            text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED')),
        message           text CHECK (length(message) <= 2000),
        proposed_slot_id  uuid,
        priority          smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
        decline_reason    text CHECK (length(decline_reason) <= 1000),
        expires_at        timestamptz,
        responded_at      timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_request_not_self_check CHECK (requester_id <> recipient_id),
        CONSTRAINT meeting_request_slot_fkey FOREIGN KEY (proposed_slot_id, event_id)
          REFERENCES meeting_slot (id, event_id) ON DELETE SET NULL (proposed_slot_id)
      )`);
    // One open (pending or accepted) request per pair, whichever side sent it.
    await db.query(`
      CREATE UNIQUE INDEX meeting_request_open_pair_key ON meeting_request
        (event_id, least(requester_id, recipient_id), greatest(requester_id, recipient_id))
        WHERE status IN ('PENDING', 'ACCEPTED')`);
    await db.query(`CREATE INDEX meeting_request_recipient_idx ON meeting_request (event_id, recipient_id, status)`);
    await db.query(`CREATE INDEX meeting_request_requester_idx ON meeting_request (event_id, requester_id, status)`);
    await db.query(`CREATE INDEX meeting_request_expiry_idx ON meeting_request (expires_at) WHERE status = 'PENDING'`);

    await db.query(`
      CREATE TABLE meeting (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id            uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        request_id          uuid NOT NULL REFERENCES meeting_request (id) ON DELETE CASCADE,
        requester_id        uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        recipient_id        uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        status              text NOT NULL DEFAULT 'CONFIRMED' CHECK (status IN ('CONFIRMED', 'CANCELLED')),
        slot_id             uuid,
        table_number        integer CHECK (table_number >= 1),
        locked              boolean NOT NULL DEFAULT false,
        reschedule_slot_id  uuid,
        reschedule_by       uuid REFERENCES account (id) ON DELETE SET NULL,
        cancelled_by        uuid REFERENCES account (id) ON DELETE SET NULL,
        cancel_reason       text CHECK (length(cancel_reason) <= 1000),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_request_key UNIQUE (request_id),
        CONSTRAINT meeting_not_self_check CHECK (requester_id <> recipient_id),
        CONSTRAINT meeting_slot_table_pair_check CHECK ((slot_id IS NULL) = (table_number IS NULL)),
        CONSTRAINT meeting_slot_fkey FOREIGN KEY (slot_id, event_id) REFERENCES meeting_slot (id, event_id),
        CONSTRAINT meeting_reschedule_slot_fkey FOREIGN KEY (reschedule_slot_id, event_id)
          REFERENCES meeting_slot (id, event_id) ON DELETE SET NULL (reschedule_slot_id)
      )`);
    // A table holds at most one meeting per slot.
    await db.query(`CREATE UNIQUE INDEX meeting_slot_table_key ON meeting (slot_id, table_number) WHERE status = 'CONFIRMED' AND slot_id IS NOT NULL`);
    await db.query(`CREATE INDEX meeting_event_idx ON meeting (event_id, status)`);
    await db.query(`CREATE INDEX meeting_requester_idx ON meeting (requester_id)`);
    await db.query(`CREATE INDEX meeting_recipient_idx ON meeting (recipient_id)`);

    // A person is in at most one meeting per slot. Rows are derived from meeting by the trigger
    // below, so no code path can book a person twice, however it writes the meeting.
    await db.query(`
      CREATE TABLE meeting_participant (
        meeting_id  uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        slot_id     uuid NOT NULL REFERENCES meeting_slot (id),
        PRIMARY KEY (meeting_id, account_id),
        CONSTRAINT meeting_participant_slot_account_key UNIQUE (slot_id, account_id)
      )`);
    await db.query(`
      CREATE FUNCTION meeting_sync_participants() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND NEW.slot_id IS NOT DISTINCT FROM OLD.slot_id AND NEW.status = OLD.status
           AND NEW.requester_id = OLD.requester_id AND NEW.recipient_id = OLD.recipient_id THEN
          RETURN NEW;
        END IF;
        DELETE FROM meeting_participant WHERE meeting_id = NEW.id;
        IF NEW.slot_id IS NOT NULL AND NEW.status = 'CONFIRMED' THEN
          INSERT INTO meeting_participant (meeting_id, account_id, slot_id)
          VALUES (NEW.id, NEW.requester_id, NEW.slot_id), (NEW.id, NEW.recipient_id, NEW.slot_id);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER meeting_sync_participants AFTER INSERT OR UPDATE ON meeting
        FOR EACH ROW EXECUTE FUNCTION meeting_sync_participants()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE meeting_participant`);
    await db.query(`DROP TABLE meeting`);
    await db.query(`DROP FUNCTION meeting_sync_participants()`);
    await db.query(`DROP TABLE meeting_request`);
    await db.query(`DROP TABLE availability_block`);
    await db.query(`DROP TABLE marketplace_entry`);
    await db.query(`DROP TABLE matchmaking_profile`);
    await db.query(`DROP TABLE meeting_slot`);
    await db.query(`DROP TABLE matchmaking_settings`);
  }
}
