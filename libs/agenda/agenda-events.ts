import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Logger } from 'pino';
import { type EntityManager } from 'typeorm';
import { LOGGER } from '../common/index.js';

/** Someone moved from a waiting list to a seat (recorded in agenda_promotion first). */
export interface SeatPromotedEvent {
  type: 'agenda.seat-promoted';
  promotionId: string;
  eventId: string;
  sessionId: string;
  roundTableId: string | null;
  accountId: string;
  promotedAt: Date;
}

/** A session people may have seen changed time, room or status (see agenda_session_change). */
export interface SessionChangedEvent {
  type: 'agenda.session-changed';
  eventId: string;
  sessionId: string;
  revision: number;
  changes: Record<string, { old: string | null; new: string | null }>;
}

/** Someone took a seat (not a place in line) themselves. */
export interface SeatTakenEvent {
  type: 'agenda.seat-taken';
  seatId: string;
  eventId: string;
  sessionId: string;
  roundTableId: string | null;
  accountId: string;
}

export type AgendaDomainEvent = SeatPromotedEvent | SessionChangedEvent;
/** Emitted INSIDE the changing transaction (outbox writers such as notifications). */
export type AgendaTransactionalEvent = AgendaDomainEvent | SeatTakenEvent;
export type AgendaTransactionalListener = (manager: EntityManager, event: AgendaTransactionalEvent) => Promise<void>;
export type AgendaListener = (event: AgendaDomainEvent) => void | Promise<void>;

/**
 * In-process bus of agenda events, emitted after the transaction commits. Other features
 * (notifications, calendar) subscribe; a failing listener is logged and does not affect others.
 * Promotions are also in the agenda_promotion outbox, so a crash between commit and emit loses
 * nothing: `AgendaSeatingService.publishPendingPromotions()` re-emits them.
 */
@Injectable()
export class AgendaEvents {
  private readonly listeners = new Set<AgendaListener>();
  private readonly inTransaction = new Set<AgendaTransactionalListener>();

  constructor(@Optional() @Inject(LOGGER) private readonly logger?: Logger) {}

  /** Returns the function that unsubscribes. */
  subscribe(listener: AgendaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listeners called inside the transaction of the change; their failure rolls it back. */
  subscribeInTransaction(listener: AgendaTransactionalListener): () => void {
    this.inTransaction.add(listener);
    return () => this.inTransaction.delete(listener);
  }

  async emitInTransaction(manager: EntityManager, event: AgendaTransactionalEvent): Promise<void> {
    for (const listener of this.inTransaction) await listener(manager, event);
  }

  async emit(event: AgendaDomainEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        this.logger?.error({ err: error, event: event.type }, 'agenda event listener failed');
      }
    }
  }
}
