import {
  INSTANCE_SCHEMA,
  type MeetingLock,
  type SchedulingInstance,
  type SchedulingMeeting,
  type SchedulingParticipant,
  type SchedulingSlot,
} from './types.js';

/** Thrown by parseInstance; `problems` lists every problem found (capped), `message` summarises them. */
export class InstanceError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `invalid scheduling instance: ${problems.slice(0, 10).join('; ')}` +
        (problems.length > 10 ? `; … and ${problems.length - 10} more` : ''),
    );
    this.name = 'InstanceError';
  }
}

const MAX_PROBLEMS = 50;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * Validates raw JSON (text or parsed value) as a `b2b-sched-instance/v1` instance and returns a
 * clean copy holding only the fields the scheduler uses (unknown fields are ignored).
 * Also rejects locked meetings that cannot all hold at once, since no valid schedule would exist.
 */
export function parseInstance(json: unknown): SchedulingInstance {
  let raw: unknown = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (e) {
      throw new InstanceError([`not valid JSON: ${(e as Error).message}`]);
    }
  }
  const problems: string[] = [];
  const problem = (msg: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(msg);
  };
  if (!isObject(raw)) throw new InstanceError(['instance must be a JSON object']);
  if (raw.schema !== INSTANCE_SCHEMA) {
    problem(`schema must be "${INSTANCE_SCHEMA}" (got ${JSON.stringify(raw.schema)})`);
  }
  if (typeof raw.name !== 'string' || raw.name.length === 0) problem('name must be a non-empty string');
  if (!Array.isArray(raw.slots)) problem('slots must be an array');
  if (!Array.isArray(raw.participants)) problem('participants must be an array');
  if (!Array.isArray(raw.meetings)) problem('meetings must be an array');
  if (problems.length > 0) throw new InstanceError(problems);

  const slots: SchedulingSlot[] = [];
  (raw.slots as unknown[]).forEach((s, i) => {
    if (!isObject(s)) return problem(`slots[${i}] must be an object`);
    if (s.id !== i) problem(`slots[${i}].id must be ${i} (ids are dense and in order)`);
    if (!isInt(s.tables) || s.tables < 0) problem(`slots[${i}].tables must be an integer >= 0`);
    const slot: SchedulingSlot = { id: i, tables: isInt(s.tables) ? s.tables : 0 };
    if (isInt(s.day)) slot.day = s.day;
    if (typeof s.session === 'string') slot.session = s.session;
    if (typeof s.start === 'string') slot.start = s.start;
    if (typeof s.end === 'string') slot.end = s.end;
    slots.push(slot);
  });
  const S = slots.length;

  const participants: SchedulingParticipant[] = [];
  (raw.participants as unknown[]).forEach((p, i) => {
    if (!isObject(p)) return problem(`participants[${i}] must be an object`);
    if (p.id !== i) problem(`participants[${i}].id must be ${i} (ids are dense and in order)`);
    if (!isInt(p.maxMeetings) || p.maxMeetings < 0) {
      problem(`participants[${i}].maxMeetings must be an integer >= 0`);
    }
    const unavailable: number[] = [];
    if (p.unavailable !== undefined && !Array.isArray(p.unavailable)) {
      problem(`participants[${i}].unavailable must be an array of slot ids`);
    } else if (Array.isArray(p.unavailable)) {
      for (const s of p.unavailable) {
        if (!isInt(s) || s < 0 || s >= S) problem(`participants[${i}].unavailable has unknown slot ${JSON.stringify(s)}`);
        else if (!unavailable.includes(s)) unavailable.push(s);
      }
    }
    const out: SchedulingParticipant = {
      id: i,
      maxMeetings: isInt(p.maxMeetings) ? p.maxMeetings : 0,
      unavailable,
    };
    if (typeof p.type === 'string') out.type = p.type;
    if (typeof p.region === 'string') out.region = p.region;
    if (Array.isArray(p.sectors)) out.sectors = p.sectors.filter((x): x is string => typeof x === 'string');
    if (typeof p.popular === 'boolean') out.popular = p.popular;
    participants.push(out);
  });
  const n = participants.length;

  const meetings: SchedulingMeeting[] = [];
  const pairs = new Set<number>();
  (raw.meetings as unknown[]).forEach((m, i) => {
    if (!isObject(m)) return problem(`meetings[${i}] must be an object`);
    const where = `meetings[${i}]`;
    if (m.id !== i) problem(`${where}.id must be ${i} (ids are dense and in order)`);
    const okA = isInt(m.a) && m.a >= 0 && m.a < n;
    const okB = isInt(m.b) && m.b >= 0 && m.b < n;
    if (!okA) problem(`${where}.a must be a participant id`);
    if (!okB) problem(`${where}.b must be a participant id`);
    const a = m.a as number;
    const b = m.b as number;
    if (okA && okB) {
      if (a === b) problem(`${where} pairs participant ${a} with themself`);
      const key = Math.min(a, b) * n + Math.max(a, b);
      if (pairs.has(key)) problem(`${where} repeats the pair ${a}-${b}`);
      pairs.add(key);
    }
    if (m.requester !== m.a && m.requester !== m.b) problem(`${where}.requester must be a or b`);
    if (m.priority !== 1 && m.priority !== 2 && m.priority !== 3) problem(`${where}.priority must be 1, 2 or 3`);
    const meeting: SchedulingMeeting = {
      id: i,
      a,
      b,
      requester: m.requester as number,
      priority: m.priority as number,
    };
    if (m.locked !== undefined && m.locked !== null) {
      const l = m.locked;
      if (!isObject(l) || !isInt(l.slot) || !isInt(l.table)) {
        problem(`${where}.locked must be { slot, table } with integers`);
      } else if (l.slot < 0 || l.slot >= S) {
        problem(`${where}.locked.slot ${l.slot} does not exist`);
      } else if (l.table < 0 || l.table >= slots[l.slot].tables) {
        problem(`${where}.locked.table ${l.table} does not exist in slot ${l.slot}`);
      } else {
        meeting.locked = { slot: l.slot, table: l.table } satisfies MeetingLock;
      }
    }
    meetings.push(meeting);
  });
  if (problems.length > 0) throw new InstanceError(problems);

  checkLocks(slots, participants, meetings, problem);
  if (problems.length > 0) throw new InstanceError(problems);
  return {
    schema: INSTANCE_SCHEMA,
    name: raw.name as string,
    ...(isInt(raw.seed) ? { seed: raw.seed } : {}),
    slots,
    participants,
    meetings,
  };
}

