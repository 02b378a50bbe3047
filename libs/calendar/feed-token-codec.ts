import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Feed tokens: 32 random bytes, base64url in the URL (43 characters). The database keeps the
 * SHA-256 for look-up and the token sealed with AES-256-GCM under a key derived from AUTH_SECRET,
 * so the owner can be shown the URL again while a copy of the database alone opens no feed.
 */
export class FeedTokenCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'clustermeet', 'calendar-feed-token', 32));
  }

  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  /** The look-up hash; null for anything that is not a well-formed token (no query is spent on it). */
  static hash(token: string): Buffer | null {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return createHash('sha256').update(Buffer.from(token, 'base64url')).digest();
  }

  seal(token: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** The token, or null when it was sealed under another secret (AUTH_SECRET rotated). */
  open(sealed: Buffer): string | null {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
