/**
 * Materials upload benchmark: one 200 MB PDF uploaded through the real multipart endpoint
 * (`POST /events/:eventId/sessions/:sessionId/materials`), then downloaded whole, while the API
 * process's resident memory (RSS) is sampled every 10 ms. The uploading and downloading client
 * runs in a separate Node process so its buffers do not count against the server.
 *
 *   npm run build:test && node dist/bench/materials/materials-bench.js [sizeMB=200] [local|s3]
 *
 * The event's size limit is raised to 256 MB for the run. Uses TEST_DATABASE_URL when set, else
 * an embedded PostgreSQL in a temporary folder; `s3` runs against s3rver on loopback.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import S3rver from 's3rver';
import { materialsWorld, writeTestFile } from '../../test/support/materials-fixtures.js';
import { TestApp } from '../../test/support/test-app.js';
import { ENV_ADMIN_URL, ENV_TEMPLATE, startTestPostgres } from '../../test/support/test-postgres.js';

const MB = 1024 * 1024;
const SIZE_MB = Number(process.argv[2] ?? 200);
const STORAGE = (process.argv[3] ?? 'local') as 'local' | 's3';

/** The client: streams the file up with fetch + openAsBlob, then downloads it, printing timings as JSON. */
const CLIENT = `
const { openAsBlob } = await import('node:fs');
const [url, download, token, file] = process.argv.slice(1);
const form = new FormData();
form.append('visibility', 'PUBLIC');
form.append('file', await openAsBlob(file), 'bench-slides.pdf');
let t0 = performance.now();
const res = await fetch(url, { method: 'POST', body: form, headers: { authorization: 'Bearer ' + token } });
const body = await res.json();
const uploadMs = performance.now() - t0;
if (res.status !== 201) { console.log(JSON.stringify({ status: res.status, body })); process.exit(1); }
t0 = performance.now();
const dl = await fetch(new URL(body.material.downloadUrl, download));
let bytes = 0;
for await (const chunk of dl.body) bytes += chunk.length;
console.log(JSON.stringify({ status: res.status, uploadMs, downloadMs: performance.now() - t0, bytes, sha256: body.material.currentVersion.sha256 }));
`;

async function main() {
  const postgres = await startTestPostgres(process.env);
  process.env[ENV_ADMIN_URL] = postgres.adminUrl;
  process.env[ENV_TEMPLATE] = postgres.template;
  const dir = await mkdtemp(join(tmpdir(), 'clustermeet-materials-bench-'));
  let s3server: S3rver | undefined;
  const env: Record<string, string> = { MATERIALS_DIR: join(dir, 'storage') };
  if (STORAGE === 's3') {
    s3server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 's3') });
    const { port } = await s3server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
    await s3.send(new CreateBucketCommand({ Bucket: 'bench-materials' }));
    s3.destroy();
    Object.assign(env, {
      MATERIALS_STORAGE: 's3',
      MATERIALS_S3_ENDPOINT: endpoint,
      MATERIALS_S3_BUCKET: 'bench-materials',
      MATERIALS_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      MATERIALS_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
  }
  const t = await TestApp.start(env);
  try {
    const w = await materialsWorld(t, 'materials-bench');
    await t.ok(
      `mutation($e: ID!, $max: Float!) { updateMaterialsSettings(eventId: $e, input: { maxBytes: $max }) { maxBytes } }`,
      { e: w.eventId, max: 256 * MB },
      w.organiser.token,
    );
    const file = await writeTestFile(join(dir, 'bench.pdf'), SIZE_MB * MB, '%PDF-1.7\n', 42);
    global.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', CLIENT, `${t.baseUrl}/events/${w.eventId}/sessions/${w.pastSessionId}/materials`, t.baseUrl, w.speaker.token, file],
      { maxBuffer: 1024 * 1024 },
    );
    clearInterval(sampler);
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    if (result.bytes !== SIZE_MB * MB) throw new Error(`downloaded ${result.bytes} bytes, expected ${SIZE_MB * MB}`);
    const mbps = (ms: number) => (SIZE_MB / (ms / 1000)).toFixed(0);
    console.log(`storage=${STORAGE} file=${SIZE_MB} MB node=${process.version}`);
    console.log(`| storage | file | upload | upload throughput | download | download throughput | API RSS before | API RSS peak | peak − before |`);
    console.log(
      `| ${STORAGE} | ${SIZE_MB} MB | ${(result.uploadMs / 1000).toFixed(2)} s | ${mbps(result.uploadMs)} MB/s | ${(result.downloadMs / 1000).toFixed(2)} s | ${mbps(result.downloadMs)} MB/s | ` +
        `${(baseline / MB).toFixed(0)} MB | ${(peak / MB).toFixed(0)} MB | ${((peak - baseline) / MB).toFixed(0)} MB |`,
    );
  } finally {
    await t.stop();
    await s3server?.close();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
