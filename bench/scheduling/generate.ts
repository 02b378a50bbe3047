/**
 * Synthetic instance generator for the scheduling benchmark (format b2b-sched-instance/v1).
 * Profiles follow the shared samples: 'realistic' (many slots, tables for 40% of people),
 * 'tight' (demand about equal to tables) and 'dense' (many requests per person, few slots).
 *   node dist/bench/scheduling/generate.js --profile dense --n 500 --seed 1 --output file.json
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { SchedulingInstance } from '../../libs/scheduling/index.js';

export type Profile = 'realistic' | 'tight' | 'dense';

const PROFILES: Record<Profile, { slots: number; tableRatio: number; minDeg: number; maxDeg: number; skew: number }> = {
  realistic: { slots: 16, tableRatio: 0.4, minDeg: 3, maxDeg: 15, skew: 2.6 },
  tight: { slots: 14, tableRatio: 0.6, minDeg: 5, maxDeg: 14, skew: 1.2 },
  dense: { slots: 14, tableRatio: 0.8, minDeg: 3, maxDeg: 15, skew: 0.6 },
};

function lcg(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

export function generateInstance(profile: Profile, n: number, seed: number): SchedulingInstance {
  const cfg = PROFILES[profile];
  const rnd = lcg(seed * 7919 + n);
  const S = cfg.slots;
  const tablesFull = Math.max(1, Math.round((n * cfg.tableRatio) / 2));
  const half = S / 2;
  const slots = Array.from({ length: S }, (_, id) => ({
    id,
    day: id < half ? 1 : 2,
    // The last session of the event is shorter on tables, as in the samples.
    tables: id >= S - 4 ? Math.round(tablesFull * 0.75) : tablesFull,
  }));
  const participants = Array.from({ length: n }, (_, id) => {
    const unavailable: number[] = [];
    const r = rnd();
    if (r < 0.12) {
      const day = rnd() < 0.5 ? 0 : 1; // one-day participant
      for (let s = 0; s < S; s++) if ((s < half ? 0 : 1) === day) unavailable.push(s);
    } else if (r < 0.4) {
      const k = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < k; j++) {
        const s = Math.floor(rnd() * S);
        if (!unavailable.includes(s)) unavailable.push(s);
      }
    }
    return {
      id,
      type: rnd() < 0.5 ? 'cluster' : 'region',
      popular: rnd() < 0.08,
      maxMeetings: profile === 'realistic' ? 12 + Math.floor(rnd() * 3) : 12,
      unavailable: unavailable.sort((a, b) => a - b),
    };
  });
  // Target degree per person, skewed towards the low end for realistic events.
  const target = participants.map((p) => {
    const u = Math.pow(rnd(), cfg.skew);
    return Math.round(cfg.minDeg + u * (cfg.maxDeg - cfg.minDeg)) + (p.popular ? 2 : 0);
  });
  const deg = new Int32Array(n);
  const pairs = new Set<number>();
  const meetings: SchedulingInstance['meetings'] = [];
  const popular = participants.filter((p) => p.popular).map((p) => p.id);
  const order = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
  for (const a of order) {
    let tries = 0;
    while (deg[a] < target[a] && tries++ < 60) {
      const b = popular.length > 0 && rnd() < 0.15 ? popular[Math.floor(rnd() * popular.length)] : Math.floor(rnd() * n);
      if (b === a || deg[b] >= target[b] + 1) continue;
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      if (pairs.has(lo * n + hi)) continue;
      pairs.add(lo * n + hi);
      deg[a]++;
      deg[b]++;
      const requester = rnd() < 0.5 ? lo : hi;
      meetings.push({ id: meetings.length, a: lo, b: hi, requester, priority: 1 + Math.floor(rnd() * 3) });
    }
  }
  return {
    schema: 'b2b-sched-instance/v1',
    name: `gen-${profile}-n${n}-s${seed}`,
    seed,
    slots,
    participants,
    meetings,
    ...{ params: { profile, n, slots: S, tableRatio: cfg.tableRatio, generator: 'bench/scheduling/generate.ts' } },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string', default: 'realistic' },
      n: { type: 'string', default: '150' },
      seed: { type: 'string', default: '1' },
      output: { type: 'string' },
    },
  });
  const profile = values.profile as Profile;
  if (!(profile in PROFILES)) {
    process.stderr.write(`unknown profile ${profile}; use ${Object.keys(PROFILES).join(', ')}\n`);
    process.exit(1);
  }
  const inst = generateInstance(profile, Number(values.n), Number(values.seed));
  const text = `${JSON.stringify(inst)}\n`;
  if (values.output) writeFileSync(values.output, text);
  else process.stdout.write(text);
}
