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
    const admins = this.config.platformAdminEmails;
    if (admins.length === 0) throw IdentityException.notPlatformAdmin();
    const rows: { email: string }[] = await this.dataSource.query(`SELECT email FROM account WHERE id = $1`, [actor.accountId]);
    if (!rows.length || !admins.includes(rows[0].email.toLowerCase())) throw IdentityException.notPlatformAdmin();
  }
}
