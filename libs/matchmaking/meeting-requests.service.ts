import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException, isConstraintViolation, PgErrorCode } from '../common/index.js';
import { isUuid } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MatchmakingMode, type MatchmakingSettingsEntity } from './entities/matchmaking-settings.entity.js';
import { MeetingRequestEntity, MeetingRequestStatus } from './entities/meeting-request.entity.js';
import { MeetingEntity, MeetingStatus } from './entities/meeting.entity.js';
import { AvailabilityService } from './availability.service.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MATCHMAKING_CLOCK, type MatchmakingClock } from './matchmaking-clock.js';
import { MatchmakingException } from './matchmaking.exception.js';
import { MatchmakingSettingsService } from './matchmaking-settings.service.js';
import { MeetingsService } from './meetings.service.js';
import { MatchmakingEvents, meetingSnapshot, requestSnapshot } from './matchmaking-events.js';

export interface SendRequestInput {
  recipientId: string;
  message?: string | null;
  proposedSlotId?: string | null;
  priority?: number | null;
}

/** What the requester may change on a pending request; an absent field stays, null clears (message, slot). */
export interface UpdateRequestInput {
  message?: string | null;
  proposedSlotId?: string | null;
  priority?: number | null;
}

export enum RequestDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
  BOTH = 'BOTH',
}

export interface AcceptResult {
  request: MeetingRequestEntity;
  meeting: MeetingEntity;
}

