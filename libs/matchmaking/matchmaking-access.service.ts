import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { CommonException } from '../common/index.js';
import { EventAccessService, type EventEntity, isUuid, ParticipantRole, ParticipationStatus } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MatchmakingException } from './matchmaking.exception.js';

/** Whom an operation is for, and whether the one doing it organises the event. */
export interface MatchmakingSubject {
  event: EventEntity;
  /** The participant the operation is about (the actor, or whom an organiser acts for). */
  accountId: string;
  actorId: string;
  actorIsOrganiser: boolean;
}

/**
 * Matchmaking's access rules on top of EventAccessService: only approved members take part,
 * and an organiser may act on behalf of an approved participant of their own event.
 */
@Injectable()
export class MatchmakingAccessService {
  constructor(private readonly access: EventAccessService) {}

  async subject(actor: Actor | null, eventId: string, onBehalfOf: string | null | undefined, manager?: EntityManager): Promise<MatchmakingSubject> {
    if (!actor) throw CommonException.authenticationRequired();
    if (onBehalfOf && onBehalfOf !== actor.accountId) {
      const event = await this.access.requireOrganiser(actor, eventId, manager);
      await this.requireParticipant(eventId, onBehalfOf, 'onBehalfOf', manager);
      return { event, accountId: onBehalfOf, actorId: actor.accountId, actorIsOrganiser: true };
    }
    const { event, participation } = await this.access.requireApprovedMember(actor, eventId, manager);
    // requireApprovedMember returned the approved participation; its role says the rest.
    const actorIsOrganiser = participation.role === ParticipantRole.ORGANISER;
    return { event, accountId: actor.accountId, actorId: actor.accountId, actorIsOrganiser };
  }

  /** The event, for an organiser of it. */
  requireOrganiser(actor: Actor | null, eventId: string, manager?: EntityManager): Promise<EventEntity> {
    return this.access.requireOrganiser(actor, eventId, manager);
  }

  /** Any approved member (participant, speaker, organiser) of the event. */
  async member(actor: Actor | null, eventId: string, manager?: EntityManager) {
    const { event, participation } = await this.access.requireApprovedMember(actor, eventId, manager);
    return { event, isOrganiser: participation.role === ParticipantRole.ORGANISER };
  }

  /** UNKNOWN_PERSON when the account is not registered for the event, NOT_A_PARTICIPANT when not approved. */
  async requireParticipant(eventId: string, accountId: string, field: string, manager?: EntityManager): Promise<void> {
    if (!isUuid(accountId)) throw MatchmakingException.unknownPerson(field, accountId);
    const participation = await this.access.participation({ accountId }, eventId, manager);
    if (!participation) throw MatchmakingException.unknownPerson(field, accountId);
    if (participation.status !== ParticipationStatus.APPROVED) throw MatchmakingException.notAParticipant(field);
  }

  isOrganiser(actor: Actor | null, eventId: string, manager?: EntityManager) {
    return this.access.isOrganiser(actor, eventId, manager);
  }
}
