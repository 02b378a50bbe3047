import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException } from '../common/index.js';
import { type Actor } from '../identity/index.js';
import { EventEntity, EventStatus } from './entities/event.entity.js';
import { ParticipantRole, ParticipationEntity, ParticipationStatus } from './entities/participation.entity.js';

/**
 * Who may do what in an event. Every domain asks here, so the rule "an organiser of one event
 * has no rights on another" lives in one place.
 */
@Injectable()
export class EventAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The actor's participation in the event, whatever its status; null when none or anonymous. */
  async participation(actor: Actor | null, eventId: string, manager: EntityManager = this.dataSource.manager) {
    if (!actor) return null;
    return manager.getRepository(ParticipationEntity).findOneBy({ eventId, accountId: actor.accountId });
  }

  async isOrganiser(actor: Actor | null, eventId: string, manager?: EntityManager): Promise<boolean> {
    const p = await this.participation(actor, eventId, manager);
    return p?.role === ParticipantRole.ORGANISER && p.status === ParticipationStatus.APPROVED;
  }

  /** The event, when the actor organises it. UNAUTHENTICATED, NOT_FOUND or FORBIDDEN otherwise. */
  async requireOrganiser(actor: Actor | null, eventId: string, manager: EntityManager = this.dataSource.manager): Promise<EventEntity> {
    if (!actor) throw CommonException.authenticationRequired();
    const event = await this.findVisible(actor, eventId, manager);
    if (!(await this.isOrganiser(actor, eventId, manager))) {
      throw CommonException.forbidden('Only the organisers of this event can do this.');
    }
    return event;
  }

  /** The event, when the actor is an approved member of it (any role). */
  async requireApprovedMember(actor: Actor | null, eventId: string, manager: EntityManager = this.dataSource.manager) {
    if (!actor) throw CommonException.authenticationRequired();
    const event = await this.findVisible(actor, eventId, manager);
    const p = await this.participation(actor, eventId, manager);
    if (p?.status !== ParticipationStatus.APPROVED) {
      throw CommonException.forbidden('Only approved participants of this event can do this.');
    }
    return { event, participation: p };
  }

  /**
   * The event if the actor may see it: published and archived events are public, drafts only
   * exist for their organisers (others get NOT_FOUND, so drafts do not leak).
   */
  async findVisible(actor: Actor | null, eventId: string, manager: EntityManager = this.dataSource.manager): Promise<EventEntity> {
    const event = isUuid(eventId) ? await manager.getRepository(EventEntity).findOneBy({ id: eventId }) : null;
    if (!event) throw CommonException.notFound('Event', eventId);
    if (event.status === EventStatus.DRAFT && !(await this.isOrganiser(actor, eventId, manager))) {
      throw CommonException.notFound('Event', eventId);
    }
    return event;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return typeof value === 'string' && UUID.test(value);
}
