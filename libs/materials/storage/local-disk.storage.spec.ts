import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UploadInspector } from '../upload-inspector.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { newStorageKey } from './material-storage.js';

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

describe('LocalDiskStorage', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'clustermeet-storage-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores under the key, reads ranges and deletes', async () => {
    const storage = new LocalDiskStorage(root);
    const key = newStorageKey();
    await storage.put(key, Readable.from([Buffer.from('%PDF-hello '), Buffer.from('world')]), 'application/pdf');
    expect(await storage.exists(key)).toBe(true);
    expect(await text(await storage.read(key))).toBe('%PDF-hello world');
    expect(await text(await storage.read(key, { start: 5, end: 9 }))).toBe('hello');
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.delete(key); // deleting twice is fine
  });

  it('leaves no partial file when the stream fails half-way (size limit passed)', async () => {
    const storage = new LocalDiskStorage(root);
    const key = newStorageKey();
    const tooLarge = new Error('too large');
    const inspector = new UploadInspector({ maxBytes: 3 * 65536 }, () => tooLarge);
    Readable.from((function* () {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(65536, 0x25);
    })()).pipe(inspector);
    await expect(storage.put(key, inspector, 'application/pdf')).rejects.toBe(tooLarge);
    expect(await readdir(root, { recursive: true })).toEqual([key.slice(0, 2)]);
  });

  it('refuses keys that are not its own (no path traversal through keys)', async () => {
    const storage = new LocalDiskStorage(root);
    await expect(storage.read('../../etc/passwd')).rejects.toThrow('Not a material storage key');
  });
});
