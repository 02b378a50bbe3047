import type { SchedulingInstance } from './types.js';

/**
 * Compact typed-array view of an instance used by the algorithms (tables are interchangeable
 * except for locks, so algorithms assign slots and tables are numbered at the end).
 */
export interface Model {
  n: number;
  S: number;
  m: number;
  cap: Int32Array;
  maxM: Int32Array;
  /** avail[p * S + s] = 1 when participant p can meet in slot s. */
  avail: Uint8Array;
  ma: Int32Array;
  mb: Int32Array;
  /** Weight 4 - priority. */
  w: Int32Array;
  lockSlot: Int32Array;
  lockTable: Int32Array;
  /** Slots where both participants are available (only the locked slot for a locked meeting), CSR. */
  commonStart: Int32Array;
  common: Int32Array;
  /** Meetings of each participant, CSR. */
  pmStart: Int32Array;
  pm: Int32Array;
}

export function buildModel(inst: SchedulingInstance): Model {
  const n = inst.participants.length;
  const S = inst.slots.length;
  const m = inst.meetings.length;
  const cap = Int32Array.from(inst.slots, (s) => s.tables);
  const maxM = Int32Array.from(inst.participants, (p) => p.maxMeetings);
  const avail = new Uint8Array(n * S).fill(1);
  inst.participants.forEach((p, i) => {
    for (const s of p.unavailable) avail[i * S + s] = 0;
  });
  const ma = new Int32Array(m);
  const mb = new Int32Array(m);
  const w = new Int32Array(m);
  const lockSlot = new Int32Array(m).fill(-1);
  const lockTable = new Int32Array(m).fill(-1);
  const commonStart = new Int32Array(m + 1);
  const commonTmp: number[] = [];
  const deg = new Int32Array(n);
  inst.meetings.forEach((mt, i) => {
    ma[i] = mt.a;
    mb[i] = mt.b;
    w[i] = 4 - mt.priority;
    deg[mt.a]++;
    deg[mt.b]++;
    if (mt.locked) {
      lockSlot[i] = mt.locked.slot;
      lockTable[i] = mt.locked.table;
      commonTmp.push(mt.locked.slot);
    } else {
      for (let s = 0; s < S; s++) {
        if (avail[mt.a * S + s] && avail[mt.b * S + s] && cap[s] > 0) commonTmp.push(s);
      }
    }
    commonStart[i + 1] = commonTmp.length;
  });
  const pmStart = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) pmStart[p + 1] = pmStart[p] + deg[p];
  const pm = new Int32Array(pmStart[n]);
  const fill = pmStart.slice(0, n);
  for (let i = 0; i < m; i++) {
    pm[fill[ma[i]]++] = i;
    pm[fill[mb[i]]++] = i;
  }
  return {
    n, S, m, cap, maxM, avail, ma, mb, w, lockSlot, lockTable,
    commonStart, common: Int32Array.from(commonTmp), pmStart, pm,
  };
}
