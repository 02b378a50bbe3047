import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, type RateLimitedAction, type RateWindow } from '../config/index.js';
import { clientKey } from './client-key.js';
import { SecurityException } from './security.exception.js';

export interface RateLimitSubject {
  /** The client's address, as Express resolved it behind the trusted proxy. */
  ip?: string | null;
  /** Whoever the budget is per account for: the signed-in account id, or e.g. the e-mail of a login. */
  account?: string | null;
}

export interface RateLimitHit {
  hits: number;
  allowed: boolean;
  retryAfterSeconds: number;
}

const CLEANUP_EVERY = 500;

/**
 * Fixed-window request budgets kept in PostgreSQL, so every API process counts against the same
 * numbers. One row per key; a single upsert starts a new window or bumps the current one, and
 * the row lock taken by ON CONFLICT makes concurrent hits count exactly.
 */
@Injectable()
export class RateLimiter {
  private calls = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one hit of `key` in a window; over the limit is reported, not thrown. */
  async hit(key: string, window: RateWindow): Promise<RateLimitHit> {
    const rows: { hits: number; retry_after: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counter AS c (key, window_ends_at, hits)
       VALUES ($1, now() + $2 * interval '1 second', 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM c.window_ends_at - now())))::int AS retry_after`,
      [key, window.windowSeconds],
    );
    if (++this.calls % CLEANUP_EVERY === 0) void this.cleanUp();
    const { hits, retry_after } = rows[0];
    return { hits, allowed: hits <= window.limit, retryAfterSeconds: retry_after };
  }

  /**
   * Spends one request of `action`'s budgets (per address and per account, as configured).
   * Throws TOO_MANY_REQUESTS with the longest wait when any budget is used up.
   */
  async consume(action: RateLimitedAction, subject: RateLimitSubject): Promise<void> {
    if (!this.config.rateLimits.enabled) return;
    const rule = this.config.rateLimits.rules[action];
    const checks: Promise<RateLimitHit>[] = [];
    if (rule.perIp && subject.ip) checks.push(this.hit(`${action}:ip:${clientKey(subject.ip)}`, rule.perIp));
    if (rule.perAccount && subject.account) {
      checks.push(this.hit(`${action}:account:${clientKey(subject.account.toLowerCase())}`, rule.perAccount));
    }
    const refused = (await Promise.all(checks)).filter((h) => !h.allowed);
    if (refused.length) throw SecurityException.rateLimited(action, Math.max(...refused.map((h) => h.retryAfterSeconds)));
  }

  private async cleanUp(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_counter WHERE window_ends_at < now()`).catch(() => undefined);
  }
}
