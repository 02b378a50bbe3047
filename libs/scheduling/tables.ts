import type { Model } from './model.js';
import type { Assignment } from './types.js';

/**
 * Turns a slot per meeting into (slot, table) assignments: locked meetings keep their table and
 * the others fill the remaining tables in meeting-id order, so the output is deterministic.
 */
export function assignTables(model: Model, slotOf: Int32Array): Assignment[] {
  const { S, m, cap, lockSlot, lockTable } = model;
  const taken: Uint8Array[] = [];
  for (let s = 0; s < S; s++) taken.push(new Uint8Array(cap[s]));
  for (let i = 0; i < m; i++) if (lockSlot[i] >= 0 && slotOf[i] >= 0) taken[lockSlot[i]][lockTable[i]] = 1;
  const nextFree = new Int32Array(S);
  const out: Assignment[] = [];
  for (let i = 0; i < m; i++) {
    const s = slotOf[i];
    if (s < 0) continue;
    if (lockSlot[i] >= 0) {
      out.push({ meeting: i, slot: s, table: lockTable[i] });
      continue;
    }
    let t = nextFree[s];
    while (t < cap[s] && taken[s][t]) t++;
    if (t >= cap[s]) throw new Error(`internal error: slot ${s} over capacity`);
    taken[s][t] = 1;
    nextFree[s] = t + 1;
    out.push({ meeting: i, slot: s, table: t });
  }
  return out;
}
