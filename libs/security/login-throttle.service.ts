import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { clientKey } from './client-key.js';
import { SecurityException } from './security.exception.js';

/** Failures older than this are forgotten. */
const FORGET_AFTER_SECONDS = 24 * 3600;

/**
 * Back-off after repeated failed logins of one e-mail from one address: after `maxFailures`
 * failures each further failure locks the pair for base × 2^(failures − maxFailures) seconds,
 * up to `maxSeconds`. Keyed by e-mail AND address, so a stranger cannot lock a person out from
 * elsewhere; unknown e-mails lock the same way, so the lock tells nothing about who has an account.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws TOO_MANY_REQUESTS while the pair is locked; checked before the password is. */
  async assertAllowed(email: string, ip: string | null | undefined): Promise<void> {
    const rows: { wait: number }[] = await this.dataSource.query(
      `SELECT greatest(1, ceil(extract(epoch FROM locked_until - now())))::int AS wait
       FROM login_failure WHERE key = $1 AND locked_until > now()`,
      [this.key(email, ip)],
    );
    if (rows.length) throw SecurityException.loginLocked(rows[0].wait);
  }

  /** Counts a failure; returns how many in a row and the lock it caused, if any. */
  async recordFailure(email: string, ip: string | null | undefined): Promise<{ failures: number; lockedForSeconds: number | null }> {
    const { maxFailures, baseSeconds, maxSeconds } = this.config.loginLockout;
    const failures = `CASE WHEN f.last_failure_at < now() - $2 * interval '1 second' THEN 1 ELSE f.failures + 1 END`;
    const lock = (n: string) =>
      `CASE WHEN ${n} >= $3 THEN now() + least($5::double precision, $4 * power(2, ${n} - $3)) * interval '1 second' END`;
    const rows: { failures: number; locked_for: number | null }[] = await this.dataSource.query(
      `INSERT INTO login_failure AS f (key, failures, last_failure_at, locked_until)
       VALUES ($1, 1, now(), ${lock('1')})
       ON CONFLICT (key) DO UPDATE SET
         failures = ${failures},
         last_failure_at = now(),
         locked_until = ${lock(`(${failures})`)}
       RETURNING failures, ceil(extract(epoch FROM locked_until - now()))::int AS locked_for`,
      [this.key(email, ip), FORGET_AFTER_SECONDS, maxFailures, baseSeconds, maxSeconds],
    );
    return { failures: rows[0].failures, lockedForSeconds: rows[0].locked_for };
  }

  async recordSuccess(email: string, ip: string | null | undefined): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE key = $1`, [this.key(email, ip)]);
  }

  private key(email: string, ip: string | null | undefined): string {
    return `login:${clientKey(String(email).trim().toLowerCase(), ip ?? 'unknown')}`;
  }
}
