import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type ParticipationEntity } from './entities/participation.entity.js';

export type ParticipationEvent =
  | { type: 'REGISTERED'; participation: ParticipationEntity }
  | { type: 'DECIDED'; participation: ParticipationEntity; approved: boolean };

/** Runs inside the transaction of the change: what it writes commits or rolls back with it. */
export type ParticipationListener = (manager: EntityManager, event: ParticipationEvent) => Promise<void>;

/**
 * Tells libraries above this one (notifications) about registrations, inside the transaction
 * that makes them. Events cannot import those libraries (they import events), so they subscribe.
 */
@Injectable()
export class ParticipationEvents {
  private readonly listeners: ParticipationListener[] = [];

  subscribe(listener: ParticipationListener): void {
    this.listeners.push(listener);
  }

  async emit(manager: EntityManager, event: ParticipationEvent): Promise<void> {
    for (const listener of this.listeners) await listener(manager, event);
  }
}
