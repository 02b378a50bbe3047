import { createHash } from 'node:crypto';

/**
 * A short, one-way key for an address or an e-mail, so the counters never store personal
 * data in clear (they outlive the request; the hash is enough to count by).
 */
export function clientKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}