@Injectable()
export class MeetingRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MatchmakingAccessService,
    private readonly settings: MatchmakingSettingsService,
    private readonly meetings: MeetingsService,
    private readonly availability: AvailabilityService,
    @Inject(MATCHMAKING_CLOCK) private readonly clock: MatchmakingClock,
    private readonly changes: MatchmakingEvents,
  ) {}

  async send(actor: Actor | null, eventId: string, input: SendRequestInput, onBehalfOf?: string | null): Promise<MeetingRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const subject = await this.access.subject(actor, eventId, onBehalfOf, manager);
      const settings = await this.settings.forEvent(eventId, manager);
      this.settings.requireOpen(settings);
      const recipientId = input.recipientId;
      if (recipientId === subject.accountId) throw MatchmakingException.requestToSelf();
      await this.access.requireParticipant(eventId, recipientId, 'recipientId', manager);
      const message = validMessage(input.message);
      const priority = validPriority(input.priority ?? 2);
      const proposedSlotId = await this.proposableSlot(manager, eventId, settings, input.proposedSlotId);
      await this.lockTakingPart(manager, eventId, subject.accountId, recipientId);
      const counts = await this.meetingCounts(manager, eventId, [subject.accountId]);
      if ((counts.get(subject.accountId) ?? 0) >= settings.maxMeetingsPerParticipant) {
        throw MatchmakingException.limitReached(subject.accountId === subject.actorId ? 'You' : 'This participant', settings.maxMeetingsPerParticipant);
      }
      const now = this.clock.now();
      const repo = manager.getRepository(MeetingRequestEntity);
      let saved: MeetingRequestEntity;
      try {
        saved = await repo.save(
          repo.create({
            eventId,
            requesterId: subject.accountId,
            recipientId,
            createdBy: subject.actorId,
            status: MeetingRequestStatus.PENDING,
            message,
            proposedSlotId,
            priority,
            expiresAt: settings.expireAfterHours ? new Date(now.getTime() + settings.expireAfterHours * 3_600_000) : null,
            createdAt: now,
          }),
        );
      } catch (error) {
        if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'meeting_request_open_pair_key')) throw MatchmakingException.duplicateRequest();
        throw error;
      }
      await this.changes.emit(manager, { type: 'request.sent', request: requestSnapshot(saved), actorId: subject.actorId });
      return saved;
    });
  }

  /**
   * The requester (or an organiser) changes a pending request instead of withdrawing it and
   * sending another: the message, the proposed slot (null withdraws the proposal) or the priority.
   * The expiry stays where it was, so a request cannot be kept alive by editing it. The recipient
   * is told when the message or the proposed time changed (the priority is the requester's own).
   */
  async update(actor: Actor | null, requestId: string, input: UpdateRequestInput): Promise<MeetingRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { request } = await this.authorised(actor, requestId, manager, 'requester', 'change');
      this.requirePending(request);
      const settings = await this.settings.forEvent(request.eventId, manager);
      this.settings.requireOpen(settings);
      const changed: ('message' | 'proposedSlot' | 'priority')[] = [];
      if (input.message !== undefined) {
        const message = validMessage(input.message);
        if (message !== request.message) changed.push('message');
        request.message = message;
      }
      if (input.priority !== undefined && input.priority !== null) {
        const priority = validPriority(input.priority);
        if (priority !== request.priority) changed.push('priority');
        request.priority = priority;
      }
      if (input.proposedSlotId !== undefined) {
        const proposedSlotId = await this.proposableSlot(manager, request.eventId, settings, input.proposedSlotId);
        if (proposedSlotId !== request.proposedSlotId) changed.push('proposedSlot');
        request.proposedSlotId = proposedSlotId;
      }
      if (!changed.length) return request;
      request.editCount += 1;
      request.editedAt = this.clock.now();
      const saved = await manager.getRepository(MeetingRequestEntity).save(request);
      await this.changes.emit(manager, {
        type: 'request.updated',
        request: requestSnapshot(saved),
        changed,
        revision: saved.editCount,
        proposedSlotId: saved.proposedSlotId,
        actorId: actor!.accountId,
      });
      return saved;
    });
  }

  /** A slot the requester may propose: only where participants pick slots; null for none. */
  private async proposableSlot(manager: EntityManager, eventId: string, settings: MatchmakingSettingsEntity, slotId: string | null | undefined): Promise<string | null> {
    if (!slotId) return null;
    if (settings.mode === MatchmakingMode.ORGANISER_SCHEDULES) throw MatchmakingException.slotsChosenByOrganiser();
    return (await this.settings.requireSlot(eventId, slotId, 'proposedSlotId', manager)).id;
  }

  /**
   * The recipient (or an organiser) accepts: a meeting is created, and booked at once when a
   * slot is chosen or was proposed and participants pick slots in this event.
   */
  async accept(actor: Actor | null, requestId: string, slotId?: string | null, tableNumber?: number | null): Promise<AcceptResult> {
    // Read outside the transaction: the agenda port uses its own connection.
    const known = isUuid(requestId) ? await this.dataSource.getRepository(MeetingRequestEntity).findOneBy({ id: requestId }) : null;
    const commitments = known ? await this.availability.commitments(known.eventId, [known.requesterId, known.recipientId]) : [];
    return this.dataSource.transaction(async (manager) => {
      const { request, actorIsOrganiser } = await this.authorised(actor, requestId, manager, 'recipient');
      const settings = await this.settings.forBooking(request.eventId, manager);
      this.requirePending(request);
      const chosenSlot = slotId ?? null;
      if ((chosenSlot || tableNumber) && settings.mode === MatchmakingMode.ORGANISER_SCHEDULES && !actorIsOrganiser) {
        throw MatchmakingException.slotsChosenByOrganiser();
      }
      if (tableNumber !== undefined && tableNumber !== null) this.meetings.checkTable(tableNumber, settings);
      const slot = chosenSlot
        ? await this.settings.requireSlot(request.eventId, chosenSlot, 'slotId', manager)
        : request.proposedSlotId && settings.mode === MatchmakingMode.PARTICIPANTS_PICK_SLOT
          ? await this.settings.requireSlot(request.eventId, request.proposedSlotId, 'proposedSlotId', manager)
          : null;
      await this.checkLimits(manager, request, settings);
      request.status = MeetingRequestStatus.ACCEPTED;
      request.respondedAt = this.clock.now();
      await manager.getRepository(MeetingRequestEntity).save(request);
      const repo = manager.getRepository(MeetingEntity);
      let meeting = await repo.save(
        repo.create({
          eventId: request.eventId,
          requestId: request.id,
          requesterId: request.requesterId,
          recipientId: request.recipientId,
          status: MeetingStatus.CONFIRMED,
          slotId: null,
          tableNumber: null,
          locked: false,
          rescheduleSlotId: null,
          rescheduleBy: null,
        }),
      );
      await this.changes.emit(manager, { type: 'request.accepted', request: requestSnapshot(request), meeting: meetingSnapshot(meeting), actorId: actor!.accountId });
      if (slot) meeting = await this.meetings.bookInto(manager, meeting, slot, tableNumber ?? null, settings, commitments, actor!.accountId);
      return { request, meeting };
    });
  }

  async decline(actor: Actor | null, requestId: string, reason?: string | null): Promise<MeetingRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { request } = await this.authorised(actor, requestId, manager, 'recipient');
      this.requirePending(request);
      const text = reason?.trim() || null;
      if (text && text.length > 1000) throw CommonException.textLength('reason', 'The reason can have at most 1,000 characters.', { max: 1000 });
      request.status = MeetingRequestStatus.DECLINED;
      request.declineReason = text;
      request.respondedAt = this.clock.now();
      const saved = await manager.getRepository(MeetingRequestEntity).save(request);
      await this.changes.emit(manager, { type: 'request.declined', request: requestSnapshot(saved), actorId: actor!.accountId });
      return saved;
    });
  }

  /** The requester (or an organiser) withdraws a pending request. Accepted ones: cancel the meeting. */
  async cancel(actor: Actor | null, requestId: string): Promise<MeetingRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { request } = await this.authorised(actor, requestId, manager, 'requester');
      this.requirePending(request);
      request.status = MeetingRequestStatus.CANCELLED;
      const saved = await manager.getRepository(MeetingRequestEntity).save(request);
      await this.changes.emit(manager, { type: 'request.cancelled', request: requestSnapshot(saved), actorId: actor!.accountId });
      return saved;
    });
  }

  /** Expires pending requests whose time is up. For the job runner, tests and organisers. */
  async expireOverdue(now: Date = this.clock.now(), eventId?: string): Promise<number> {
    // One transaction: the expiry and its messages commit together.
    return this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
      const [expired]: [{ id: string; event_id: string; requester_id: string; recipient_id: string; message: string | null }[], number] = await manager.query(
        `UPDATE meeting_request SET status = 'EXPIRED', updated_at = now()
          WHERE status = 'PENDING' AND expires_at <= $1 AND ($2::uuid IS NULL OR event_id = $2)
          RETURNING id, event_id, requester_id, recipient_id, message`,
        [now, eventId ?? null],
      );
      for (const r of expired) {
        await this.changes.emit(manager, {
          type: 'request.expired',
          request: { id: r.id, eventId: r.event_id, requesterId: r.requester_id, recipientId: r.recipient_id, message: r.message, declineReason: null },
          actorId: null,
        });
      }
      return expired.length;
    });
  }

  /** Organisers trigger expiry for their event by hand. */
  async expireForEvent(actor: Actor | null, eventId: string): Promise<number> {
    await this.access.requireOrganiser(actor, eventId);
    return this.expireOverdue(this.clock.now(), eventId);
  }

  async list(
    actor: Actor | null,
    eventId: string,
    direction: RequestDirection,
    status?: MeetingRequestStatus | null,
    onBehalfOf?: string | null,
  ): Promise<MeetingRequestEntity[]> {
    const subject = await this.access.subject(actor, eventId, onBehalfOf);
    const q = this.dataSource.getRepository(MeetingRequestEntity).createQueryBuilder('r').where('r.event_id = :eventId', { eventId });
    const me = { me: subject.accountId };
    if (direction === RequestDirection.INCOMING) q.andWhere('r.recipient_id = :me', me);
    else if (direction === RequestDirection.OUTGOING) q.andWhere('r.requester_id = :me', me);
    else q.andWhere('(r.recipient_id = :me OR r.requester_id = :me)', me);
    if (status) q.andWhere('r.status = :status', { status });
    return q.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'ASC').getMany();
  }

  /** Every request of the event (organisers). */
  async listForEvent(actor: Actor | null, eventId: string, status?: MeetingRequestStatus | null): Promise<MeetingRequestEntity[]> {
    await this.access.requireOrganiser(actor, eventId);
    return this.dataSource.getRepository(MeetingRequestEntity).find({
      where: { eventId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  private requirePending(request: MeetingRequestEntity): void {
    if (request.status === MeetingRequestStatus.PENDING && request.expiresAt && request.expiresAt <= this.clock.now()) {
      throw MatchmakingException.invalidState('This request has expired.');
    }
    if (request.status !== MeetingRequestStatus.PENDING) {
      throw MatchmakingException.invalidState(`This request is ${request.status.toLowerCase()}, no longer pending.`);
    }
  }

  /** Both people take part and stay under the limit. Their profile rows are locked in id order. */
  private async checkLimits(manager: EntityManager, request: MeetingRequestEntity, settings: MatchmakingSettingsEntity): Promise<void> {
    await this.lockTakingPart(manager, request.eventId, request.requesterId, request.recipientId, 'requesterId');
    const counts = await this.meetingCounts(manager, request.eventId, [request.requesterId, request.recipientId]);
    const names = await this.meetings.names(manager, [request.requesterId, request.recipientId]);
    for (const id of [request.recipientId, request.requesterId]) {
      if ((counts.get(id) ?? 0) >= settings.maxMeetingsPerParticipant) {
        throw MatchmakingException.limitReached(names.get(id) ?? 'A participant', settings.maxMeetingsPerParticipant);
      }
    }
  }

  private async lockTakingPart(manager: EntityManager, eventId: string, selfId: string, otherId: string, otherField = 'recipientId'): Promise<void> {
    const rows: { account_id: string; taking_part: boolean }[] = await manager.query(
      `SELECT account_id, taking_part FROM matchmaking_profile
        WHERE event_id = $1 AND account_id = ANY($2::uuid[]) ORDER BY account_id FOR UPDATE`,
      [eventId, [selfId, otherId]],
    );
    const taking = new Set(rows.filter((r) => r.taking_part).map((r) => r.account_id));
    if (!taking.has(selfId)) throw MatchmakingException.notTakingPart('you', 'eventId');
    if (!taking.has(otherId)) throw MatchmakingException.notTakingPart('them', otherField);
  }

  private async meetingCounts(manager: EntityManager, eventId: string, accountIds: string[]): Promise<Map<string, number>> {
    const rows: { account_id: string; count: number }[] = await manager.query(
      `SELECT x.account_id, count(*)::int AS count
         FROM meeting m CROSS JOIN LATERAL (VALUES (m.requester_id), (m.recipient_id)) AS x(account_id)
        WHERE m.event_id = $1 AND m.status = 'CONFIRMED' AND x.account_id = ANY($2::uuid[])
        GROUP BY x.account_id`,
      [eventId, accountIds],
    );
    return new Map(rows.map((r) => [r.account_id, r.count]));
  }

  private async authorised(actor: Actor | null, requestId: string, manager: EntityManager, side: 'requester' | 'recipient', requesterAction: 'withdraw' | 'change' = 'withdraw') {
    if (!actor) throw CommonException.authenticationRequired();
    const request = isUuid(requestId)
      ? await manager.getRepository(MeetingRequestEntity).findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!request) throw CommonException.notFound('Meeting request', requestId);
    const own = side === 'requester' ? request.requesterId : request.recipientId;
    const actorIsOrganiser = await this.access.isOrganiser(actor, request.eventId, manager);
    if (actor.accountId === own) {
      if (!actorIsOrganiser) await this.access.member(actor, request.eventId, manager);
    } else if (!actorIsOrganiser) {
      const other = side === 'requester' ? request.recipientId : request.requesterId;
      if (actor.accountId === other) {
        throw CommonException.forbidden(side === 'recipient' ? 'Only the person you asked can answer this request.' : `Only the requester can ${requesterAction} this request.`);
      }
      throw CommonException.notFound('Meeting request', requestId);
    }
    return { request, actorIsOrganiser };
  }
}

function validMessage(value: string | null | undefined): string | null {
  const message = value?.trim() || null;
  if (message && message.length > 2000) throw CommonException.textLength('message', 'The message can have at most 2,000 characters.', { max: 2000 });
  return message;
}

function validPriority(priority: number): number {
  if (!Number.isInteger(priority) || priority < 1 || priority > 3) throw CommonException.invalidInput('priority', 'priority is 1 (high), 2 or 3 (low).');
  return priority;
}
