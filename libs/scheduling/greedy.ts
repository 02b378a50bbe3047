import type { Model } from './model.js';
import { ScheduleState } from './schedule-state.js';

/** Puts every locked meeting at its slot (parseInstance guarantees they are mutually consistent). */
export function placeLocked(state: ScheduleState): void {
  const { m, lockSlot } = state.model;
  for (let i = 0; i < m; i++) if (lockSlot[i] >= 0) state.place(i, lockSlot[i]);
}

/**
 * Most-constrained-first greedy: meetings with the fewest usable slots and the busiest people go
 * first; each takes the free slot that the two people's other pending meetings need least.
 */
export function greedySchedule(model: Model): ScheduleState {
  const state = new ScheduleState(model);
  placeLocked(state);
  const { n, S, m, ma, mb, maxM, w, commonStart, common, pmStart, pm, avail } = model;
  // Pressure of a person: accepted meetings per usable meeting capacity.
  const pressure = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let av = 0;
    for (let s = 0; s < S; s++) av += avail[p * S + s];
    const capP = Math.max(1, Math.min(maxM[p], av));
    pressure[p] = (pmStart[p + 1] - pmStart[p]) / capP;
  }
  const order: number[] = [];
  for (let i = 0; i < m; i++) if (state.slotOf[i] < 0 && commonStart[i + 1] > commonStart[i]) order.push(i);
  const key = new Float64Array(m);
  for (const i of order) {
    const nc = commonStart[i + 1] - commonStart[i];
    key[i] = nc * 100 - (pressure[ma[i]] + pressure[mb[i]]) * 10 - w[i];
  }
  order.sort((x, y) => key[x] - key[y] || x - y);

  // demand[p*S+s]: pending meetings of p that could use slot s; placing elsewhere keeps s open.
  const demand = new Int32Array(n * S);
  for (const i of order) {
    for (let k = commonStart[i]; k < commonStart[i + 1]; k++) {
      demand[ma[i] * S + common[k]]++;
      demand[mb[i] * S + common[k]]++;
    }
  }
  const slotDemand = new Float64Array(S);
  for (const i of order) for (let k = commonStart[i]; k < commonStart[i + 1]; k++) slotDemand[common[k]]++;

  for (const i of order) {
    const a = ma[i];
    const b = mb[i];
    let best = -1;
    let bestCost = Infinity;
    for (let k = commonStart[i]; k < commonStart[i + 1]; k++) {
      const s = common[k];
      if (!state.fits(i, s)) continue;
      const free = model.cap[s] - state.load[s];
      const cost = demand[a * S + s] + demand[b * S + s] + slotDemand[s] / free;
      if (cost < bestCost) {
        bestCost = cost;
        best = s;
      }
    }
    for (let k = commonStart[i]; k < commonStart[i + 1]; k++) {
      const s = common[k];
      demand[a * S + s]--;
      demand[b * S + s]--;
      slotDemand[s]--;
    }
    if (best >= 0) state.place(i, best);
  }
  void pm;
  return state;
}
