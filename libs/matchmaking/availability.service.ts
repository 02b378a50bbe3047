import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException, isConstraintViolation, PgErrorCode } from '../common/index.js';
import { isUuid } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { AGENDA_COMMITMENTS, type AgendaCommitment, type AgendaCommitments } from './agenda-commitments.port.js';
import { AvailabilityBlockEntity } from './entities/availability-block.entity.js';
import { type MeetingSlotEntity } from './entities/meeting-slot.entity.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingException } from './matchmaking.exception.js';
import { MATCHMAKING_CLOCK, type MatchmakingClock } from './matchmaking-clock.js';
import { MatchmakingSettingsService } from './matchmaking-settings.service.js';
import { overlaps } from './meeting-slots.js';

export enum SlotState {
  FREE = 'FREE',
  /** Blocked by hand ("not available on Wednesday morning"). */
  BLOCKED = 'BLOCKED',
  /** Busy in the agenda: speaking, moderating, hosting a table, holding a seat. */
  AGENDA = 'AGENDA',
  /** Already in a meeting. */
  MEETING = 'MEETING',
}

export interface SlotAvailability {
  slot: MeetingSlotEntity;
  state: SlotState;
  reason: string | null;
  meetingId: string | null;
}

export interface SlotProposal {
  slot: MeetingSlotEntity;
  tableNumber: number;
}

/** Why a person cannot meet in a slot (other than another meeting). */
export interface Unavailability {
  state: SlotState.BLOCKED | SlotState.AGENDA;
  reason: string;
}

