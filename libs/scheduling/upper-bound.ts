import { MaxFlow } from './max-flow.js';
import { buildModel, type Model } from './model.js';
import type { SchedulingInstance } from './types.js';

export interface UpperBoundDetail {
  /** The best (smallest) of the bounds below. */
  bound: number;
  /** Meetings that have at least one slot where both people are available. */
  schedulable: number;
  /** Sum of tables over all slots. */
  tableCapacity: number;
  /** Fractional b-matching with b = per-person placeable meetings (max-flow on the double cover). */
  personDegree: number;
  /** Sum over slots of min(tables, fractional matching number of that slot's meeting graph). */
  perSlotMatching: number;
}

/**
 * Upper bound on the number of meetings any valid schedule can place. Every component is a
 * relaxation (so the minimum is proven): capacity, and two max-flow bounds, one per person and
 * one per slot. Used for reporting and to stop the search as soon as it is reached.
 */
export function computeUpperBound(instance: SchedulingInstance): number {
  return boundsForModel(buildModel(instance)).bound;
}

/** The bound with each of its components, for reports. */
export function computeUpperBoundDetail(instance: SchedulingInstance): UpperBoundDetail {
  return boundsForModel(buildModel(instance));
}

export function boundsForModel(model: Model): UpperBoundDetail {
  const { n, S, m, cap, maxM, ma, mb, commonStart, common, pmStart, pm } = model;
  let schedulable = 0;
  for (let i = 0; i < m; i++) if (commonStart[i + 1] > commonStart[i]) schedulable++;
  let tableCapacity = 0;
  for (let s = 0; s < S; s++) tableCapacity += cap[s];

  // b[p]: most meetings p alone could have: bipartite matching of p's meetings to slots, capped.
  const b = new Int32Array(n);
  const slotOwner = new Int32Array(S);
  const seen = new Int32Array(S);
  let stamp = 0;
  for (let p = 0; p < n; p++) {
    slotOwner.fill(-1);
    let size = 0;
    const tryAug = (i: number): boolean => {
      for (let k = commonStart[i]; k < commonStart[i + 1]; k++) {
        const s = common[k];
        if (seen[s] === stamp) continue;
        seen[s] = stamp;
        if (slotOwner[s] < 0 || tryAug(slotOwner[s])) {
          slotOwner[s] = i;
          return true;
        }
      }
      return false;
    };
    for (let k = pmStart[p]; k < pmStart[p + 1] && size < maxM[p]; k++) {
      stamp++;
      if (tryAug(pm[k])) size++;
    }
    b[p] = Math.min(size, maxM[p]);
  }
  const personDegree = fractionalBMatching(n, b, ma, mb, (i) => commonStart[i + 1] > commonStart[i], m);

  // Per slot: people in one slot meet at most once, so at most a matching of that slot's graph.
  let perSlotMatching = 0;
  const ones = new Int32Array(n).fill(1);
  const inSlot = new Int32Array(m).fill(-1);
  const bySlot: number[][] = Array.from({ length: S }, () => []);
  for (let i = 0; i < m; i++) for (let k = commonStart[i]; k < commonStart[i + 1]; k++) bySlot[common[k]].push(i);
  for (let s = 0; s < S; s++) {
    if (cap[s] === 0) continue;
    for (const i of bySlot[s]) inSlot[i] = s;
    const mu = fractionalBMatching(n, ones, ma, mb, (i) => inSlot[i] === s, m);
    perSlotMatching += Math.min(cap[s], mu);
  }
  const bound = Math.min(schedulable, tableCapacity, personDegree, perSlotMatching);
  return { bound, schedulable, tableCapacity, personDegree, perSlotMatching };
}

/**
 * floor(max fractional b-matching) = floor(maxflow / 2) on the bipartite double cover
 * (source -> p_left (b_p) -> q_right (1 per meeting, both ways) -> sink (b_q)).
 */
function fractionalBMatching(
  n: number,
  b: Int32Array,
  ma: Int32Array,
  mb: Int32Array,
  use: (i: number) => boolean,
  m: number,
): number {
  const src = 2 * n;
  const sink = 2 * n + 1;
  const flow = new MaxFlow(2 * n + 2);
  const touched = new Uint8Array(n);
  for (let i = 0; i < m; i++) {
    if (!use(i)) continue;
    flow.addEdge(ma[i], n + mb[i], 1);
    flow.addEdge(mb[i], n + ma[i], 1);
    touched[ma[i]] = touched[mb[i]] = 1;
  }
  for (let p = 0; p < n; p++) {
    if (!touched[p] || b[p] === 0) continue;
    flow.addEdge(src, p, b[p]);
    flow.addEdge(n + p, sink, b[p]);
  }
  return Math.floor(flow.run(src, sink) / 2);
}
