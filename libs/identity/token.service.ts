import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { jwtVerify, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { CommonException } from '../common/index.js';
import { type Actor } from './actor.js';
import { IdentityException } from './identity.exception.js';

const ISSUER = 'clustermeet';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signs and checks the bearer tokens that log a person in (HS256 JWT). Each token carries the
 * account's token version (`ver`); revoking bumps the version, so checking a token costs one
 * primary-key lookup, done once per request by the actor guard. The same lookup refuses tokens
 * of suspended accounts.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.key = new TextEncoder().encode(config.authSecret);
  }

  async issue(accountId: string): Promise<{ token: string; expiresAt: Date }> {
    return this.sign(accountId, {}, this.config.authTokenTtlSeconds);
  }

  /**
   * A token that opens ONE page (`path`) for a while, as the account: a printout opened on the
   * venue's printer computer without signing in there. It is no bearer token (verify refuses it)
   * and dies like one: with "sign out everywhere", a suspension or its expiry.
   */
  async issueForPath(accountId: string, path: string, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
    return this.sign(accountId, { path }, ttlSeconds);
  }

  private async sign(accountId: string, claims: Record<string, string>, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const version = (await this.stateOf(accountId))?.version ?? 0;
    const token = await new SignJWT({ ...claims, ver: version })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(accountId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The actor a bearer token stands for; throws UNAUTHENTICATED when it is forged or expired. */
  async verify(token: string): Promise<Actor> {
    return this.check(token, null);
  }

  /** The actor of a token made by issueForPath for exactly this path. */
  async verifyForPath(token: string, path: string): Promise<Actor> {
    return this.check(token, path);
  }

  private async check(token: string, path: string | null): Promise<Actor> {
    let accountId: string;
    let version: unknown;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) throw new Error('no subject');
      // A page's token opens that page only; a bearer token is not a page's token either.
      if ((payload.path ?? null) !== path) throw new Error('wrong scope');
      accountId = payload.sub;
      version = payload.ver ?? 0;
    } catch {
      throw CommonException.invalidToken();
    }
    const current = await this.stateOf(accountId);
    if (current === null) throw CommonException.invalidToken('The account of this token no longer exists.');
    // Before the version: a suspended account learns why, whichever token it holds.
    if (current.suspended) throw IdentityException.accountSuspended();
    if (current.version !== version) throw CommonException.invalidToken('This token was revoked; sign in again.');
    return { accountId };
  }

  /** Makes every token issued so far for the account invalid. */
  async revokeAll(accountId: string): Promise<void> {
    await this.dataSource.query(`UPDATE account SET token_version = token_version + 1 WHERE id = $1`, [accountId]);
  }

  private async stateOf(accountId: string): Promise<{ version: number; suspended: boolean } | null> {
    const rows: { token_version: number; suspended: boolean }[] = await this.dataSource.query(
      `SELECT token_version, suspended_at IS NOT NULL AS suspended FROM account WHERE id = $1`,
      [accountId],
    );
    return rows.length ? { version: rows[0].token_version, suspended: rows[0].suspended } : null;
  }

  /** Reads `Authorization: Bearer <token>`; null when the header is absent. */
  async actorFromHeader(header: string | undefined): Promise<Actor | null> {
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw CommonException.invalidToken('The Authorization header must be "Bearer <token>".');
    return this.verify(match[1]);
  }
}
