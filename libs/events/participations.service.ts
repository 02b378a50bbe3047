import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { CommonException, isConstraintViolation, PgErrorCode } from '../common/index.js';
import { AuditLogService } from '../audit/index.js';
import { ConsentPurpose, ConsentsService } from '../consent/index.js';
import { type Actor, PasswordResetService } from '../identity/index.js';
import { EventStatus } from './entities/event.entity.js';
import { ParticipantRole, ParticipationEntity, ParticipationStatus } from './entities/participation.entity.js';
import { EventAccessService, isUuid } from './event-access.service.js';
import { EventsException } from './events.exception.js';
import { ParticipationEvents } from './participation-events.js';

export interface ParticipationFilter {
  role?: ParticipantRole;
  status?: ParticipationStatus;
}

@Injectable()
export class ParticipationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly participationEvents: ParticipationEvents,
    private readonly audit: AuditLogService,
    private readonly consents: ConsentsService,
    private readonly passwords: PasswordResetService,
  ) {}

  /**
   * Organisers invite the approved participants who cannot sign in yet (imported, no password):
   * each gets an e-mail with a week-long link to set a password. Asking again sends fresh links
   * (the earlier ones stop working) to those still without a password. Returns how many.
   */
  async inviteWithoutPassword(actor: Actor | null, eventId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.requireOrganiser(actor, eventId, manager);
      const rows: { account_id: string }[] = await manager.query(
        `SELECT account_id FROM participation WHERE event_id = $1 AND status = 'APPROVED' ORDER BY account_id`,
        [eventId],
      );
      const invited = await this.passwords.invite(manager, rows.map((r) => r.account_id), eventId);
      await this.audit.record(manager, {
        eventId, actorAccountId: actor!.accountId, action: 'participants.invited', targetType: 'event', targetId: eventId, details: { invited: invited.length },
      });
      return invited.length;
    });
  }

  /**
   * Registers the actor as a participant. Pending when the event requires approval. Two
   * concurrent registrations of one person: the unique key lets exactly one win. Needs the
   * version of the consent wording the person agreed to; it is recorded with the registration.
   */
  async register(actor: Actor | null, eventId: string, consentVersion?: string | null): Promise<ParticipationEntity> {
    if (!actor) throw CommonException.authenticationRequired();
    const version = this.consents.assertValid(ConsentPurpose.EVENT_REGISTRATION, consentVersion, 'consentVersion');
    const recordConsent = (manager: EntityManager) =>
      this.consents.record(manager, { accountId: actor.accountId, eventId, purpose: ConsentPurpose.EVENT_REGISTRATION, version, field: 'consentVersion' });
    return this.dataSource.transaction(async (manager) => {
      const event = await this.access.findVisible(actor, eventId, manager);
      if (event.status !== EventStatus.PUBLISHED) throw EventsException.notOpen();
      const status = event.requiresApproval ? ParticipationStatus.PENDING : ParticipationStatus.APPROVED;
      const repo = manager.getRepository(ParticipationEntity);
      const existing = await repo.findOne({ where: { eventId, accountId: actor.accountId }, lock: { mode: 'pessimistic_write' } });
      if (existing) {
        if (existing.status === ParticipationStatus.DECLINED) throw EventsException.registrationDeclined();
        if (existing.status !== ParticipationStatus.CANCELLED) throw EventsException.alreadyRegistered();
        existing.status = status;
        const saved = await repo.save(existing);
        await recordConsent(manager);
        await this.participationEvents.emit(manager, { type: 'REGISTERED', participation: saved });
        return saved;
      }
      let saved: ParticipationEntity;
      try {
        saved = await repo.save(repo.create({ eventId, accountId: actor.accountId, role: ParticipantRole.PARTICIPANT, status }));
      } catch (error) {
        if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'participation_event_account_key')) {
          throw EventsException.alreadyRegistered();
        }
        throw error;
      }
      await recordConsent(manager);
      await this.participationEvents.emit(manager, { type: 'REGISTERED', participation: saved });
      return saved;
    });
  }

  /** The actor withdraws from the event. */
  async cancelMine(actor: Actor | null, eventId: string): Promise<ParticipationEntity> {
    if (!actor) throw CommonException.authenticationRequired();
    return this.dataSource.transaction(async (manager) => {
      await this.access.findVisible(actor, eventId, manager);
      const participation = await this.lockedParticipation(manager, { eventId, accountId: actor.accountId });
      if (!participation || participation.status === ParticipationStatus.CANCELLED) {
        throw CommonException.notFound('Registration for this event');
      }
      await this.keepAnOrganiser(manager, participation, { status: ParticipationStatus.CANCELLED });
      participation.status = ParticipationStatus.CANCELLED;
      return manager.getRepository(ParticipationEntity).save(participation);
    });
  }

  /** An organiser approves or declines a registration. */
  async decide(actor: Actor | null, participationId: string, approve: boolean): Promise<ParticipationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const participation = await this.organisersParticipation(actor, participationId, manager);
      if (participation.status === ParticipationStatus.CANCELLED) {
        throw CommonException.conflict('This person cancelled their registration.');
      }
      const status = approve ? ParticipationStatus.APPROVED : ParticipationStatus.DECLINED;
      await this.keepAnOrganiser(manager, participation, { status });
      const from = participation.status;
      participation.status = status;
      const saved = await manager.getRepository(ParticipationEntity).save(participation);
      await this.audit.record(manager, {
        eventId: participation.eventId, actorAccountId: actor!.accountId, action: 'registration.decided',
        targetType: 'participation', targetId: participation.id, details: { accountId: participation.accountId, from, to: status },
      });
      await this.participationEvents.emit(manager, { type: 'DECIDED', participation: saved, approved: approve });
      return saved;
    });
  }

  /** An organiser changes someone's role (e.g. makes a participant a speaker or co-organiser). */
  async setRole(actor: Actor | null, participationId: string, role: ParticipantRole): Promise<ParticipationEntity> {
    if (!Object.values(ParticipantRole).includes(role)) throw CommonException.invalidInput('role', `Unknown role "${role}".`);
    return this.dataSource.transaction(async (manager) => {
      const participation = await this.organisersParticipation(actor, participationId, manager);
      await this.keepAnOrganiser(manager, participation, { role });
      const from = participation.role;
      participation.role = role;
      const saved = await manager.getRepository(ParticipationEntity).save(participation);
      await this.audit.record(manager, {
        eventId: participation.eventId, actorAccountId: actor!.accountId, action: 'participation.role_changed',
        targetType: 'participation', targetId: participation.id, details: { accountId: participation.accountId, from, to: role },
      });
      return saved;
    });
  }

  /** Everyone in an event, for its organisers. */
  /** With `canSignIn`: false for people who have no password yet (imported; organisers invite them). */
  async list(actor: Actor | null, eventId: string, filter: ParticipationFilter = {}): Promise<(ParticipationEntity & { canSignIn: boolean })[]> {
    await this.access.requireOrganiser(actor, eventId);
    const rows = await this.dataSource.getRepository(ParticipationEntity).find({
      where: { eventId, ...(filter.role ? { role: filter.role } : {}), ...(filter.status ? { status: filter.status } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const without: { id: string }[] = rows.length
      ? await this.dataSource.query(`SELECT id FROM account WHERE id = ANY($1::uuid[]) AND password_hash IS NULL`, [rows.map((r) => r.accountId)])
      : [];
    const cannot = new Set(without.map((r) => r.id));
    return rows.map((r) => Object.assign(r, { canSignIn: !cannot.has(r.accountId) }));
  }

  async listMine(actor: Actor | null): Promise<ParticipationEntity[]> {
    if (!actor) throw CommonException.authenticationRequired();
    return this.dataSource.getRepository(ParticipationEntity).find({
      where: { accountId: actor.accountId },
      order: { createdAt: 'ASC' },
    });
  }

  /** The approved organisers of an event, for system use (e.g. the Reply-To of its e-mails). */
  async organiserAccountIds(eventIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = eventIds.length
      ? await this.dataSource.getRepository(ParticipationEntity).find({
          where: { eventId: In([...eventIds]), role: ParticipantRole.ORGANISER, status: ParticipationStatus.APPROVED },
          order: { createdAt: 'ASC' },
        })
      : [];
    const byEvent = new Map<string, string[]>(eventIds.map((id) => [id, []]));
    for (const row of rows) byEvent.get(row.eventId)?.push(row.accountId);
    return byEvent;
  }

  /** Which of these accounts are approved in the event, for system use (e.g. digests). */
  async approvedAccountIds(eventId: string, accountIds: readonly string[]): Promise<Set<string>> {
    if (accountIds.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(ParticipationEntity).find({
      where: { eventId, accountId: In([...new Set(accountIds)]), status: ParticipationStatus.APPROVED },
    });
    return new Set(rows.map((r) => r.accountId));
  }

  mine(actor: Actor | null, eventId: string): Promise<ParticipationEntity | null> {
    return this.access.participation(actor, eventId);
  }

  private async organisersParticipation(actor: Actor | null, participationId: string, manager: EntityManager) {
    if (!actor) throw CommonException.authenticationRequired();
    const participation = isUuid(participationId) ? await this.lockedParticipation(manager, { id: participationId }) : null;
    if (!participation) throw CommonException.notFound('Participation', participationId);
    await this.access.requireOrganiser(actor, participation.eventId, manager);
    return participation;
  }

  private lockedParticipation(manager: EntityManager, where: Partial<ParticipationEntity>) {
    return manager.getRepository(ParticipationEntity).findOne({ where, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Refuses a change that would leave the event without an approved organiser. The event's
   * organiser rows are locked so two organisers demoting each other at once cannot both win.
   */
  private async keepAnOrganiser(
    manager: EntityManager,
    participation: ParticipationEntity,
    change: { role?: ParticipantRole; status?: ParticipationStatus },
  ): Promise<void> {
    const isActiveOrganiser = (p: { role: ParticipantRole; status: ParticipationStatus }) =>
      p.role === ParticipantRole.ORGANISER && p.status === ParticipationStatus.APPROVED;
    if (!isActiveOrganiser(participation) || isActiveOrganiser({ ...participation, ...change })) return;
    const organisers: { id: string }[] = await manager.query(
      `SELECT id FROM participation WHERE event_id = $1 AND role = 'ORGANISER' AND status = 'APPROVED' ORDER BY id FOR UPDATE`,
      [participation.eventId],
    );
    if (organisers.filter((o) => o.id !== participation.id).length === 0) throw EventsException.lastOrganiser();
  }
}
