import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

/** Notifications' part of privacy (export and erasure), in the caller's transaction. */
@Injectable()
export class NotificationsPersonalDataService {
  async exportFor(manager: EntityManager, accountId: string) {
    const [deliveries, unsubscribed] = await Promise.all([
      manager.query(
        `SELECT id, event_id AS "eventId", kind, status, created_at AS "createdAt", sent_at AS "sentAt" FROM notification_delivery WHERE recipient_account_id = $1 ORDER BY created_at`,
        [accountId],
      ),
      manager.query(`SELECT kind FROM notification_preference WHERE account_id = $1 ORDER BY kind`, [accountId]),
    ]);
    return { deliveries, unsubscribedKinds: unsubscribed.map((r: { kind: string }) => r.kind) };
  }

  /**
   * Drops preferences and the placeholders (names, messages) of messages already sent; messages
   * still to be sent keep theirs so the other side's cancellation notice can go out.
   */
  async erasePersonalData(manager: EntityManager, scope: { accountId?: string; eventId?: string }): Promise<void> {
    if (scope.accountId) {
      await manager.query(`DELETE FROM notification_preference WHERE account_id = $1`, [scope.accountId]);
      await manager.query(`UPDATE notification_delivery SET data = '{}'::jsonb, ics = NULL, ics_method = NULL WHERE recipient_account_id = $1 AND status IN ('SENT', 'FAILED', 'SKIPPED')`, [scope.accountId]);
    }
    if (scope.eventId) {
      await manager.query(`UPDATE notification_delivery SET data = '{}'::jsonb, ics = NULL, ics_method = NULL WHERE event_id = $1 AND status IN ('SENT', 'FAILED', 'SKIPPED')`, [scope.eventId]);
    }
  }
}
