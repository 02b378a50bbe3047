import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The programme of an event: rooms, tracks, sessions and the people in them, round tables with
 * seats and waiting lists, bookmarks, the change log of published sessions and the outbox of
 * waiting-list promotions.
 *
 * Seats: every seat or place in line is a row of agenda_seat. A trigger keeps a `seated` counter
 * on its round table (or on the session, for sessions with a capacity) and CHECK (seated <= seats)
 * makes an over-full table impossible whatever the application does. The same trigger promotes the
 * first in line (by queue_no, i.e. arrival order) whenever a seat frees up or seats are added, and
 * writes each promotion to agenda_promotion so notifications never miss one.
 */
export class Agenda1764086500000 implements MigrationInterface {
  name = 'Agenda1764086500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agenda_room (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id    uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        capacity    integer CHECK (capacity > 0),
        location    text,
        position    integer NOT NULL DEFAULT 0,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agenda_room_id_event_key UNIQUE (id, event_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX agenda_room_event_name_key ON agenda_room (event_id, lower(name))`);

    await db.query(`
      CREATE TABLE agenda_track (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id    uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        colour      text NOT NULL DEFAULT '#1f6feb' CHECK (colour ~ '^#[0-9a-f]{6}$'),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agenda_track_id_event_key UNIQUE (id, event_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX agenda_track_event_name_key ON agenda_track (event_id, lower(name))`);

    await db.query(`
      CREATE TABLE agenda_session (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id     uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        title        text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        description  text,
        type         text NOT NULL CHECK (type IN ('OPENING', 'PLENARY', 'KEYNOTE', 'PANEL', 'ROUND_TABLE', 'WORKSHOP',
                                                    'MATCHMAKING', 'BREAK', 'NETWORKING', 'SOCIAL')),
        starts_at    timestamptz NOT NULL,
        ends_at      timestamptz NOT NULL,
        room_id      uuid,
        track_id     uuid,
        capacity     integer CHECK (capacity > 0),
        language     text CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
        status       text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')),
        -- Bumped when a session people may have seen changes time, room or status (iCal SEQUENCE).
        revision     integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        -- Seats taken in the session itself (not at its round tables); kept by agenda_seat_changed().
        seated       integer NOT NULL DEFAULT 0,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agenda_session_id_event_key UNIQUE (id, event_id),
        CONSTRAINT agenda_session_time_check CHECK (ends_at > starts_at),
        CONSTRAINT agenda_session_seated_check CHECK (seated >= 0 AND (capacity IS NULL OR seated <= capacity)),
        CONSTRAINT agenda_session_room_fkey FOREIGN KEY (room_id, event_id) REFERENCES agenda_room (id, event_id) ON DELETE RESTRICT,
        CONSTRAINT agenda_session_track_fkey FOREIGN KEY (track_id, event_id) REFERENCES agenda_track (id, event_id) ON DELETE SET NULL (track_id)
      )`);
    await db.query(`CREATE INDEX agenda_session_event_starts_idx ON agenda_session (event_id, starts_at)`);
    await db.query(`CREATE INDEX agenda_session_room_idx ON agenda_session (room_id) WHERE room_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE agenda_session_person (
        session_id  uuid NOT NULL REFERENCES agenda_session (id) ON DELETE CASCADE,
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        role        text NOT NULL CHECK (role IN ('SPEAKER', 'MODERATOR', 'PANELLIST', 'HOST')),
        position    integer NOT NULL CHECK (position >= 0),
        PRIMARY KEY (session_id, account_id)
      )`);
    await db.query(`CREATE INDEX agenda_session_person_account_idx ON agenda_session_person (account_id)`);

    await db.query(`
      CREATE TABLE agenda_round_table (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id       uuid NOT NULL REFERENCES agenda_session (id) ON DELETE CASCADE,
        topic            text NOT NULL CHECK (length(btrim(topic)) BETWEEN 1 AND 300),
        host_account_id  uuid REFERENCES account (id) ON DELETE SET NULL,
        seats            integer NOT NULL CHECK (seats > 0),
        seated           integer NOT NULL DEFAULT 0,
        position         integer NOT NULL DEFAULT 0,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agenda_round_table_id_session_key UNIQUE (id, session_id),
        CONSTRAINT agenda_round_table_seated_check CHECK (seated >= 0 AND seated <= seats)
      )`);
    await db.query(`CREATE INDEX agenda_round_table_session_idx ON agenda_round_table (session_id, position)`);
    await db.query(`CREATE INDEX agenda_round_table_host_idx ON agenda_round_table (host_account_id) WHERE host_account_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE agenda_seat (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id        uuid NOT NULL,
        session_id      uuid NOT NULL,
        round_table_id  uuid,
        account_id      uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        status          text NOT NULL CHECK (status IN ('SEATED', 'WAITING')),
        -- Arrival order: taken while the table (or session) row is locked, so it is the queue order.
        queue_no        bigint GENERATED ALWAYS AS IDENTITY,
        created_at      timestamptz NOT NULL DEFAULT now(),
        seated_at       timestamptz,
        CONSTRAINT agenda_seat_session_fkey FOREIGN KEY (session_id, event_id) REFERENCES agenda_session (id, event_id) ON DELETE CASCADE,
        CONSTRAINT agenda_seat_round_table_fkey FOREIGN KEY (round_table_id, session_id) REFERENCES agenda_round_table (id, session_id) ON DELETE CASCADE,
        -- One seat, or one place in one line, per person per session (round tables included).
        CONSTRAINT agenda_seat_session_account_key UNIQUE (session_id, account_id),
        CONSTRAINT agenda_seat_seated_at_check CHECK ((status = 'SEATED') = (seated_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX agenda_seat_table_queue_idx ON agenda_seat (round_table_id, status, queue_no) WHERE round_table_id IS NOT NULL`);
    await db.query(`CREATE INDEX agenda_seat_session_queue_idx ON agenda_seat (session_id, status, queue_no) WHERE round_table_id IS NULL`);
    await db.query(`CREATE INDEX agenda_seat_account_idx ON agenda_seat (account_id, event_id)`);

    await db.query(`
      CREATE TABLE agenda_bookmark (
        account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        session_id  uuid NOT NULL REFERENCES agenda_session (id) ON DELETE CASCADE,
        event_id    uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, session_id)
      )`);
    await db.query(`CREATE INDEX agenda_bookmark_event_account_idx ON agenda_bookmark (event_id, account_id)`);

    await db.query(`
      CREATE TABLE agenda_session_change (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id  uuid NOT NULL REFERENCES agenda_session (id) ON DELETE CASCADE,
        event_id    uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        revision    integer NOT NULL,
        changed_by  uuid REFERENCES account (id) ON DELETE SET NULL,
        changed_at  timestamptz NOT NULL DEFAULT now(),
        -- {"startsAt": {"old": ..., "new": ...}, "roomId": {...}, "status": {...}}
        changes     jsonb NOT NULL,
        CONSTRAINT agenda_session_change_revision_key UNIQUE (session_id, revision)
      )`);

    await db.query(`
      CREATE TABLE agenda_promotion (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id        uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        session_id      uuid NOT NULL REFERENCES agenda_session (id) ON DELETE CASCADE,
        round_table_id  uuid REFERENCES agenda_round_table (id) ON DELETE CASCADE,
        account_id      uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        promoted_at     timestamptz NOT NULL DEFAULT now(),
        -- Lets the promoting transaction find its own promotions to announce after commit.
        tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
        -- Outbox: null until the in-process event has been emitted.
        published_at    timestamptz
      )`);
    await db.query(`CREATE INDEX agenda_promotion_tx_idx ON agenda_promotion (tx_id)`);
    await db.query(`CREATE INDEX agenda_promotion_unpublished_idx ON agenda_promotion (promoted_at) WHERE published_at IS NULL`);

    // Seats everyone waiting for this table (or session) while seats are free, first come first served.
    await db.query(`
      CREATE FUNCTION agenda_fill_seats(p_session uuid, p_table uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        free integer;
        next_in_line record;
      BEGIN
        LOOP
          IF p_table IS NOT NULL THEN
            SELECT seats - seated INTO free FROM agenda_round_table WHERE id = p_table FOR UPDATE;
          ELSE
            -- No capacity (any more): everyone in line gets a seat.
            SELECT coalesce(capacity - seated, 2147483647) INTO free FROM agenda_session WHERE id = p_session FOR UPDATE;
          END IF;
          -- Gone (cascading delete) or no capacity: nobody to promote.
          EXIT WHEN free IS NULL OR free <= 0;
          SELECT id, event_id, account_id INTO next_in_line FROM agenda_seat
           WHERE session_id = p_session AND round_table_id IS NOT DISTINCT FROM p_table AND status = 'WAITING'
           ORDER BY queue_no LIMIT 1 FOR UPDATE;
          EXIT WHEN NOT FOUND;
          UPDATE agenda_seat SET status = 'SEATED', seated_at = now() WHERE id = next_in_line.id;
          INSERT INTO agenda_promotion (event_id, session_id, round_table_id, account_id)
          VALUES (next_in_line.event_id, p_session, p_table, next_in_line.account_id);
        END LOOP;
      END $$`);

    await db.query(`
      CREATE FUNCTION agenda_seat_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.status = 'SEATED' THEN
          IF OLD.round_table_id IS NOT NULL THEN
            UPDATE agenda_round_table SET seated = seated - 1 WHERE id = OLD.round_table_id;
          ELSE
            UPDATE agenda_session SET seated = seated - 1 WHERE id = OLD.session_id;
          END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'SEATED' THEN
          IF NEW.round_table_id IS NOT NULL THEN
            UPDATE agenda_round_table SET seated = seated + 1 WHERE id = NEW.round_table_id;
          ELSE
            UPDATE agenda_session SET seated = seated + 1 WHERE id = NEW.session_id;
          END IF;
        END IF;
        IF TG_OP = 'DELETE' AND OLD.status = 'SEATED' THEN
          PERFORM agenda_fill_seats(OLD.session_id, OLD.round_table_id);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER agenda_seat_changed AFTER INSERT OR UPDATE OF status, round_table_id, session_id OR DELETE ON agenda_seat
      FOR EACH ROW EXECUTE FUNCTION agenda_seat_changed()`);

    // More seats (or capacity) also promotes those waiting.
    await db.query(`
      CREATE FUNCTION agenda_capacity_raised() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'agenda_round_table' THEN
          PERFORM agenda_fill_seats(NEW.session_id, NEW.id);
        ELSE
          PERFORM agenda_fill_seats(NEW.id, NULL);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER agenda_round_table_seats_raised AFTER UPDATE OF seats ON agenda_round_table
      FOR EACH ROW WHEN (NEW.seats > OLD.seats) EXECUTE FUNCTION agenda_capacity_raised()`);
    await db.query(`
      CREATE TRIGGER agenda_session_capacity_raised AFTER UPDATE OF capacity ON agenda_session
      FOR EACH ROW WHEN (OLD.capacity IS NOT NULL AND (NEW.capacity IS NULL OR NEW.capacity > OLD.capacity))
      EXECUTE FUNCTION agenda_capacity_raised()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE agenda_promotion`);
    await db.query(`DROP TABLE agenda_session_change`);
    await db.query(`DROP TABLE agenda_bookmark`);
    await db.query(`DROP TABLE agenda_seat`);
    await db.query(`DROP TABLE agenda_round_table`);
    await db.query(`DROP TABLE agenda_session_person`);
    await db.query(`DROP TABLE agenda_session`);
    await db.query(`DROP TABLE agenda_track`);
    await db.query(`DROP TABLE agenda_room`);
    await db.query(`DROP FUNCTION agenda_capacity_raised()`);
    await db.query(`DROP FUNCTION agenda_seat_changed()`);
    await db.query(`DROP FUNCTION agenda_fill_seats(uuid, uuid)`);
  }
}
