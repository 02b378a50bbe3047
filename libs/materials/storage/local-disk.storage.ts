import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type ByteRange, type MaterialStorage } from './material-storage.js';

/**
 * Files in a folder of the data directory (default `<DATA_DIR>/materials`). A file is written
 * under a `.part` name and renamed when complete, so a failed upload never looks stored and
 * its partial file is removed at once.
 */
export class LocalDiskStorage implements MaterialStorage {
  readonly kind = 'local' as const;

  constructor(readonly root: string) {}

  async put(key: string, body: Readable, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    const partial = `${path}.part`;
    await mkdir(join(path, '..'), { recursive: true });
    // Opened before streaming, so a failure cannot race the open and leave the file behind.
    const handle = await open(partial, 'wx', 0o640);
    try {
      await pipeline(body, handle.createWriteStream());
      await rename(partial, path);
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(partial, { force: true });
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    await access(path);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return access(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, key);
  }
}
