import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationKind, type NotificationKind } from './notification-kind.js';

/**
 * A one-click unsubscribe link carries "<account>.<kind>.<signature>": no login, no database
 * row, nothing to guess. The HMAC key is derived from AUTH_SECRET for this one purpose.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(authSecret: string) {
    this.key = createHmac('sha256', authSecret).update('clustermeet:unsubscribe:v1').digest();
  }

  sign(accountId: string, kind: NotificationKind): string {
    const payload = `${accountId}.${kind}`;
    return `${payload}.${this.signature(payload)}`;
  }

  verify(token: string): { accountId: string; kind: NotificationKind } | null {
    const parts = typeof token === 'string' ? token.split('.') : [];
    if (parts.length !== 3) return null;
    const [accountId, kind, signature] = parts;
    const expected = Buffer.from(this.signature(`${accountId}.${kind}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (!isNotificationKind(kind)) return null;
    return { accountId, kind };
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, 32);
  }
}
