import { createWriteStream } from 'node:fs';
import { openAsBlob } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { type TestApp } from './test-app.js';

/** Writes a file of `size` bytes starting with `head` (e.g. "%PDF-1.7"), in 1 MiB chunks, without holding it in memory. */
export async function writeTestFile(path: string, size: number, head: Buffer | string, seed = 1): Promise<string> {
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(1024 * 1024);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < chunk.length; i += 4) {
    // xorshift: incompressible, deterministic content.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    chunk.writeUInt32LE(x >>> 0, i);
  }
  const first = Buffer.concat([Buffer.from(head), chunk]).subarray(0, Math.min(size, chunk.length));
  let written = 0;
  const write = async (buf: Buffer) => {
    if (!out.write(buf)) await once(out, 'drain');
    written += buf.length;
  };
  await write(first);
  while (written < size) await write(chunk.subarray(0, Math.min(chunk.length, size - written)));
  out.end();
  await once(out, 'finish');
  return path;
}

export interface UploadResponse {
  status: number;
  body: any;
}

/** A real multipart/form-data POST, the file streamed from disk (fields first, then the file). */
export async function uploadFile(
  t: TestApp,
  url: string,
  filePath: string,
  fileName: string,
  token?: string,
  fields: Record<string, string> = {},
): Promise<UploadResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', await openAsBlob(filePath), fileName);
  const res = await fetch(t.baseUrl + url, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

/** Every file under a folder, recursively (storage must hold no partial files). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? (e as { path?: string }).path ?? '', e.name));
}

export interface MaterialsWorld {
  eventId: string;
  slug: string;
  organiser: { token: string; accountId: string };
  otherOrganiser: { token: string; accountId: string };
  participant: { token: string; accountId: string };
  speaker: { token: string; accountId: string };
  otherSpeaker: { token: string; accountId: string };
  /** Started in the past: no embargo in force. */
  pastSessionId: string;
  /** Starts in the future: embargoes hold. */
  futureSessionId: string;
  /** The other speaker's session, on another day. */
  otherSessionId: string;
}

/**
 * An event with an organiser, an approved participant, a speaker of two sessions, a speaker of
 * another session and the organiser of another event. Sessions are inserted directly (the agenda
 * has its own tests).
 */
export async function materialsWorld(t: TestApp, slug: string): Promise<MaterialsWorld> {
  const organiser = await t.signUp(`Olga ${slug}`);
  const otherOrganiser = await t.signUp(`Otto ${slug}`);
  const participant = await t.signUp(`Pia ${slug}`);
  const speaker = await t.signUp(`Sami ${slug}`);
  const otherSpeaker = await t.signUp(`Sara ${slug}`);
  const create = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
  const input = (s: string) => ({ name: `Materials ${s}`, slug: s, timeZone: 'Europe/Helsinki', startsOn: '2023-04-25', endsOn: '2023-04-27' });
  const { createEvent } = await t.ok(create, { input: input(slug) }, organiser.token);
  await t.ok(create, { input: input(`${slug}-other`) }, otherOrganiser.token);
  const eventId: string = createEvent.id;
  await t.db.query(`UPDATE event SET status = 'PUBLISHED' WHERE id = $1`, [eventId]);
  for (const [who, role] of [
    [participant, 'PARTICIPANT'],
    [speaker, 'SPEAKER'],
    [otherSpeaker, 'SPEAKER'],
  ] as const) {
    await t.db.query(`INSERT INTO participation (event_id, account_id, role, status) VALUES ($1, $2, $3, 'APPROVED')`, [eventId, who.accountId, role]);
  }
  const session = async (title: string, startsAt: string, people: [string, string][]) => {
    const [row] = await t.db.query(
      `INSERT INTO agenda_session (event_id, title, type, starts_at, ends_at, status)
       VALUES ($1, $2, 'PLENARY', $3::timestamptz, $3::timestamptz + interval '1 hour', 'PUBLISHED') RETURNING id`,
      [eventId, title, startsAt],
    );
    for (const [i, [accountId, role]] of people.entries()) {
      await t.db.query(`INSERT INTO agenda_session_person (session_id, account_id, role, position) VALUES ($1, $2, $3, $4)`, [row.id, accountId, role, i]);
    }
    return row.id as string;
  };
  const future = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  return {
    eventId,
    slug,
    organiser,
    otherOrganiser,
    participant,
    speaker,
    otherSpeaker,
    pastSessionId: await session('Round Table I: Modern Digital Solutions', '2023-04-26T07:00:00Z', [[speaker.accountId, 'SPEAKER']]),
    futureSessionId: await session('Keynote: Green Deal Industrial Plan', future, [[speaker.accountId, 'SPEAKER']]),
    otherSessionId: await session('Session IV: Critical raw materials', '2023-04-27T06:30:00Z', [[otherSpeaker.accountId, 'SPEAKER']]),
  };
}
