import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isConstraintViolation, PgErrorCode } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { EventAccessService } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { FeedTokenCodec } from './feed-token-codec.js';

export interface CalendarFeedLink {
  eventId: string;
  /** https://host/calendar/feeds/<token>.ics */
  url: string;
  /** The same feed as webcal://, which calendar apps open as a subscription. */
  webcalUrl: string;
  createdAt: Date;
}

/** The one secret feed URL per participant and event: issue, show again, rotate, revoke. */
@Injectable()
export class CalendarFeedTokensService {
  private readonly codec: FeedTokenCodec;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: EventAccessService,
  ) {
    this.codec = new FeedTokenCodec(config.authSecret);
  }

  /** The actor's feed for the event, issued on first ask. Approved members only. */
  async myFeed(actor: Actor | null, eventId: string): Promise<CalendarFeedLink> {
    await this.access.requireApprovedMember(actor, eventId);
    const live = await this.live(eventId, actor!.accountId);
    const token = live && this.codec.open(live.token_sealed);
    if (live && token) return this.link(eventId, token, live.created_at);
    // None yet, or sealed under an older AUTH_SECRET: issue a fresh one.
    return this.issue(eventId, actor!.accountId);
  }

  /** A new URL; the old one stops working at once. */
  async rotate(actor: Actor | null, eventId: string): Promise<CalendarFeedLink> {
    await this.access.requireApprovedMember(actor, eventId);
    return this.issue(eventId, actor!.accountId);
  }

  /** Switches the feed off; true when there was one. */
  async revoke(actor: Actor | null, eventId: string): Promise<boolean> {
    await this.access.requireApprovedMember(actor, eventId);
    const [, count] = await this.dataSource.query(
      `UPDATE calendar_feed_token SET revoked_at = now() WHERE event_id = $1 AND account_id = $2 AND revoked_at IS NULL`,
      [eventId, actor!.accountId],
    );
    return count > 0;
  }

  /** Erasure: switches off every feed of the account, in the caller's transaction. */
  async revokeAllFor(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(`UPDATE calendar_feed_token SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [accountId]);
  }

  /** Whose feed a token opens; null for unknown, revoked or malformed tokens (one query at most). */
  async resolve(token: string): Promise<{ eventId: string; accountId: string } | null> {
    const hash = FeedTokenCodec.hash(token);
    if (!hash) return null;
    const [row]: { event_id: string; account_id: string }[] = await this.dataSource.query(
      `SELECT event_id, account_id FROM calendar_feed_token WHERE token_hash = $1 AND revoked_at IS NULL`,
      [hash],
    );
    return row ? { eventId: row.event_id, accountId: row.account_id } : null;
  }

  private async live(eventId: string, accountId: string) {
    const [row]: { token_sealed: Buffer; created_at: Date }[] = await this.dataSource.query(
      `SELECT token_sealed, created_at FROM calendar_feed_token WHERE event_id = $1 AND account_id = $2 AND revoked_at IS NULL`,
      [eventId, accountId],
    );
    return row ?? null;
  }

  /** Revokes the live token and inserts a new one, in one transaction. */
  private async issue(eventId: string, accountId: string, attempt = 1): Promise<CalendarFeedLink> {
    const token = this.codec.generate();
    try {
      const created = await this.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE calendar_feed_token SET revoked_at = now() WHERE event_id = $1 AND account_id = $2 AND revoked_at IS NULL`, [
          eventId,
          accountId,
        ]);
        const [row]: { created_at: Date }[] = await manager.query(
          `INSERT INTO calendar_feed_token (event_id, account_id, token_hash, token_sealed) VALUES ($1, $2, $3, $4) RETURNING created_at`,
          [eventId, accountId, FeedTokenCodec.hash(token), this.codec.seal(token)],
        );
        return row.created_at;
      });
      return this.link(eventId, token, created);
    } catch (error) {
      // Two requests issued at once: the live-token key let one win; answer with the winner's.
      if (attempt === 1 && isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'calendar_feed_token_live_key')) {
        const live = await this.live(eventId, accountId);
        const winner = live && this.codec.open(live.token_sealed);
        return winner ? this.link(eventId, winner, live.created_at) : this.issue(eventId, accountId, 2);
      }
      throw error;
    }
  }

  private link(eventId: string, token: string, createdAt: Date): CalendarFeedLink {
    const url = `${this.config.publicBaseUrl}/calendar/feeds/${token}.ics`;
    return { eventId, url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://'), createdAt };
  }
}
