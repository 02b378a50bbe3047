import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A person's availability block and a meeting booked in that time never stand together.
 *
 * The services check both ways (a booking into a blocked slot, a block over a booked meeting),
 * but a check followed by a write lets two requests cross. Both writes now go through triggers
 * that first take one transaction-scoped advisory lock per (event, person), then look again:
 * whichever commits first wins, and the other sees its row and fails with a named constraint,
 * which the services turn into the same CONFLICT their own checks give.
 *
 * Lock order: a booking locks its two people in uuid order (after the slot row it already locks);
 * a block locks its one person. Neither takes another lock afterwards, so the two cannot deadlock.
 */
export class AvailabilityGuard1764087600000 implements MigrationInterface {
  name = 'AvailabilityGuard1764087600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION matchmaking_person_lock(p_event uuid, p_account uuid) RETURNS void LANGUAGE sql AS $$
        SELECT pg_advisory_xact_lock(hashtextextended('matchmaking-person:' || p_event || ':' || p_account, 0))
      $$`);

    await db.query(`
      CREATE FUNCTION availability_block_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        clash uuid;
      BEGIN
        PERFORM matchmaking_person_lock(NEW.event_id, NEW.account_id);
        SELECT mp.meeting_id INTO clash
          FROM meeting_participant mp JOIN meeting_slot s ON s.id = mp.slot_id
         WHERE s.event_id = NEW.event_id AND mp.account_id = NEW.account_id
           AND s.starts_at < NEW.ends_at AND s.ends_at > NEW.starts_at
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'an availability block may not cover a booked meeting (%)', clash
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'availability_block_meeting_overlap', DETAIL = clash::text;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER availability_block_guard BEFORE INSERT OR UPDATE OF event_id, account_id, starts_at, ends_at ON availability_block
        FOR EACH ROW EXECUTE FUNCTION availability_block_guard()`);

    // meeting_sync_participants as before, plus the lock and the look at both people's blocks
    // whenever it books them into a slot.
    await db.query(`
      CREATE OR REPLACE FUNCTION meeting_sync_participants() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        blocked uuid;
      BEGIN
        IF TG_OP = 'UPDATE'
           AND NEW.slot_id IS NOT DISTINCT FROM OLD.slot_id AND NEW.status = OLD.status
           AND NEW.requester_id = OLD.requester_id AND NEW.recipient_id = OLD.recipient_id THEN
          RETURN NEW;
        END IF;
        DELETE FROM meeting_participant WHERE meeting_id = NEW.id;
        IF NEW.slot_id IS NOT NULL AND NEW.status = 'CONFIRMED' THEN
          IF NEW.requester_id < NEW.recipient_id THEN
            PERFORM matchmaking_person_lock(NEW.event_id, NEW.requester_id);
            PERFORM matchmaking_person_lock(NEW.event_id, NEW.recipient_id);
          ELSE
            PERFORM matchmaking_person_lock(NEW.event_id, NEW.recipient_id);
            PERFORM matchmaking_person_lock(NEW.event_id, NEW.requester_id);
          END IF;
          SELECT b.account_id INTO blocked
            FROM availability_block b JOIN meeting_slot s ON s.id = NEW.slot_id
           WHERE b.event_id = NEW.event_id AND b.account_id IN (NEW.requester_id, NEW.recipient_id)
             AND b.starts_at < s.ends_at AND b.ends_at > s.starts_at
           LIMIT 1;
          IF FOUND THEN
            RAISE EXCEPTION 'a meeting may not be booked into a time its participant blocked (%)', blocked
              USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'meeting_inside_availability_block', DETAIL = blocked::text;
          END IF;
          INSERT INTO meeting_participant (meeting_id, account_id, slot_id)
          VALUES (NEW.id, NEW.requester_id, NEW.slot_id), (NEW.id, NEW.recipient_id, NEW.slot_id);
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION meeting_sync_participants() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await db.query(`DROP TRIGGER availability_block_guard ON availability_block`);
    await db.query(`DROP FUNCTION availability_block_guard()`);
    await db.query(`DROP FUNCTION matchmaking_person_lock(uuid, uuid)`);
  }
}
