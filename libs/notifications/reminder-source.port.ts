import { Injectable } from '@nestjs/common';
import { type ReminderKind } from './entities/reminder-rule.entity.js';

export interface ReminderRecipient {
  accountId: string;
  /** Extra placeholders for this person, e.g. { withWhom: 'Aino Virtanen', tableNumber: 12 }. */
  details?: Record<string, string | number | null>;
}

/** One thing people may be reminded of, as it is NOW (a moved item has a higher revision). */
export interface ReminderItem {
  eventId: string;
  /** 'session', 'meeting', 'matchmaking', ... */
  type: string;
  id: string;
  revision: number;
  startsAt: Date;
  endsAt?: Date | null;
  title: string;
  location?: string | null;
  url?: string | null;
  recipients: ReminderRecipient[];
}

/**
 * Implemented by the domains that own what is reminded of (agenda: sessions; matchmaking:
 * meetings and the request window). The reminder sweep asks them every minute for items in a
 * time window, so reminders follow moved items and cancelled items simply stop appearing.
 * Register with ReminderSources.register() in the module's onModuleInit.
 */
export interface ReminderSource {
  readonly kinds: readonly ReminderKind[];
  /** Published, not cancelled items of this kind starting in [from, to), with their audience. */
  itemsStartingBetween(kind: ReminderKind, from: Date, to: Date): Promise<ReminderItem[]>;
}

@Injectable()
export class ReminderSources {
  private readonly sources: ReminderSource[] = [];

  register(source: ReminderSource): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  unregister(source: ReminderSource): void {
    const at = this.sources.indexOf(source);
    if (at >= 0) this.sources.splice(at, 1);
  }

  for(kind: ReminderKind): ReminderSource[] {
    return this.sources.filter((s) => s.kinds.includes(kind));
  }
}
