import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  computeUpperBound,
  explainUnplaced,
  firstComeFirstServed,
  parseInstance,
  scheduleMeetings,
  validateSolution,
  type SchedulingInstance,
} from './index.js';

const SAMPLES = resolve(process.cwd(), '../shared/scheduling/samples');

function loadSample(name: string): SchedulingInstance {
  return parseInstance(readFileSync(resolve(SAMPLES, `${name}.json`), 'utf8'));
}

/** Small random instance (own tiny LCG so the spec needs nothing else); some meetings locked. */
function randomInstance(seed: number, n = 30, S = 6, tables = 5, lockEvery = 9): SchedulingInstance {
  let x = seed >>> 0 || 1;
  const rnd = (k: number): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % k;
  };
  const participants = Array.from({ length: n }, (_, id) => ({
    id,
    maxMeetings: 2 + rnd(4),
    unavailable: Array.from({ length: S }, (_, s) => s).filter(() => rnd(5) === 0),
  }));
  const meetings: SchedulingInstance['meetings'] = [];
  const seen = new Set<string>();
  for (let k = 0; k < n * 3; k++) {
    const a = rnd(n);
    const b = rnd(n);
    if (a === b || seen.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) continue;
    seen.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
    meetings.push({ id: meetings.length, a: Math.min(a, b), b: Math.max(a, b), requester: a, priority: 1 + rnd(3) });
  }
  // Lock a few meetings where that cannot clash (first come, checked like the parser does).
  const usedTable = new Set<string>();
  const busy = new Set<string>();
  const count = new Map<number, number>();
  for (const m of meetings) {
    if (m.id % lockEvery !== 0) continue;
    const s = rnd(S);
    const t = rnd(tables - (s % 2));
    const ok =
      !usedTable.has(`${s}/${t}`) &&
      [m.a, m.b].every((p) => !busy.has(`${p}/${s}`) && !participants[p].unavailable.includes(s) &&
        (count.get(p) ?? 0) < participants[p].maxMeetings);
    if (!ok) continue;
    usedTable.add(`${s}/${t}`);
    for (const p of [m.a, m.b]) {
      busy.add(`${p}/${s}`);
      count.set(p, (count.get(p) ?? 0) + 1);
    }
    m.locked = { slot: s, table: t };
  }
  return parseInstance({
    schema: 'b2b-sched-instance/v1',
    name: `random-${seed}`,
    slots: Array.from({ length: S }, (_, id) => ({ id, tables: tables - (id % 2) })),
    participants,
    meetings,
  });
}

describe('scheduleMeetings', () => {
  it('always returns a valid schedule that keeps locked meetings in place', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const inst = randomInstance(seed);
      const sol = scheduleMeetings(inst, { seed, maxIterations: 5_000 });
      expect(validateSolution(inst, sol)).toEqual([]);
      const locked = inst.meetings.filter((m) => m.locked);
      expect(locked.length).toBeGreaterThan(0);
      for (const m of locked) {
        expect(sol.assignments).toContainEqual({ meeting: m.id, slot: m.locked!.slot, table: m.locked!.table });
      }
      expect(sol.stats!.placed).toBe(sol.assignments.length);
      expect(sol.stats!.placed).toBeLessThanOrEqual(sol.upperBound!);
      expect(sol.upperBound).toBe(computeUpperBound(inst));
    }
  });

  it('is deterministic for the same seed', () => {
    const inst = randomInstance(42, 60, 8, 8);
    // The iteration count, not the clock, must end both runs (a busy machine can stall one).
    const a = scheduleMeetings(inst, { seed: 7, maxIterations: 10_000, timeLimitMs: 60_000 });
    const b = scheduleMeetings(inst, { seed: 7, maxIterations: 10_000, timeLimitMs: 60_000 });
    expect(b.assignments).toEqual(a.assignments);
  });

  it('is never worse than first-come-first-served', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const inst = randomInstance(seed * 11, 50, 6, 6);
      const fcfs = firstComeFirstServed(inst);
      expect(validateSolution(inst, fcfs)).toEqual([]);
      expect(scheduleMeetings(inst, { seed, maxIterations: 5_000 }).stats!.placed).toBeGreaterThanOrEqual(fcfs.stats!.placed);
    }
  });

  it.each([
    ['b2b-n150-s1', 452],
    ['b2b-dense-n150-s1', 791],
  ])('reaches the optimum on %s', (name, optimum) => {
    const inst = loadSample(name);
    // The default iteration budget for this size, with a clock limit too loose to cut it short
    // on a busy test machine, so the result does not depend on speed.
    const sol = scheduleMeetings(inst, { seed: 1, timeLimitMs: 30_000, maxIterations: 220_000 });
    expect(validateSolution(inst, sol)).toEqual([]);
    expect(sol.stats!.placed).toBe(optimum);
    expect(sol.upperBound).toBe(optimum);
  });
});

describe('computeUpperBound', () => {
  it('counts per-person limits and slot capacity', () => {
    // A star: person 0 meets everyone but may meet twice; 3 slots with 1 table each.
    const inst = parseInstance({
      schema: 'b2b-sched-instance/v1',
      name: 'star',
      slots: [0, 1, 2].map((id) => ({ id, tables: 1 })),
      participants: [0, 1, 2, 3, 4].map((id) => ({ id, maxMeetings: id === 0 ? 2 : 3, unavailable: [] })),
      meetings: [1, 2, 3, 4].map((b, id) => ({ id, a: 0, b, requester: b, priority: 1 })),
    });
    expect(computeUpperBound(inst)).toBe(2);
  });
});

describe('explainUnplaced', () => {
  const inst = parseInstance({
    schema: 'b2b-sched-instance/v1',
    name: 'why',
    slots: [{ id: 0, tables: 1 }, { id: 1, tables: 2 }],
    participants: [
      { id: 0, maxMeetings: 1, unavailable: [] },
      { id: 1, maxMeetings: 3, unavailable: [] },
      { id: 2, maxMeetings: 3, unavailable: [1] },
      { id: 3, maxMeetings: 3, unavailable: [0] },
      { id: 4, maxMeetings: 3, unavailable: [] },
      { id: 5, maxMeetings: 3, unavailable: [] },
    ],
    meetings: [
      { id: 0, a: 0, b: 1, requester: 0, priority: 1 }, // placed slot 0
      { id: 1, a: 0, b: 4, requester: 4, priority: 1 }, // 0 is at limit
      { id: 2, a: 2, b: 3, requester: 2, priority: 1 }, // never both available
      { id: 3, a: 1, b: 2, requester: 2, priority: 1 }, // only slot 0, which is full
      { id: 4, a: 4, b: 5, requester: 4, priority: 1 }, // placed slot 1
      { id: 5, a: 1, b: 4, requester: 1, priority: 1 }, // 1 busy in 0, 4 busy in 1
    ],
  });
  const sol = { instance: 'why', assignments: [{ meeting: 0, slot: 0, table: 0 }, { meeting: 4, slot: 1, table: 0 }] };

  it('gives a reason code per unplaced meeting', () => {
    expect(validateSolution(inst, sol)).toEqual([]);
    const reasons = Object.fromEntries(explainUnplaced(inst, sol).map((e) => [e.meeting, e.reason]));
    expect(reasons).toEqual({
      1: 'PARTICIPANT_LIMIT_REACHED',
      2: 'NO_COMMON_FREE_SLOT',
      3: 'TABLES_FULL_IN_COMMON_SLOTS',
      5: 'PARTICIPANT_BUSY_IN_COMMON_SLOTS',
    });
  });
});
