import { randomUUID } from 'node:crypto';
import { type Readable } from 'node:stream';

/** Injection token of the configured MaterialStorage. */
export const MATERIAL_STORAGE = Symbol('MATERIAL_STORAGE');

/** A byte range, both ends included (as in HTTP). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where material files live. Keys are random ids chosen by ClusterMeet, never user file names.
 * `put` consumes the stream; if the stream fails (too large, refused type, client gone) it
 * rejects and leaves nothing stored under the key.
 */
export interface MaterialStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The stored bytes, or a range of them. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** A fresh storage key: a random UUID behind a two-character fan-out folder. */
export function newStorageKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not a material storage key: ${JSON.stringify(key)}`);
}
