import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { CommonException, isConstraintViolation, PgErrorCode } from '../common/index.js';
import { isUuid } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MatchmakingMode, type MatchmakingSettingsEntity } from './entities/matchmaking-settings.entity.js';
import { MeetingRequestStatus } from './entities/meeting-request.entity.js';
import { type MeetingSlotEntity } from './entities/meeting-slot.entity.js';
import { MeetingEntity, MeetingStatus } from './entities/meeting.entity.js';
import { type AgendaCommitment } from './agenda-commitments.port.js';
import { AvailabilityService, lowestFreeTable } from './availability.service.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingEvents, meetingSnapshot } from './matchmaking-events.js';
import { MatchmakingException } from './matchmaking.exception.js';
import { MatchmakingSettingsService } from './matchmaking-settings.service.js';
import { normaliseOnlineLink } from './online-link.js';

/** A booked meeting as calendar feeds and invitations need it (see MeetingsService.calendarMeetings). */
export interface CalendarMeetingView {
  id: string;
  status: MeetingStatus;
  tableNumber: number;
  /** The organisers' name for the table, when they gave one. */
  tableName: string | null;
  /** The video link for a partner joining remotely, when one is set. */
  onlineUrl: string | null;
  revision: number;
  updatedAt: Date;
  startsAt: Date;
  endsAt: Date;
  requester: { accountId: string; name: string; email: string; organisationName: string | null };
  recipient: { accountId: string; name: string; email: string; organisationName: string | null };
}

export interface MeetingFilter {
  scheduled?: boolean;
  includeCancelled?: boolean;
}