/** Locked meetings are fixed by the organiser; if they clash the instance has no valid schedule. */
function checkLocks(
  slots: SchedulingSlot[],
  participants: SchedulingParticipant[],
  meetings: SchedulingMeeting[],
  problem: (msg: string) => void,
): void {
  const S = slots.length;
  const table = new Map<number, number>();
  const person = new Map<number, number>();
  const count = new Map<number, number>();
  const unavailable = participants.map((p) => new Set(p.unavailable));
  for (const m of meetings) {
    if (!m.locked) continue;
    const { slot, table: t } = m.locked;
    const tk = slot * 1_000_000 + t;
    const other = table.get(tk);
    if (other !== undefined) problem(`locked meetings ${other} and ${m.id} share slot ${slot} table ${t}`);
    table.set(tk, m.id);
    for (const p of [m.a, m.b]) {
      if (unavailable[p].has(slot)) problem(`locked meeting ${m.id} is in slot ${slot} where participant ${p} is unavailable`);
      const pk = p * S + slot;
      const clash = person.get(pk);
      if (clash !== undefined) problem(`participant ${p} has locked meetings ${clash} and ${m.id} both in slot ${slot}`);
      person.set(pk, m.id);
      const c = (count.get(p) ?? 0) + 1;
      count.set(p, c);
      if (c === participants[p].maxMeetings + 1) {
        problem(`participant ${p} has more locked meetings than maxMeetings (${participants[p].maxMeetings})`);
      }
    }
  }
}
