import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/index.js';
import { CommonException } from '../common/index.js';
import { LoginThrottle } from '../security/index.js';
import { type AuthResult, MIN_PASSWORD } from './accounts.service.js';
import { type Actor } from './actor.js';
import { AccountEntity } from './entities/account.entity.js';
import { IdentityEvents } from './identity-events.js';
import { IdentityException } from './identity.exception.js';
import { normaliseEmail } from './normalise.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';

/** How long a link to set a password works: asked for by its owner, and sent in an organiser's invitation. */
const LINK_VALID = '1 hour';
const INVITATION_VALID = '7 days';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Setting a password without the old one (a link by e-mail: forgotten passwords, and people an
 * organiser imported, who have none yet) and changing it with the old one. Either way every
 * session so far ends (the token version moves on) and the person is signed in afresh.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly events: IdentityEvents,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * E-mails a link to set a new password to the account with this address, when there is one
   * that may sign in (not erased, not suspended). The caller learns nothing either way: the answer
   * is the same. Asking again retires the earlier links; the link's secret is kept only as a hash.
   */
  async request(emailInput: string): Promise<void> {
    const email = normaliseEmail(emailInput);
    const [account]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM account WHERE lower(email) = lower($1) AND erased_at IS NULL AND suspended_at IS NULL`,
      [email],
    );
    if (!account) return;
    await this.dataSource.transaction(async (manager) => {
      const link = await this.newLink(manager, account.id, LINK_VALID);
      await this.events.emit(manager, { type: 'password-reset.requested', accountId: account.id, ...link });
    });
  }

  /**
   * In the caller's transaction: a link valid for a week to each of these accounts that still has
   * no password and may sign in (organisers invite the people they imported). Returns who got one.
   */
  async invite(manager: EntityManager, accountIds: readonly string[], eventId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM account WHERE id = ANY($1::uuid[]) AND password_hash IS NULL AND erased_at IS NULL AND suspended_at IS NULL ORDER BY id`,
      [[...accountIds]],
    );
    for (const { id } of rows) {
      const link = await this.newLink(manager, id, INVITATION_VALID);
      await this.events.emit(manager, { type: 'account.invited', accountId: id, eventId, ...link });
    }
    return rows.map((r) => r.id);
  }

  /** A fresh link (earlier ones retired), under the account's row lock, which orders concurrent asks of one person. */
  private async newLink(manager: EntityManager, accountId: string, validFor: string): Promise<{ resetId: string; token: string; expiresAt: Date }> {
    await manager.query(`SELECT 1 FROM account WHERE id = $1 FOR UPDATE`, [accountId]);
    await this.retireLinks(manager, accountId);
    const token = randomBytes(32).toString('base64url');
    const [created]: { id: string; expires_at: Date }[] = await manager.query(
      `INSERT INTO password_reset (account_id, token_hash, expires_at) VALUES ($1, $2, now() + $3::interval) RETURNING id, expires_at`,
      [accountId, sha256(token), validFor],
    );
    return { resetId: created.id, token, expiresAt: created.expires_at };
  }

  /** Sets the password of the link's account, once, while the link is valid, and signs the person in. */
  async reset(token: string, password: string): Promise<AuthResult> {
    requireStrong(password, 'password');
    const hash = typeof token === 'string' && token.length <= 100 ? sha256(token) : '';
    // Checked before hashing the password (argon2 is costly), and again under the row lock.
    if (!(await this.usableLink(this.dataSource.manager, hash))) throw IdentityException.invalidResetLink();
    const passwordHash = await this.hasher.hash(password);
    const accountId = await this.dataSource.transaction(async (manager) => {
      const link = await this.usableLink(manager, hash, true);
      if (!link) throw IdentityException.invalidResetLink();
      if (link.suspended) throw IdentityException.accountSuspended();
      await this.setPassword(manager, link.accountId, passwordHash, 'account.password_reset');
      return link.accountId;
    });
    return this.signIn(accountId);
  }

  /** The signed-in person changes their password, giving the current one. Other sessions end. */
  async change(actor: Actor | null, currentPassword: string, newPassword: string, client: { ip?: string | null } = {}): Promise<AuthResult> {
    if (!actor) throw CommonException.authenticationRequired();
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.id = :id', { id: actor.accountId })
      .getOne();
    if (!account) throw CommonException.invalidToken('The account of this token no longer exists.');
    // Guessing the current password here is guessing a sign-in: the same back-off applies.
    await this.throttle.assertAllowed(account.email, client.ip);
    if (!(await this.hasher.verify(account.passwordHash, String(currentPassword ?? '')))) {
      await this.throttle.recordFailure(account.email, client.ip);
      throw IdentityException.wrongPassword();
    }
    requireStrong(newPassword, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction((manager) => this.setPassword(manager, account.id, passwordHash, 'account.password_changed'));
    return this.signIn(account.id);
  }

  private async usableLink(manager: EntityManager, tokenHash: string, lock = false): Promise<{ accountId: string; suspended: boolean } | null> {
    const [row]: { account_id: string; suspended: boolean }[] = await manager.query(
      `SELECT r.account_id, a.suspended_at IS NOT NULL AS suspended
         FROM password_reset r JOIN account a ON a.id = r.account_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND a.erased_at IS NULL
        ${lock ? 'FOR UPDATE OF r, a' : ''}`,
      [tokenHash],
    );
    return row ? { accountId: row.account_id, suspended: row.suspended } : null;
  }

  private async setPassword(manager: EntityManager, accountId: string, passwordHash: string, action: string): Promise<void> {
    await manager.query(`UPDATE account SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1`, [accountId, passwordHash]);
    await this.retireLinks(manager, accountId);
    await this.audit.record(manager, { eventId: null, actorAccountId: accountId, action, targetType: 'account', targetId: accountId });
  }

  /** Links not used yet stop working (marked used: nobody can use them any more). */
  private async retireLinks(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(`UPDATE password_reset SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
  }

  private async signIn(accountId: string): Promise<AuthResult> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
    return { ...(await this.tokens.issue(accountId)), account };
  }
}

function requireStrong(password: unknown, field: string): void {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD) throw IdentityException.weakPassword(field);
}