/**
 * Meetings (accepted requests) and their booking into a slot and a table. The application
 * checks first to give a friendly CONFLICT; the database's unique keys are the guarantee, and
 * their violations become the same CONFLICTs.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MatchmakingAccessService,
    private readonly settings: MatchmakingSettingsService,
    private readonly availability: AvailabilityService,
    private readonly changes: MatchmakingEvents,
  ) {}

  /** A participant's meetings (own, or anyone's for organisers), in time order, unscheduled last. */
  async listMine(actor: Actor | null, eventId: string, onBehalfOf?: string | null, filter: MeetingFilter = {}): Promise<MeetingEntity[]> {
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    return this.query(eventId, filter, subject.accountId);
  }

  /** Every meeting of the event (organisers). */
  async listForEvent(actor: Actor | null, eventId: string, filter: MeetingFilter = {}): Promise<MeetingEntity[]> {
    await this.access.requireOrganiser(actor, eventId);
    return this.query(eventId, filter);
  }

  async get(actor: Actor | null, meetingId: string): Promise<MeetingEntity> {
    const { meeting } = await this.authorised(actor, meetingId, this.dataSource.manager, false);
    return meeting;
  }

  findByIds(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.dataSource.getRepository(MeetingEntity).findBy({ id: In([...ids]) });
  }

  /** Books (or moves) a meeting into a slot, at the given table or the lowest free one. */
  async book(actor: Actor | null, meetingId: string, slotId: string, tableNumber?: number | null): Promise<MeetingEntity> {
    const commitments = await this.prefetchCommitments(meetingId);
    return this.dataSource.transaction(async (manager) => {
      const { meeting, actorIsOrganiser } = await this.authorised(actor, meetingId, manager, true);
      const settings = await this.settings.forBooking(meeting.eventId, manager);
      if (!actorIsOrganiser) {
        if (settings.mode === MatchmakingMode.ORGANISER_SCHEDULES) throw MatchmakingException.slotsChosenByOrganiser();
        if (meeting.locked) throw MatchmakingException.locked();
        if (tableNumber !== undefined && tableNumber !== null) this.checkTable(tableNumber, settings);
      }
      const slot = await this.settings.requireSlot(meeting.eventId, slotId, 'slotId', manager);
      return this.bookInto(manager, meeting, slot, tableNumber ?? null, settings, commitments, actor!.accountId);
    });
  }

  async cancel(actor: Actor | null, meetingId: string, reason?: string | null): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.authorised(actor, meetingId, manager, true);
      if (meeting.status === MeetingStatus.CANCELLED) throw MatchmakingException.invalidState('This meeting is already cancelled.');
      const text = reason?.trim() || null;
      if (text && text.length > 1000) throw CommonException.textLength('reason', 'The reason can have at most 1,000 characters.', { max: 1000 });
      meeting.status = MeetingStatus.CANCELLED;
      meeting.cancelledBy = actor!.accountId;
      meeting.cancelReason = text;
      meeting.rescheduleSlotId = null;
      meeting.rescheduleBy = null;
      await manager.getRepository(MeetingEntity).save(meeting);
      // The pair may request each other again.
      await manager.query(`UPDATE meeting_request SET status = $2, updated_at = now() WHERE id = $1`, [meeting.requestId, MeetingRequestStatus.CANCELLED]);
      await this.changes.emit(manager, { type: 'meeting.cancelled', meeting: meetingSnapshot(meeting), wasBooked: meeting.slotId !== null, actorId: actor!.accountId });
      return meeting;
    });
  }

  /** One side proposes another slot; the meeting keeps its slot until the other side accepts. */
  async proposeReschedule(actor: Actor | null, meetingId: string, slotId: string): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { meeting, actorIsParticipant } = await this.authorised(actor, meetingId, manager, true);
      this.requireConfirmed(meeting);
      if (!actorIsParticipant) throw CommonException.forbidden('Only the two people of a meeting propose a new time; organisers move it directly.');
      const settings = await this.settings.forEvent(meeting.eventId, manager);
      if (settings.mode === MatchmakingMode.ORGANISER_SCHEDULES) throw MatchmakingException.slotsChosenByOrganiser();
      if (meeting.locked) throw MatchmakingException.locked();
      const slot = await this.settings.requireSlot(meeting.eventId, slotId, 'slotId', manager);
      if (slot.id === meeting.slotId) throw CommonException.invalidInput('slotId', 'The meeting is already in this slot.');
      meeting.rescheduleSlotId = slot.id;
      meeting.rescheduleBy = actor!.accountId;
      const saved = await manager.getRepository(MeetingEntity).save(meeting);
      await this.changes.emit(manager, { type: 'meeting.reschedule-proposed', meeting: meetingSnapshot(saved), proposedSlotId: slot.id, actorId: actor!.accountId });
      return saved;
    });
  }

  /** The other side accepts (the meeting moves, at a free table) or declines a proposed new slot. */
  async respondToReschedule(actor: Actor | null, meetingId: string, accept: boolean): Promise<MeetingEntity> {
    const commitments = await this.prefetchCommitments(meetingId);
    return this.dataSource.transaction(async (manager) => {
      const { meeting, actorIsOrganiser } = await this.authorised(actor, meetingId, manager, true);
      this.requireConfirmed(meeting);
      if (!meeting.rescheduleSlotId) throw MatchmakingException.invalidState('No new time has been proposed for this meeting.');
      if (meeting.rescheduleBy === actor!.accountId && !actorIsOrganiser) {
        throw CommonException.forbidden('The other person answers your proposal.');
      }
      const slotId = meeting.rescheduleSlotId;
      meeting.rescheduleSlotId = null;
      meeting.rescheduleBy = null;
      if (!accept) return manager.getRepository(MeetingEntity).save(meeting);
      const settings = await this.settings.forBooking(meeting.eventId, manager);
      const slot = await this.settings.requireSlot(meeting.eventId, slotId, 'slotId', manager);
      return this.bookInto(manager, meeting, slot, null, settings, commitments, actor!.accountId);
    });
  }

  /** Organisers lock a meeting so the scheduler keeps it where it is (or unlock it). */
  async setLocked(actor: Actor | null, meetingId: string, locked: boolean): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { meeting, actorIsOrganiser } = await this.authorised(actor, meetingId, manager, true);
      if (!actorIsOrganiser) throw CommonException.forbidden('Only the organisers of this event can do this.');
      meeting.locked = locked;
      return manager.getRepository(MeetingEntity).save(meeting);
    });
  }

  /**
   * Sets, changes or (null or blank) removes the meeting's video link, for a partner joining
   * remotely. Its two people or the event's organisers; confirmed meetings only. The same link
   * again changes nothing and tells nobody; a real change bumps the calendar revision (trigger)
   * and tells the other person (both, when an organiser changed it).
   */
  async setOnlineLink(actor: Actor | null, meetingId: string, url: string | null): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.authorised(actor, meetingId, manager, true);
      this.requireConfirmed(meeting);
      const onlineUrl = normaliseOnlineLink(url);
      const previousUrl = meeting.onlineUrl;
      if (onlineUrl === previousUrl) return meeting;
      // The trigger bumps the calendar revision; TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
      const [[row]]: [{ revision: number; updated_at: Date }[], number] = await manager.query(
        `UPDATE meeting SET online_url = $2, updated_at = now() WHERE id = $1 RETURNING revision, updated_at`,
        [meeting.id, onlineUrl],
      );
      meeting.onlineUrl = onlineUrl;
      meeting.updatedAt = row.updated_at;
      await this.changes.emit(manager, {
        type: 'meeting.online-link-changed',
        meeting: meetingSnapshot(meeting),
        onlineUrl,
        previousUrl,
        revision: row.revision,
        actorId: actor!.accountId,
      });
      return meeting;
    });
  }

  /** The agenda commitments of a meeting's two people, read before its transaction opens. */
  async prefetchCommitments(meetingId: string): Promise<AgendaCommitment[]> {
    const meeting = isUuid(meetingId) ? await this.dataSource.getRepository(MeetingEntity).findOneBy({ id: meetingId }) : null;
    return meeting ? this.availability.commitments(meeting.eventId, [meeting.requesterId, meeting.recipientId]) : [];
  }

  checkTable(tableNumber: number, settings: MatchmakingSettingsEntity): void {
    if (!Number.isInteger(tableNumber) || tableNumber < 1 || tableNumber > settings.tableCount) {
      throw MatchmakingException.tableOutOfRange(tableNumber, settings.tableCount);
    }
  }

  /**
   * Puts a meeting into a slot inside the caller's transaction. The slot row is locked so
   * bookings of one slot queue up and see each other; the unique keys on meeting_participant
   * and meeting(slot, table) still decide if anything slips past.
   */
  async bookInto(
    manager: EntityManager,
    meeting: MeetingEntity,
    slot: MeetingSlotEntity,
    tableNumber: number | null,
    settings: MatchmakingSettingsEntity,
    commitments: AgendaCommitment[],
    actorId: string | null = null,
  ): Promise<MeetingEntity> {
    this.requireConfirmed(meeting);
    const before = { slotId: meeting.slotId, tableNumber: meeting.tableNumber };
    if (tableNumber !== null) this.checkTable(tableNumber, settings);
    await manager.query(`SELECT 1 FROM meeting_slot WHERE id = $1 FOR UPDATE`, [slot.id]);
    const people = [meeting.requesterId, meeting.recipientId];
    const names = await this.names(manager, people);
    const busy: { account_id: string }[] = await manager.query(
      `SELECT account_id FROM meeting_participant WHERE slot_id = $1 AND account_id = ANY($2::uuid[]) AND meeting_id <> $3`,
      [slot.id, people, meeting.id],
    );
    if (busy.length) throw MatchmakingException.participantBusy(names.get(busy[0].account_id) ?? 'A participant', busy[0].account_id, slot);
    const unavailable = await this.availability.unavailability(meeting.eventId, people, [slot], manager, commitments);
    for (const id of people) {
      const u = unavailable.get(id)!.get(slot.id);
      if (u) throw MatchmakingException.unavailable(names.get(id) ?? 'A participant', id, u.reason, slot);
    }
    const used: { table_number: number }[] = await manager.query(
      `SELECT table_number FROM meeting WHERE slot_id = $1 AND status = 'CONFIRMED' AND id <> $2`,
      [slot.id, meeting.id],
    );
    let table = tableNumber;
    if (table === null) {
      table = lowestFreeTable(used.map((u) => u.table_number), settings.tableCount);
      if (table === null) throw MatchmakingException.noFreeTable(slot);
    } else if (used.some((u) => u.table_number === table)) {
      throw MatchmakingException.tableTaken(table, slot);
    }
    meeting.slotId = slot.id;
    meeting.tableNumber = table;
    try {
      await manager.query(`UPDATE meeting SET slot_id = $2, table_number = $3, reschedule_slot_id = $4, reschedule_by = $5, updated_at = now() WHERE id = $1`, [
        meeting.id,
        slot.id,
        table,
        meeting.rescheduleSlotId,
        meeting.rescheduleBy,
      ]);
    } catch (error) {
      throw this.bookingConflict(error, slot, table, names);
    }
    if (before.slotId !== slot.id || before.tableNumber !== table) {
      await this.changes.emit(manager, { type: 'meeting.booked', meeting: meetingSnapshot(meeting), moved: before.slotId !== null, actorId });
    }
    return meeting;
  }

  /** Maps a violated booking key to the CONFLICT naming what was taken. */
  bookingConflict(error: unknown, slot: MeetingSlotEntity, table: number, names: Map<string, string>): unknown {
    if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'meeting_slot_table_key')) return MatchmakingException.tableTaken(table, slot);
    if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'meeting_participant_slot_account_key')) {
      const detail = String((error as { driverError?: { detail?: string } }).driverError?.detail ?? '');
      const accountId = /,\s*([0-9a-f-]{36})\)/.exec(detail)?.[1] ?? '';
      return MatchmakingException.participantBusy(names.get(accountId) ?? 'A participant', accountId, slot);
    }
    if (isConstraintViolation(error, PgErrorCode.EXCLUSION_VIOLATION, 'meeting_inside_availability_block')) {
      // A block arrived between the availability check and the write (the trigger's DETAIL is the person).
      const accountId = String((error as { driverError?: { detail?: string } }).driverError?.detail ?? '');
      return MatchmakingException.unavailable(names.get(accountId) ?? 'A participant', accountId, 'blocked by hand', slot);
    }
    return error;
  }

  async names(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM account WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private requireConfirmed(meeting: MeetingEntity) {
    if (meeting.status !== MeetingStatus.CONFIRMED) throw MatchmakingException.invalidState('This meeting is cancelled.');
  }

  /** The meeting, if the actor is one of its two people or an organiser of its event. */
  private async authorised(actor: Actor | null, meetingId: string, manager: EntityManager, lock: boolean) {
    if (!actor) throw CommonException.authenticationRequired();
    const repo = manager.getRepository(MeetingEntity);
    const meeting = isUuid(meetingId)
      ? await repo.findOne({ where: { id: meetingId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!meeting) throw CommonException.notFound('Meeting', meetingId);
    const actorIsParticipant = actor.accountId === meeting.requesterId || actor.accountId === meeting.recipientId;
    const actorIsOrganiser = await this.access.isOrganiser(actor, meeting.eventId, manager);
    if (actorIsParticipant && !actorIsOrganiser) await this.access.member(actor, meeting.eventId, manager);
    if (!actorIsParticipant && !actorIsOrganiser) {
      // Someone else's meeting does not exist for you.
      throw CommonException.notFound('Meeting', meetingId);
    }
    return { meeting, actorIsOrganiser, actorIsParticipant };
  }

  /**
   * Booked meetings for calendar feeds and invitations, in ONE statement, with both people's
   * name, e-mail and organisation, the slot's times and the table's name. Confirmed ones, plus
   * cancelled ones changed since `cancelledSince`. `revision` (kept by a trigger, see the calendar
   * and meeting-online-link migrations) grows whenever slot, table, status or video link change:
   * the iCal SEQUENCE.
   * No actor: callers authorise (the calendar's feed tokens); narrow with accountId and/or ids.
   */
  async calendarMeetings(
    eventId: string,
    options: { cancelledSince: Date; accountId?: string; ids?: readonly string[]; manager?: EntityManager },
  ): Promise<CalendarMeetingView[]> {
    if (!isUuid(eventId) || (options.accountId !== undefined && !isUuid(options.accountId))) return [];
    const ids = options.ids ? options.ids.filter(isUuid) : null;
    if (ids && ids.length === 0) return [];
    const rows: {
      id: string; status: MeetingStatus; table_number: number; table_name: string | null; online_url: string | null; revision: number; updated_at: Date;
      starts_at: Date; ends_at: Date; people: CalendarMeetingView['requester'][];
    }[] = await (options.manager ?? this.dataSource.manager).query(
      `SELECT m.id, m.status, m.table_number, ms.table_names[m.table_number] AS table_name, m.online_url, m.revision,
              greatest(m.updated_at, m.revised_at) AS updated_at, sl.starts_at, sl.ends_at,
              json_build_array(
                (SELECT json_build_object('accountId', a.id, 'name', a.name, 'email', a.email, 'organisationName', o.name)
                   FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id WHERE a.id = m.requester_id),
                (SELECT json_build_object('accountId', a.id, 'name', a.name, 'email', a.email, 'organisationName', o.name)
                   FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id WHERE a.id = m.recipient_id)) AS people
         FROM meeting m
         JOIN meeting_slot sl ON sl.id = m.slot_id
         LEFT JOIN matchmaking_settings ms ON ms.event_id = m.event_id
        WHERE m.event_id = $1
          AND (m.status = 'CONFIRMED' OR m.revised_at >= $2)
          AND ($3::uuid[] IS NULL OR m.id = ANY($3::uuid[]))
          AND ($4::uuid IS NULL OR m.requester_id = $4 OR m.recipient_id = $4)
        ORDER BY sl.starts_at, m.table_number, m.id`,
      [eventId, options.cancelledSince, ids, options.accountId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      tableNumber: r.table_number,
      tableName: r.table_name?.trim() || null,
      onlineUrl: r.online_url,
      revision: r.revision,
      updatedAt: r.updated_at,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      requester: r.people[0],
      recipient: r.people[1],
    }));
  }

  /** Events with confirmed, booked meetings starting in [from, to) (reminder sweeps). */
  async eventsWithMeetingsBetween(from: Date, to: Date): Promise<string[]> {
    const rows: { event_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT m.event_id FROM meeting m JOIN meeting_slot sl ON sl.id = m.slot_id
        WHERE m.status = 'CONFIRMED' AND sl.starts_at >= $1 AND sl.starts_at < $2`,
      [from, to],
    );
    return rows.map((r) => r.event_id);
  }

  private query(eventId: string, filter: MeetingFilter, accountId?: string): Promise<MeetingEntity[]> {
    const q = this.dataSource
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .leftJoin('meeting_slot', 's', 's.id = m.slot_id')
      .where('m.event_id = :eventId', { eventId });
    if (accountId) q.andWhere('(m.requester_id = :accountId OR m.recipient_id = :accountId)', { accountId });
    if (!filter.includeCancelled) q.andWhere(`m.status = 'CONFIRMED'`);
    if (filter.scheduled === true) q.andWhere('m.slot_id IS NOT NULL');
    if (filter.scheduled === false) q.andWhere('m.slot_id IS NULL');
    return q.orderBy('s.starts_at', 'ASC', 'NULLS LAST').addOrderBy('m.table_number', 'ASC').addOrderBy('m.created_at', 'ASC').getMany();
  }
}
