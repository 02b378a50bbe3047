import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/index.js';
import { CommonException } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { type Actor } from './actor.js';
import { IdentityException } from './identity.exception.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REASON = 500;

/** An account as platform administrators see it: who it is and whether it is suspended. */
export interface AdministeredAccount {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  suspendedAt: Date | null;
  suspendedReason: string | null;
}

/**
 * Suspension of accounts by platform administrators (`PLATFORM_ADMIN_EMAILS`). While suspended,
 * TokenService.verify refuses every token of the account and login refuses it; suspending also
 * bumps token_version, so tokens issued before the suspension stay dead after reinstatement.
 */
@Injectable()
export class SuspensionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async suspend(actor: Actor | null, accountId: string, reason: string): Promise<void> {
    await this.assertPlatformAdmin(actor);
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text.length < 1 || text.length > MAX_REASON) throw IdentityException.invalidSuspensionReason();
    // Locking yourself out would leave no one to undo it from this account.
    if (accountId === actor!.accountId) throw CommonException.conflict('You cannot suspend your own account.', 'accountId');
    await this.change(actor!, accountId, 'account.suspended', { reason: text }, (id) => [
      `UPDATE account SET suspended_at = coalesce(suspended_at, now()), suspended_reason = $2, token_version = token_version + 1, updated_at = now()
        WHERE id = $1 AND erased_at IS NULL RETURNING id`,
      [id, text],
    ]);
  }

  async reinstate(actor: Actor | null, accountId: string): Promise<void> {
    await this.assertPlatformAdmin(actor);
    await this.change(actor!, accountId, 'account.reinstated', {}, (id) => [
      `UPDATE account SET suspended_at = NULL, suspended_reason = NULL, updated_at = now() WHERE id = $1 AND erased_at IS NULL RETURNING id`,
      [id],
    ]);
  }

  /** Whether the actor is a platform administrator (false when signed out). */
  async isPlatformAdmin(actor: Actor | null): Promise<boolean> {
    if (!actor) return false;
    const admins = this.config.platformAdminEmails;
    if (admins.length === 0) return false;
    const rows: { email: string }[] = await this.dataSource.query(`SELECT email FROM account WHERE id = $1`, [actor.accountId]);
    return rows.length > 0 && admins.includes(rows[0].email.toLowerCase());
  }

  /** Platform administrators look an account up by its e-mail (any case) to suspend or reinstate it. */
  async findByEmail(actor: Actor | null, email: string): Promise<AdministeredAccount> {
    await this.assertPlatformAdmin(actor);
    const address = typeof email === 'string' ? email.trim() : '';
    if (!address) throw IdentityException.invalidEmail();
    const rows: { id: string; email: string; name: string; created_at: Date; suspended_at: Date | null; suspended_reason: string | null }[] = await this.dataSource.query(
      `SELECT id, email, name, created_at, suspended_at, suspended_reason FROM account WHERE lower(email) = lower($1) AND erased_at IS NULL`,
      [address],
    );
    if (!rows.length) throw CommonException.notFound('Account', address);
    const r = rows[0];
    return { id: r.id, email: r.email, name: r.name, createdAt: r.created_at, suspendedAt: r.suspended_at, suspendedReason: r.suspended_reason };
  }

  private async change(actor: Actor, accountId: string, action: string, details: Record<string, unknown>, sql: (id: string) => [string, unknown[]]) {
    if (typeof accountId !== 'string' || !UUID.test(accountId)) throw CommonException.notFound('Account', String(accountId));
    await this.dataSource.transaction(async (manager) => {
      const [text, params] = sql(accountId);
      const [rows] = (await manager.query(text, params)) as [{ id: string }[], number];
      if (rows.length === 0) throw CommonException.notFound('Account', accountId);
      await this.audit.record(manager, { eventId: null, actorAccountId: actor.accountId, action, targetType: 'account', targetId: accountId, details });
    });
  }

  private async assertPlatformAdmin(actor: Actor | null): Promise<void> {
    if (!actor) throw CommonException.authenticationRequired();
    if (!(await this.isPlatformAdmin(actor))) throw IdentityException.notPlatformAdmin();
  }
}
