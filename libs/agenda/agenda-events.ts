import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Logger } from 'pino';
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

export type AgendaDomainEvent = SeatPromotedEvent | SessionChangedEvent;
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

  constructor(@Optional() @Inject(LOGGER) private readonly logger?: Logger) {}

  /** Returns the function that unsubscribes. */
  subscribe(listener: AgendaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