@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MatchmakingAccessService,
    private readonly settings: MatchmakingSettingsService,
    @Inject(AGENDA_COMMITMENTS) private readonly agenda: AgendaCommitments,
    @Inject(MATCHMAKING_CLOCK) private readonly clock: MatchmakingClock,
  ) {}

  async block(
    actor: Actor | null,
    eventId: string,
    input: { startsAt: Date; endsAt: Date; reason?: string | null },
    onBehalfOf?: string | null,
  ): Promise<AvailabilityBlockEntity> {
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (Number.isNaN(+startsAt)) throw CommonException.invalidInput('startsAt', 'startsAt must be an instant.');
    if (Number.isNaN(+endsAt) || endsAt <= startsAt) throw CommonException.invalidInput('endsAt', 'endsAt must come after startsAt.');
    const reason = input.reason?.trim() || null;
    if (reason && reason.length > 200) throw CommonException.textLength('reason', 'The reason can have at most 200 characters.', { max: 200 });
    // A block only keeps new meetings out; one over a booked meeting would leave that meeting
    // standing while the person thinks the time is free of it, so it is refused. The check is for
    // the message; the guarantee is availability_block_guard, which locks the person and looks again.
    await this.refuseOverMeetings(eventId, subject.accountId, startsAt, endsAt);
    const repo = this.dataSource.getRepository(AvailabilityBlockEntity);
    try {
      return await repo.save(repo.create({ eventId, accountId: subject.accountId, startsAt, endsAt, reason }));
    } catch (error) {
      if (!isConstraintViolation(error, PgErrorCode.EXCLUSION_VIOLATION, 'availability_block_meeting_overlap')) throw error;
      // A meeting was booked into this time while the block was on its way: name it.
      await this.refuseOverMeetings(eventId, subject.accountId, startsAt, endsAt);
      throw error;
    }
  }

  private async refuseOverMeetings(eventId: string, accountId: string, startsAt: Date, endsAt: Date): Promise<void> {
    const clashes: { meeting_id: string; slot_id: string; starts_at: Date }[] = await this.dataSource.query(
      `SELECT mp.meeting_id, mp.slot_id, s.starts_at FROM meeting_participant mp JOIN meeting_slot s ON s.id = mp.slot_id
        WHERE s.event_id = $1 AND mp.account_id = $2 AND s.starts_at < $4 AND s.ends_at > $3
        ORDER BY s.starts_at`,
      [eventId, accountId, startsAt, endsAt],
    );
    if (clashes.length) {
      throw MatchmakingException.blockOverlapsMeeting(clashes.map((c) => ({ meetingId: c.meeting_id, slotId: c.slot_id, startsAt: c.starts_at })));
    }
  }

  async unblock(actor: Actor | null, blockId: string): Promise<boolean> {
    if (!actor) throw CommonException.authenticationRequired();
    const repo = this.dataSource.getRepository(AvailabilityBlockEntity);
    const block = isUuid(blockId) ? await repo.findOneBy({ id: blockId }) : null;
    if (!block) throw CommonException.notFound('Availability block', blockId);
    await this.access.subject(actor, block.eventId, block.accountId);
    await repo.delete({ id: block.id });
    return true;
  }

  async blocks(actor: Actor | null, eventId: string, onBehalfOf?: string | null): Promise<AvailabilityBlockEntity[]> {
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    return this.dataSource.getRepository(AvailabilityBlockEntity).find({
      where: { eventId, accountId: subject.accountId },
      order: { startsAt: 'ASC' },
    });
  }

  /**
   * For each person, the slots they cannot meet in and why: their own blocks and their agenda
   * commitments. Meetings are not included (see meeting_participant).
   */
  async unavailability(
    eventId: string,
    accountIds: string[],
    slots: MeetingSlotEntity[],
    manager: EntityManager = this.dataSource.manager,
    prefetched?: AgendaCommitment[],
  ): Promise<Map<string, Map<string, Unavailability>>> {
    const result = new Map<string, Map<string, Unavailability>>(accountIds.map((id) => [id, new Map()]));
    if (!accountIds.length || !slots.length) return result;
    const blocks = await manager.getRepository(AvailabilityBlockEntity).find({
      where: accountIds.map((accountId) => ({ eventId, accountId })),
    });
    const commitments = prefetched ?? (await this.agenda.commitments(eventId, accountIds));
    const sorted = [...slots].sort((a, b) => +a.startsAt - +b.startsAt);
    const mark = (accountId: string, interval: { startsAt: Date; endsAt: Date }, u: Unavailability) => {
      const mine = result.get(accountId);
      if (!mine) return;
      for (const slot of sorted) {
        if (slot.startsAt >= interval.endsAt) break;
        if (overlaps(slot, interval) && !mine.has(slot.id)) mine.set(slot.id, u);
      }
    };
    // Agenda first: "speaking at Round Table II" says more than a hand block.
    for (const c of commitments) mark(c.accountId, c, { state: SlotState.AGENDA, reason: c.reason });
    for (const b of blocks) mark(b.accountId, b, { state: SlotState.BLOCKED, reason: b.reason ?? 'blocked by hand' });
    return result;
  }

  /**
   * Agenda commitments read before a transaction opens: the agenda port uses its own
   * connection, and asking for one while holding another can starve the pool under load.
   */
  commitments(eventId: string, accountIds: string[]): Promise<AgendaCommitment[]> {
    return this.agenda.commitments(eventId, accountIds);
  }

  /** Every slot of the event for one participant: free, blocked, busy in the agenda, or in a meeting. */
  async availability(actor: Actor | null, eventId: string, onBehalfOf?: string | null): Promise<SlotAvailability[]> {
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    const slots = await this.settings.slots(eventId);
    const unavailable = (await this.unavailability(eventId, [subject.accountId], slots)).get(subject.accountId)!;
    const meetings: { slot_id: string; meeting_id: string }[] = await this.dataSource.query(
      `SELECT mp.slot_id, mp.meeting_id FROM meeting_participant mp JOIN meeting_slot s ON s.id = mp.slot_id
        WHERE s.event_id = $1 AND mp.account_id = $2`,
      [eventId, subject.accountId],
    );
    const meetingIn = new Map(meetings.map((m) => [m.slot_id, m.meeting_id]));
    return slots.map((slot) => {
      const meetingId = meetingIn.get(slot.id) ?? null;
      if (meetingId) return { slot, state: SlotState.MEETING, reason: 'in another meeting', meetingId };
      const u = unavailable.get(slot.id);
      return u ? { slot, state: u.state, reason: u.reason, meetingId: null } : { slot, state: SlotState.FREE, reason: null, meetingId: null };
    });
  }

  /** The next slots (from now) in which both people are free and a table is free, with that table. */
  async findSlots(actor: Actor | null, eventId: string, otherAccountId: string, first = 5, onBehalfOf?: string | null): Promise<SlotProposal[]> {
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    if (!Number.isInteger(first) || first < 1 || first > 50) throw CommonException.invalidInput('first', 'first must be between 1 and 50.');
    await this.access.requireParticipant(eventId, otherAccountId, 'withAccountId');
    return this.commonFreeSlots(eventId, [subject.accountId, otherAccountId], first);
  }

  async commonFreeSlots(eventId: string, accountIds: string[], first: number, manager: EntityManager = this.dataSource.manager): Promise<SlotProposal[]> {
    const settings = await this.settings.forEvent(eventId, manager);
    const now = this.clock.now();
    const rows: { id: string; event_id: string; starts_at: Date; ends_at: Date; used: number[] }[] = await manager.query(
      `SELECT s.id, s.event_id, s.starts_at, s.ends_at,
              coalesce(array_agg(m.table_number ORDER BY m.table_number) FILTER (WHERE m.id IS NOT NULL), '{}') AS used
         FROM meeting_slot s
         LEFT JOIN meeting m ON m.slot_id = s.id AND m.status = 'CONFIRMED'
        WHERE s.event_id = $1
          -- From now on; an event whose slots are all past (an archive, the demo) is searched whole.
          AND s.starts_at >= CASE WHEN (SELECT max(starts_at) FROM meeting_slot WHERE event_id = $1) >= $2 THEN $2 ELSE '-infinity'::timestamptz END
          AND NOT EXISTS (SELECT 1 FROM meeting_participant mp WHERE mp.slot_id = s.id AND mp.account_id = ANY($3::uuid[]))
        GROUP BY s.id
        ORDER BY s.starts_at`,
      [eventId, now, accountIds],
    );
    const slots = rows.map((r) => Object.assign({} as MeetingSlotEntity, { id: r.id, eventId: r.event_id, startsAt: r.starts_at, endsAt: r.ends_at }));
    const unavailable = await this.unavailability(eventId, accountIds, slots, manager);
    const proposals: SlotProposal[] = [];
    for (const [i, slot] of slots.entries()) {
      if (accountIds.some((id) => unavailable.get(id)!.has(slot.id))) continue;
      const table = lowestFreeTable(rows[i].used, settings.tableCount);
      if (table === null) continue;
      proposals.push({ slot, tableNumber: table });
      if (proposals.length >= first) break;
    }
    return proposals;
  }
}

export function lowestFreeTable(used: number[], tableCount: number): number | null {
  const taken = new Set(used);
  for (let t = 1; t <= tableCount; t++) if (!taken.has(t)) return t;
  return null;
}
