import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { filesUnder, materialsWorld, type MaterialsWorld, uploadFile, writeTestFile } from '../support/materials-fixtures.js';
import { MATERIAL_STORAGE, MaterialFilesSweeper, type MaterialStorage, newStorageKey } from '../../libs/materials/index.js';
import { errorCode, TestApp } from '../support/test-app.js';

const MB = 1024 * 1024;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

async function get(t: TestApp, path: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.baseUrl + path, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** A real ZIP (deflated entries) with the given entry names. */
async function writeZip(path: string, names: string[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const name of names) zip.addBuffer(Buffer.from(`<xml name="${name}"/>`.repeat(50)), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

function zipEntries(buffer: Buffer): Promise<{ name: string; size: number }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: { name: string; size: number }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push({ name: entry.fileName, size: entry.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('presenter materials (real HTTP multipart, local disk)', () => {
  let t: TestApp;
  let dir: string;
  let storageDir: string;
  let w: MaterialsWorld;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clustermeet-materials-'));
    storageDir = join(dir, 'storage');
    t = await TestApp.start({ MATERIALS_DIR: storageDir });
    w = await materialsWorld(t, 'materials-local');
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const uploadUrl = (sessionId: string) => `/events/${w.eventId}/sessions/${sessionId}/materials`;
  const counts = async () => {
    const [row] = await t.db.query(`SELECT (SELECT count(*) FROM material)::int AS materials, (SELECT count(*) FROM material_version)::int AS versions`);
    return { ...row, files: (await filesUnder(storageDir)).length };
  };

  it('takes a 20 MB PDF from a speaker and a new version, keeping both with checksums', async () => {
    const v1 = await writeTestFile(join(dir, 'v1.pdf'), 20 * MB, '%PDF-1.7\n', 1);
    const up = await uploadFile(t, uploadUrl(w.pastSessionId), v1, 'Round table I – slides.pdf', w.speaker.token, {
      title: 'Digital solutions in mining',
      visibility: 'PUBLIC',
    });
    expect(up.status).toBe(201);
    const material = up.body.material;
    expect(material).toMatchObject({ title: 'Digital solutions in mining', visibility: 'PUBLIC', ownerAccountId: w.speaker.accountId });
    expect(material.currentVersion).toMatchObject({
      version: 1,
      fileName: 'Round table I – slides.pdf',
      fileType: 'PDF',
      contentType: 'application/pdf',
      sizeBytes: 20 * MB,
      sha256: await sha256Of(v1),
      uploadedBy: w.speaker.accountId,
    });

    const v2 = await writeTestFile(join(dir, 'v2.pdf'), 3 * MB, '%PDF-1.7\n', 2);
    const next = await uploadFile(t, `/materials/${material.id}/versions`, v2, 'slides-final.pdf', w.speaker.token);
    expect(next.status).toBe(201);
    expect(next.body.material.currentVersion).toMatchObject({ version: 2, sizeBytes: 3 * MB, sha256: await sha256Of(v2) });
    expect(next.body.material.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    // Stored under random ids, never the user's names.
    const files = await filesUnder(storageDir);
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/[0-9a-f]{2}\/[0-9a-f-]{36}$/);

    // The current download is version 2; version 1 stays downloadable for the owner and organisers only.
    const current = await get(t, `/materials/${material.id}/download`);
    expect(current.status).toBe(200);
    expect(createHash('sha256').update(current.body).digest('hex')).toBe(await sha256Of(v2));
    expect((await get(t, `/materials/${material.id}/versions/1/download`, w.speaker.token)).status).toBe(200);
    const old = await get(t, `/materials/${material.id}/versions/1/download`, w.organiser.token);
    expect(old.status).toBe(200);
    expect(old.body.length).toBe(20 * MB);
    expect((await get(t, `/materials/${material.id}/versions/1/download`, w.participant.token)).status).toBe(404);
    expect((await get(t, `/materials/${material.id}/versions/1/download`)).status).toBe(404);

    const seen = await t.ok(
      `query($id: ID!) { sessionMaterials(sessionId: $id) { id versions { version uploadedBy { name } } owner { name } } }`,
      { id: w.pastSessionId },
      w.participant.token,
    );
    expect(seen.sessionMaterials).toEqual([{ id: material.id, versions: [{ version: 2, uploadedBy: { name: 'Sami materials-local' } }], owner: { name: 'Sami materials-local' } }]);
    const asOrganiser = await t.ok(`query($id: ID!) { material(id: $id) { versions { version sha256 } canManage } }`, { id: material.id }, w.organiser.token);
    expect(asOrganiser.material.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(asOrganiser.material.canManage).toBe(true);
  });

  it('refuses a 60 MB file while streaming and a renamed executable, leaving nothing behind', async () => {
    const before = await counts();
    const big = await writeTestFile(join(dir, 'big.pdf'), 60 * MB, '%PDF-1.7\n', 3);
    const tooLarge = await uploadFile(t, uploadUrl(w.pastSessionId), big, 'big.pdf', w.speaker.token);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', field: 'file', details: { maxBytes: 50 * MB } });

    const elf = await writeTestFile(join(dir, 'elf.pdf'), 2 * MB, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 4);
    const executable = await uploadFile(t, uploadUrl(w.pastSessionId), elf, 'slides.pdf', w.speaker.token);
    expect(executable.status).toBe(415);
    expect(executable.body.error).toMatchObject({ reason: 'EXECUTABLE_REFUSED' });

    const mz = await writeTestFile(join(dir, 'setup.pptx'), 100 * 1024, 'MZ\x90\x00', 5);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), mz, 'deck.pptx', w.speaker.token)).body.error.reason).toBe('EXECUTABLE_REFUSED');

    const text = await writeTestFile(join(dir, 'notes.pdf'), 1000, 'plain text pretending', 6);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), text, 'notes.pdf', w.speaker.token)).body.error.reason).toBe('TYPE_NOT_RECOGNISED');

    const png = await writeTestFile(join(dir, 'photo.pdf'), 1000, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 7);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), png, 'photo.pdf', w.speaker.token)).body.error.reason).toBe('EXTENSION_MISMATCH');

    expect(await counts()).toEqual(before);
    expect((await filesUnder(storageDir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('recognises office files by their ZIP directory and refuses a ZIP of another kind after storing nothing', async () => {
    const before = await counts();
    const pptx = await writeZip(join(dir, 'deck.pptx'), ['[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml', 'ppt/slides/slide1.xml']);
    const ok = await uploadFile(t, uploadUrl(w.futureSessionId), pptx, 'Keynote deck.pptx', w.speaker.token, { visibility: 'PRIVATE' });
    expect(ok.status).toBe(201);
    expect(ok.body.material.currentVersion).toMatchObject({
      fileType: 'PPTX',
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    });
    expect((await uploadFile(t, uploadUrl(w.futureSessionId), pptx, 'deck.docx', w.speaker.token)).body.error.reason).toBe('EXTENSION_MISMATCH');
    const zip = await writeZip(join(dir, 'other.zip'), ['readme.txt', 'bin/tool']);
    expect((await uploadFile(t, uploadUrl(w.futureSessionId), zip, 'deck.pptx', w.speaker.token)).body.error.reason).toBe('TYPE_NOT_ALLOWED');
    const after = await counts();
    expect(after).toEqual({ materials: before.materials + 1, versions: before.versions + 1, files: before.files + 1 });
    await t.ok(`mutation($id: ID!) { deleteMaterial(id: $id) }`, { id: ok.body.material.id }, w.speaker.token);
    expect(await counts()).toEqual(before);
  });

  it('leaves nothing behind when the client disconnects half-way through an upload', async () => {
    const before = await counts();
    const boundary = 'clustermeet-test-boundary';
    await new Promise<void>((resolve) => {
      const req = request(`${t.baseUrl}${uploadUrl(w.pastSessionId)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.speaker.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(30 * MB) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
      let sent = 0;
      const chunk = Buffer.alloc(256 * 1024, 0x41);
      const pump = () => {
        while (sent < 5 * MB) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        // Give the server the bytes, then vanish.
        setTimeout(() => req.destroy(), 200);
      };
      pump();
    });
    // The server cleans up asynchronously after the connection drops: wait for it (bounded).
    for (let i = 0; i < 100 && (await filesUnder(storageDir)).length !== before.files; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await counts()).toEqual(before);
    // And the server still works.
    const pdf = await writeTestFile(join(dir, 'after-abort.pdf'), 1000, '%PDF-1.7\n', 40);
    const again = await uploadFile(t, uploadUrl(w.pastSessionId), pdf, 'after-abort.pdf', w.speaker.token, { visibility: 'PRIVATE' });
    expect(again.status).toBe(201);
    await t.ok(`mutation($id: ID!) { deleteMaterial(id: $id) }`, { id: again.body.material.id }, w.speaker.token);
  });

  it('lets only the session people and organisers upload; organisers upload on behalf of a speaker', async () => {
    const pdf = await writeTestFile(join(dir, 'small.pdf'), 64 * 1024, '%PDF-1.4\n', 8);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), pdf, 'a.pdf')).status).toBe(401);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), pdf, 'a.pdf', w.participant.token)).status).toBe(403);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), pdf, 'a.pdf', w.otherSpeaker.token)).status).toBe(403);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), pdf, 'a.pdf', w.otherOrganiser.token)).status).toBe(403);
    // A session of another event under this event's address does not exist.
    expect((await uploadFile(t, `/events/${w.eventId}/sessions/00000000-0000-4000-8000-000000000000/materials`, pdf, 'a.pdf', w.speaker.token)).status).toBe(404);

    const onBehalf = await uploadFile(t, uploadUrl(w.otherSessionId), pdf, '../../etc/pass\u202Ewd.pdf', w.organiser.token, {
      onBehalfOf: w.otherSpeaker.accountId,
      visibility: 'PUBLIC',
    });
    expect(onBehalf.body.error).toBeUndefined();
    expect(onBehalf.status).toBe(201);
    expect(onBehalf.body.material).toMatchObject({ ownerAccountId: w.otherSpeaker.accountId, currentVersion: { fileName: 'passwd.pdf', uploadedBy: w.organiser.accountId } });
    const notOnStage = await uploadFile(t, uploadUrl(w.otherSessionId), pdf, 'a.pdf', w.organiser.token, { onBehalfOf: w.participant.accountId });
    expect(notOnStage.body.error).toMatchObject({ reason: 'NOT_A_SESSION_PERSON', field: 'onBehalfOf' });
    const wrongSession = await uploadFile(t, uploadUrl(w.otherSessionId), pdf, 'a.pdf', w.speaker.token);
    expect(wrongSession.status).toBe(403);
    expect((await uploadFile(t, `/materials/${onBehalf.body.material.id}/versions`, pdf, 'b.pdf', w.speaker.token)).status).toBe(403);
    // No file part at all.
    const empty = await fetch(`${t.baseUrl}${uploadUrl(w.pastSessionId)}`, { method: 'POST', body: new FormData(), headers: { authorization: `Bearer ${w.speaker.token}` } });
    expect(empty.status).toBe(400);
  });

  it('serves downloads by visibility and embargo for every role, with ranges', async () => {
    const pdf = await writeTestFile(join(dir, 'vis.pdf'), 256 * 1024, '%PDF-1.7\n', 9);
    const up = async (sessionId: string, fields: Record<string, string>) => {
      const res = await uploadFile(t, uploadUrl(sessionId), pdf, `${fields.title}.pdf`, w.speaker.token, fields);
      expect(res.status).toBe(201);
      return res.body.material.id as string;
    };
    const ids = {
      PUBLIC: await up(w.pastSessionId, { title: 'public', visibility: 'PUBLIC' }),
      PARTICIPANTS: await up(w.pastSessionId, { title: 'participants', visibility: 'PARTICIPANTS' }),
      PRIVATE: await up(w.pastSessionId, { title: 'private', visibility: 'PRIVATE' }),
      EMBARGOED: await up(w.futureSessionId, { title: 'embargoed', visibility: 'PUBLIC', embargoUntilStart: 'true' }),
    };
    const roles: Record<string, string | undefined> = {
      anonymous: undefined,
      participant: w.participant.token,
      speaker: w.speaker.token,
      otherSpeaker: w.otherSpeaker.token,
      organiser: w.organiser.token,
      otherOrganiser: w.otherOrganiser.token,
    };
    const expected: Record<keyof typeof ids, Record<string, number>> = {
      PUBLIC: { anonymous: 200, participant: 200, speaker: 200, otherSpeaker: 200, organiser: 200, otherOrganiser: 200 },
      PARTICIPANTS: { anonymous: 401, participant: 200, speaker: 200, otherSpeaker: 200, organiser: 200, otherOrganiser: 403 },
      PRIVATE: { anonymous: 404, participant: 404, speaker: 200, otherSpeaker: 404, organiser: 200, otherOrganiser: 404 },
      EMBARGOED: { anonymous: 404, participant: 404, speaker: 200, otherSpeaker: 404, organiser: 200, otherOrganiser: 404 },
    };
    const actual: typeof expected = { PUBLIC: {}, PARTICIPANTS: {}, PRIVATE: {}, EMBARGOED: {} };
    for (const [kind, id] of Object.entries(ids) as [keyof typeof ids, string][]) {
      for (const [role, token] of Object.entries(roles)) {
        actual[kind][role] = (await get(t, `/materials/${id}/download`, token)).status;
      }
    }
    expect(actual).toEqual(expected);

    // The GraphQL list agrees with the downloads.
    for (const [role, token] of Object.entries(roles)) {
      const listed = await t.ok(`query($a: ID!, $b: ID!) { a: sessionMaterials(sessionId: $a) { id } b: sessionMaterials(sessionId: $b) { id } }`, { a: w.pastSessionId, b: w.futureSessionId }, token);
      const seen = new Set([...listed.a, ...listed.b].map((m: { id: string }) => m.id));
      for (const [kind, id] of Object.entries(ids) as [keyof typeof ids, string][]) expect({ role, kind, seen: seen.has(id) }).toEqual({ role, kind, seen: expected[kind][role] === 200 });
    }

    // Lifting the embargo (owner) opens it to everyone the visibility allows.
    await t.ok(`mutation($id: ID!) { updateMaterial(id: $id, input: { embargoUntilStart: false }) { embargoed } }`, { id: ids.EMBARGOED }, w.speaker.token);
    expect((await get(t, `/materials/${ids.EMBARGOED}/download`)).status).toBe(200);
    const denied = await t.gql(`mutation($id: ID!) { updateMaterial(id: $id, input: { visibility: PRIVATE }) { id } }`, { id: ids.PUBLIC }, w.participant.token);
    expect(errorCode(denied)).toBe('FORBIDDEN');

    // Headers and ranges.
    const whole = await get(t, `/materials/${ids.PUBLIC}/download`);
    expect(whole.headers.get('content-type')).toBe('application/pdf');
    expect(whole.headers.get('content-length')).toBe(String(256 * 1024));
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-disposition')).toBe(`attachment; filename="public.pdf"; filename*=UTF-8''public.pdf`);
    const first = await get(t, `/materials/${ids.PUBLIC}/download`, undefined, { range: 'bytes=0-4' });
    expect(first.status).toBe(206);
    expect(first.body.toString('latin1')).toBe('%PDF-');
    expect(first.headers.get('content-range')).toBe(`bytes 0-4/${256 * 1024}`);
    expect(first.headers.get('content-length')).toBe('5');
    const tail = await get(t, `/materials/${ids.PUBLIC}/download`, undefined, { range: 'bytes=-1000' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(whole.body.subarray(whole.body.length - 1000))).toBe(true);
    const outside = await get(t, `/materials/${ids.PUBLIC}/download`, undefined, { range: `bytes=${256 * 1024}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${256 * 1024}`);
    const stale = await get(t, `/materials/${ids.PUBLIC}/download`, undefined, { range: 'bytes=0-4', 'if-range': '"not-the-etag"' });
    expect(stale.status).toBe(200);

    // Deleting removes rows and files.
    const filesBefore = (await filesUnder(storageDir)).length;
    expect(errorCode(await t.gql(`mutation($id: ID!) { deleteMaterial(id: $id) }`, { id: ids.PRIVATE }, w.otherSpeaker.token))).toBe('NOT_FOUND');
    await t.ok(`mutation($id: ID!) { deleteMaterial(id: $id) }`, { id: ids.PRIVATE }, w.organiser.token);
    expect((await get(t, `/materials/${ids.PRIVATE}/download`, w.organiser.token)).status).toBe(404);
    expect((await filesUnder(storageDir)).length).toBe(filesBefore - 1);
  });

  it('lets organisers set the rules and chase speakers without materials', async () => {
    const settings = await t.ok(`query($e: ID!) { materialsSettings(eventId: $e) { allowedTypes maxBytes uploadDeadline packPublic packUrl } }`, { e: w.eventId }, w.organiser.token);
    expect(settings.materialsSettings).toMatchObject({ maxBytes: 50 * MB, uploadDeadline: null, packPublic: false, packUrl: '/events/materials-local/materials.zip' });
    expect(settings.materialsSettings.allowedTypes).toEqual(expect.arrayContaining(['PDF', 'PPTX']));
    expect(errorCode(await t.gql(`query($e: ID!) { materialsSettings(eventId: $e) { maxBytes } }`, { e: w.eventId }, w.speaker.token))).toBe('FORBIDDEN');
    const bad = await t.gql(`mutation($e: ID!) { updateMaterialsSettings(eventId: $e, input: { allowedTypes: [] }) { maxBytes } }`, { e: w.eventId }, w.organiser.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allowedTypes' });

    // A speaker added to a session who has uploaded nothing is chased; the one who did is not.
    await t.db.query(`INSERT INTO agenda_session_person (session_id, account_id, role, position) VALUES ($1, $2, 'SPEAKER', 1)`, [w.pastSessionId, w.otherSpeaker.accountId]);
    await t.ok(
      `mutation($e: ID!) { updateMaterialsSettings(eventId: $e, input: { uploadDeadline: "2023-04-20T12:00:00Z", allowedTypes: [PDF], maxBytes: 10485760 }) { maxBytes } }`,
      { e: w.eventId },
      w.organiser.token,
    );
    const missing = await t.ok(
      `query($e: ID!) { sessionsMissingMaterials(eventId: $e) { session { id title } speakers { accountId name } deadline overdue } }`,
      { e: w.eventId },
      w.organiser.token,
    );
    const bySession = Object.fromEntries(missing.sessionsMissingMaterials.map((m: any) => [m.session.id, m]));
    expect(bySession[w.pastSessionId].speakers.map((s: any) => s.accountId)).toEqual([w.otherSpeaker.accountId]);
    expect(bySession[w.pastSessionId]).toMatchObject({ deadline: '2023-04-20T12:00:00.000Z', overdue: true });
    // The other speaker's own session has material (uploaded on their behalf); the speaker's future session too.
    expect(bySession[w.otherSessionId]).toBeUndefined();
    expect(bySession[w.futureSessionId]).toBeUndefined();

    // New rules apply to the next upload: PNG no longer allowed, 10 MB limit.
    const png = await writeTestFile(join(dir, 'photo.png'), 1000, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 10);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), png, 'photo.png', w.speaker.token)).body.error).toMatchObject({ reason: 'TYPE_NOT_ALLOWED' });
    const pdf = await writeTestFile(join(dir, 'eleven.pdf'), 11 * MB, '%PDF-1.7\n', 11);
    expect((await uploadFile(t, uploadUrl(w.pastSessionId), pdf, 'eleven.pdf', w.speaker.token)).status).toBe(413);
  });

  it('streams the materials pack of public materials by day and session', async () => {
    const zipPath = `/events/${w.slug}/materials.zip`;
    expect((await get(t, zipPath)).status).toBe(401);
    expect((await get(t, zipPath, w.participant.token)).status).toBe(403);
    const res = await get(t, zipPath, w.organiser.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain('materials-local-materials.zip');
    const entries = await zipEntries(res.body);
    // Public only (not the participants-only one, nor the deleted private one); the current version of each;
    // the keynote's material since its embargo was lifted.
    expect(entries.map((e) => e.name).sort()).toEqual([
      '2023-04-26/10-00 Round Table I_ Modern Digital Solutions/public.pdf',
      '2023-04-26/10-00 Round Table I_ Modern Digital Solutions/slides-final.pdf',
      '2023-04-27/09-30 Session IV_ Critical raw materials/passwd.pdf',
      expect.stringMatching(new RegExp(`^\\d{4}-\\d\\d-\\d\\d/\\d\\d-\\d\\d Keynote_ Green Deal Industrial Plan/embargoed.pdf$`)),
    ]);
    expect(entries.find((e) => e.name.endsWith('slides-final.pdf'))!.size).toBe(3 * MB);

    // Published after the event: anyone may download it.
    await t.ok(`mutation($e: ID!) { updateMaterialsSettings(eventId: $e, input: { packPublic: true }) { packPublic } }`, { e: w.eventId }, w.organiser.token);
    const open = await get(t, zipPath);
    expect(open.status).toBe(200);
    expect((await zipEntries(open.body)).length).toBe(4);
  });
  it('takes GraphQL multipart uploads, only with the CSRF header, under the same rules', async () => {
    const send = async (file: string, name: string, headers: Record<string, string>) => {
      const form = new FormData();
      form.append(
        'operations',
        JSON.stringify({
          query: `mutation($s: ID!, $f: Upload!) { uploadMaterial(sessionId: $s, file: $f, title: "Via GraphQL") {
            id title visibility currentVersion { version fileName fileType sizeBytes sha256 } } }`,
          variables: { s: w.pastSessionId, f: null },
        }),
      );
      form.append('map', JSON.stringify({ 0: ['variables.f'] }));
      form.append('0', await openAsBlob(file), name);
      const res = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${w.speaker.token}`, ...headers } });
      return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] } };
    };
    const pdf = await writeTestFile(join(dir, 'gql.pdf'), 2 * MB, '%PDF-1.7\n', 30);
    const before = await counts();
    const withoutHeader = await send(pdf, 'gql.pdf', {});
    expect(withoutHeader.status).toBe(400);
    expect(await counts()).toEqual(before);

    const ok = await send(pdf, 'gql.pdf', { 'apollo-require-preflight': 'true' });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.uploadMaterial).toMatchObject({
      title: 'Via GraphQL',
      visibility: 'PARTICIPANTS',
      currentVersion: { version: 1, fileName: 'gql.pdf', fileType: 'PDF', sizeBytes: 2 * MB, sha256: await sha256Of(pdf) },
    });

    const elf = await writeTestFile(join(dir, 'gql-elf.pdf'), 1 * MB, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 31);
    const refused = await send(elf, 'slides.pdf', { 'apollo-require-preflight': 'true' });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXECUTABLE_REFUSED', field: 'file' });
    expect(await counts()).toEqual({ materials: before.materials + 1, versions: before.versions + 1, files: before.files + 1 });
  });

  it('sweeps the files of materials whose session was deleted, and only after the deletion commits', async () => {
    const { createSession } = await t.ok(
      `mutation($e: ID!, $i: CreateSessionInput!) { createSession(eventId: $e, input: $i) { id } }`,
      { e: w.eventId, i: { title: 'Cancelled side event', type: 'WORKSHOP', startsAt: '2023-04-27T12:00:00Z', endsAt: '2023-04-27T13:00:00Z' } },
      w.organiser.token,
    );
    const pdf = await writeTestFile(join(dir, 'side.pdf'), 200_000, '%PDF-1.7\n', 40);
    const first = await uploadFile(t, uploadUrl(createSession.id), pdf, 'side.pdf', w.organiser.token);
    expect(first.status).toBe(201);
    expect((await uploadFile(t, `/materials/${first.body.material.id}/versions`, pdf, 'side-v2.pdf', w.organiser.token)).status).toBe(201);
    const keys: string[] = (await t.db.query(`SELECT storage_key FROM material_version WHERE material_id = $1`, [first.body.material.id])).map((r: { storage_key: string }) => r.storage_key);
    expect(keys).toHaveLength(2);
    const stored = async () => (await filesUnder(storageDir)).filter((f) => keys.some((k) => f.endsWith(k))).length;
    expect(await stored()).toBe(2);

    // A deletion that rolls back queues nothing.
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`DELETE FROM agenda_session WHERE id = $1`, [createSession.id]);
    await runner.rollbackTransaction();
    await runner.release();
    expect(await t.db.query(`SELECT storage_key FROM material_file_garbage WHERE storage_key = ANY($1)`, [keys])).toEqual([]);

    // Deleting the session cascades to its materials; their files are queued, then swept.
    expect((await t.ok(`mutation($id: ID!) { deleteSession(id: $id) }`, { id: createSession.id }, w.organiser.token)).deleteSession).toBe(true);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM material WHERE id = $1`, [first.body.material.id])).toEqual([{ n: 0 }]);
    expect((await t.db.query(`SELECT storage_key FROM material_file_garbage WHERE storage_key = ANY($1) ORDER BY storage_key`, [keys])).map((r: { storage_key: string }) => r.storage_key)).toEqual([...keys].sort());
    expect(await stored()).toBe(2);
    // (The app's own 10-minute sweep may take some first: what counts is that they are gone.)
    await t.app.get(MaterialFilesSweeper).sweep();
    expect(await stored()).toBe(0);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM material_file_garbage`)).toEqual([{ n: 0 }]);
    // A speaker's own deletion leaves nothing queued either: its files go at once.
    expect(await t.app.get(MaterialFilesSweeper).sweep()).toBe(0);
  });

  it('queues an upload for sweeping before storing it and keeps it with its row; a file left by a crash in between is swept a day later', async () => {
    const sweeper = t.app.get(MaterialFilesSweeper);
    const pending = async () =>
      (await t.db.query(`SELECT storage_key, sweep_after > now() + interval '23 hours' AS later FROM material_file_garbage`)) as { storage_key: string; later: boolean }[];
    expect(await pending()).toEqual([]);

    // While the file streams, its key is already queued, due a day later (so no sweep touches it).
    const boundary = 'clustermeet-intent-boundary';
    let queuedWhileStreaming: { storage_key: string; later: boolean }[] = [];
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.baseUrl}${uploadUrl(w.pastSessionId)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.speaker.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\nPRIVATE\r\n`);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
      req.write(Buffer.alloc(64 * 1024, 0x41));
      void (async () => {
        for (let i = 0; i < 100 && !queuedWhileStreaming.length; i++) {
          queuedWhileStreaming = await pending();
          if (!queuedWhileStreaming.length) await new Promise((r) => setTimeout(r, 50));
        }
        expect(await sweeper.sweep()).toBe(0);
        req.end(`${Buffer.alloc(64 * 1024, 0x42)}\r\n--${boundary}--\r\n`);
      })().catch(reject);
    });
    expect(status).toBe(201);
    expect(queuedWhileStreaming).toEqual([{ storage_key: expect.any(String), later: true }]);
    const [version] = await t.db.query(`SELECT material_id, storage_key FROM material_version WHERE storage_key = $1`, [queuedWhileStreaming[0].storage_key]);
    expect(version).toBeDefined();
    expect(await pending()).toEqual([]); // kept: the row claims the file
    expect((await filesUnder(storageDir)).some((f) => f.endsWith(version.storage_key))).toBe(true);

    // A process that died after storing a file and before writing its row left this behind.
    const key = newStorageKey();
    await sweeper.reserve(key);
    await t.app.get<MaterialStorage>(MATERIAL_STORAGE).put(key, Readable.from([Buffer.from('%PDF-1.7\norphan')]), 'application/pdf');
    const orphanStored = async () => (await filesUnder(storageDir)).some((f) => f.endsWith(key));
    expect(await orphanStored()).toBe(true);
    expect(await sweeper.sweep()).toBe(0); // not yet due: it could still be uploading
    await t.db.query(`UPDATE material_file_garbage SET sweep_after = now() - interval '1 second' WHERE storage_key = $1`, [key]); // a day later
    await sweeper.sweep();
    expect(await orphanStored()).toBe(false);
    expect(await pending()).toEqual([]);

    await t.ok(`mutation($id: ID!) { deleteMaterial(id: $id) }`, { id: version.material_id }, w.speaker.token);
  });
});
