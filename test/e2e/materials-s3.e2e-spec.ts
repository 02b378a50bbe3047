import { CreateBucketCommand, ListMultipartUploadsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { materialsWorld, type MaterialsWorld, uploadFile, writeTestFile } from '../support/materials-fixtures.js';
import { TestApp } from '../support/test-app.js';

const MB = 1024 * 1024;
const BUCKET = 'clustermeet-materials';

/**
 * The same API on S3-compatible storage: s3rver (an S3 server in Node) runs in this process on a
 * free loopback port; the app speaks to it with the AWS SDK exactly as it would to S3 or MinIO.
 */
describe('presenter materials on S3-compatible storage', () => {
  let t: TestApp;
  let dir: string;
  let server: S3rver;
  let s3: S3Client;
  let w: MaterialsWorld;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clustermeet-s3-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 's3') });
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    t = await TestApp.start({
      MATERIALS_STORAGE: 's3',
      MATERIALS_S3_ENDPOINT: endpoint,
      MATERIALS_S3_BUCKET: BUCKET,
      MATERIALS_S3_PREFIX: 'materials/',
      MATERIALS_S3_ACCESS_KEY_ID: 'S3RVER',
      MATERIALS_S3_SECRET_ACCESS_KEY: 'S3RVER',
      MATERIALS_DIR: join(dir, 'unused-local'),
    });
    w = await materialsWorld(t, 'materials-s3');
  });
  afterAll(async () => {
    await t?.stop();
    s3?.destroy();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const objects = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!);

  it('streams a multipart upload into the bucket and serves it back with ranges', async () => {
    const pdf = await writeTestFile(join(dir, 'slides.pdf'), 20 * MB, '%PDF-1.7\n', 21);
    const up = await uploadFile(t, `/events/${w.eventId}/sessions/${w.pastSessionId}/materials`, pdf, 'slides.pdf', w.speaker.token, { visibility: 'PUBLIC' });
    expect(up.status).toBe(201);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(pdf)) hash.update(chunk);
    expect(up.body.material.currentVersion.sha256).toBe(hash.digest('hex'));
    const keys = await objects();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^materials\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);

    const whole = await fetch(`${t.baseUrl}/materials/${up.body.material.id}/download`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe(String(20 * MB));
    const body = Buffer.from(await whole.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(up.body.material.currentVersion.sha256);
    const range = await fetch(`${t.baseUrl}/materials/${up.body.material.id}/download`, { headers: { range: 'bytes=10000000-10000009' } });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(body.subarray(10000000, 10000010))).toBe(true);
  });

  it('leaves no object and no unfinished multipart upload when a file is refused', async () => {
    const before = await objects();
    const big = await writeTestFile(join(dir, 'big.pdf'), 60 * MB, '%PDF-1.7\n', 22);
    const res = await uploadFile(t, `/events/${w.eventId}/sessions/${w.pastSessionId}/materials`, big, 'big.pdf', w.speaker.token);
    expect(res.status).toBe(413);
    expect(res.body.error.reason).toBe('FILE_TOO_LARGE');
    expect(await objects()).toEqual(before);
    const pending = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET })).catch(() => ({ Uploads: [] }));
    expect(pending.Uploads ?? []).toEqual([]);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM material_version`);
    expect(row.n).toBe(1);
  });

  it('deletes the object with the material', async () => {
    const [row] = await t.db.query(`SELECT id FROM material LIMIT 1`);
    await t.ok(`mutation($id: ID!) { deleteMaterial(id: $id) }`, { id: row.id }, w.organiser.token);
    expect(await objects()).toEqual([]);
  });
});
