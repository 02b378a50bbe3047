import { Prng } from './prng.js';
import { compareScore, type ScheduleState } from './schedule-state.js';
import type { ScheduleProgress } from './types.js';

export interface LocalSearchOptions {
  seed: number;
  /** Hard wall-clock stop (performance.now() value). */
  deadline: number;
  /** Deterministic iteration budget; the normal way the search ends. */
  maxIterations: number;
  /** Proven bound on placed meetings: reaching it switches to a short weight-polishing phase. */
  upperBound: number;
  startTime: number;
  /**
   * 'count': maximise placed meetings only (weight would bias which meeting makes way, and that
   * measurably hurts the count); ends as soon as the bound is reached.
   * 'polish': never lose a meeting, improve weight then fairness; ends when it stalls.
   */
  mode: 'count' | 'polish';
  /** Added to the iteration count in progress reports (iterations of earlier phases). */
  iterationOffset?: number;
  onProgress?: (p: ScheduleProgress) => void;
  progressIntervalMs: number;
}

export interface LocalSearchResult {
  best: Int32Array;
  iterations: number;
  stoppedBy: 'bound' | 'iterations' | 'time' | 'complete' | 'stalled';
}

/**
 * Tabu ejection-chain search (PartialCol style): take an unplaced meeting, put it into the slot
 * where the fewest / lightest meetings must make way (the person's meeting in that slot, a
 * meeting of a person at maxMeetings, or one meeting of a full slot), try to re-seat the
 * evicted ones for free, and forbid them to go back to the slot they left for a while. Chains
 * of such 1-for-1 moves walk the plateau until a free seat opens, which is how the few extra
 * meetings a greedy misses are found.
 */
export function improveByEjectionChains(state: ScheduleState, opt: LocalSearchOptions): LocalSearchResult {
  const model = state.model;
  const { S, m, ma, mb, w, maxM, cap, lockSlot, commonStart, common } = model;
  const { occ, load, cnt, slotOf, slotMembers, slotBase, unplaced, unplacedPos } = state;
  const rng = new Prng(opt.seed);
  const tabu = new Int32Array(m * S);
  let best = state.snapshot();
  let bestScore = { placed: state.placed, weight: state.weight, none: state.none };
  let iter = 0;
  let lastImprove = 0;
  let lastRestart = 0;
  let lastEjected = -1;
  let nextProgress = opt.startTime + opt.progressIntervalMs;
  const polish = opt.mode === 'polish';
  const polishIterations = Math.max(20_000, 10 * m);
  const restartAfter = polish ? 5000 : Math.max(50_000, 20 * m);
  let stoppedBy: LocalSearchResult['stoppedBy'] = 'iterations';

  // Count mode never accepts a loss (measured: any loss rate lowers the count); polish rarely does.
  const pWorse = polish ? 0.005 : 0;
  // Sometimes continue the chain with the meeting just evicted (0.2 measured best).
  const pChain = 0.2;
  const tenBase = 10;
  const tenRand = 20;
  const tenFrac = 0.6;
  const wMul = polish ? 1e3 : 0;
  const fMul = polish ? 1 : 0;
  // In count mode all meetings weigh the same for victim choice: weight bias costs count.
  const wUse = polish ? w : new Int32Array(m);
  const victims = new Int32Array(8);
  const bestVictims = new Int32Array(8);
  let nBestVictims = 0;

  const pickPersonVictim = (p: number, excl: number): number => {
    // Lightest unlocked placed meeting of p (ties: random) other than excl.
    let bestV = -1;
    let bestW = 99;
    let ties = 0;
    const base = p * S;
    for (let s = 0; s < S; s++) {
      const v = occ[base + s];
      if (v < 0 || v === excl || lockSlot[v] >= 0) continue;
      const wv = wUse[v];
      if (wv < bestW) {
        bestW = wv;
        bestV = v;
        ties = 1;
      } else if (wv === bestW && rng.int(++ties) === 0) {
        bestV = v;
      }
    }
    return bestV;
  };

  const pickSlotVictim = (s: number, e1: number, e2: number, e3: number, e4: number): number => {
    let bestV = -1;
    let bestW = 99;
    const size = load[s];
    if (size === 0) return -1;
    for (let t = 0; t < 6; t++) {
      const v = slotMembers[slotBase[s] + rng.int(size)];
      if (v === e1 || v === e2 || v === e3 || v === e4 || lockSlot[v] >= 0) continue;
      if (wUse[v] < bestW) {
        bestW = wUse[v];
        bestV = v;
      }
    }
    return bestV;
  };

  const tryReseat = (v: number): boolean => {
    const k0 = commonStart[v];
    const nk = commonStart[v + 1] - k0;
    const off = rng.int(nk);
    for (let j = 0; j < nk; j++) {
      const s = common[k0 + ((j + off) % nk)];
      if (tabu[v * S + s] > iter) continue;
      if (state.fits(v, s)) {
        state.place(v, s);
        return true;
      }
    }
    return false;
  };

  while (state.unplacedCount > 0 && iter < opt.maxIterations) {
    if ((iter & 127) === 0) {
      const now = performance.now();
      if (now >= opt.deadline) {
        stoppedBy = 'time';
        break;
      }
      if (opt.onProgress && now >= nextProgress) {
        nextProgress = now + opt.progressIntervalMs;
        opt.onProgress({
          elapsedMs: Math.round(now - opt.startTime),
          iterations: iter + (opt.iterationOffset ?? 0),
          placed: bestScore.placed,
          weight: bestScore.weight,
          upperBound: opt.upperBound,
        });
      }
    }
    if (!polish && bestScore.placed >= opt.upperBound) {
      stoppedBy = 'bound';
      break;
    }
    if (polish && iter - lastImprove > polishIterations) {
      stoppedBy = 'stalled';
      break;
    }
    if (iter - Math.max(lastImprove, lastRestart) > restartAfter && compareScore(state, bestScore) < 0) {
      // Long stagnation away from the best: go back to it and walk from there.
      restore(state, best);
      lastRestart = iter;
    }
    iter++;

    const i =
      lastEjected >= 0 && unplacedPos[lastEjected] >= 0 && rng.next() < pChain
        ? lastEjected
        : unplaced[rng.int(state.unplacedCount)];
    const a = ma[i];
    const b = mb[i];
    let bestDelta = -Infinity;
    let ties = 0;
    let bestSlot = -1;
    for (let k = commonStart[i]; k < commonStart[i + 1]; k++) {
      const s = common[k];
      const e1 = occ[a * S + s];
      const e2 = occ[b * S + s];
      if ((e1 >= 0 && lockSlot[e1] >= 0) || (e2 >= 0 && lockSlot[e2] >= 0)) continue;
      let nv = 0;
      let wv = 0;
      let fair = (cnt[a] === 0 ? 1 : 0) + (cnt[b] === 0 ? 1 : 0);
      if (e1 >= 0) {
        victims[nv++] = e1;
      }
      if (e2 >= 0) {
        victims[nv++] = e2;
      }
      if (cnt[a] - (e1 >= 0 ? 1 : 0) >= maxM[a]) {
        const v = pickPersonVictim(a, e1);
        if (v < 0) continue;
        victims[nv++] = v;
      }
      if (cnt[b] - (e2 >= 0 ? 1 : 0) >= maxM[b]) {
        const v = pickPersonVictim(b, e2);
        if (v < 0) continue;
        victims[nv++] = v;
      }
      // Victims in slot s free tables there; any victim elsewhere does not.
      let inSlot = 0;
      for (let j = 0; j < nv; j++) if (slotOf[victims[j]] === s) inSlot++;
      if (load[s] - inSlot >= cap[s]) {
        const v = pickSlotVictim(s, e1, e2, nv > 2 ? victims[2] : -1, nv > 3 ? victims[3] : -1);
        if (v < 0) continue;
        victims[nv++] = v;
      }
      for (let j = 0; j < nv; j++) {
        const v = victims[j];
        wv += w[v];
        const x = ma[v] === a || ma[v] === b ? mb[v] : mb[v] === a || mb[v] === b ? ma[v] : -1;
        if (x >= 0) {
          if (cnt[x] === 1) fair--;
        } else {
          if (cnt[ma[v]] === 1) fair--;
          if (cnt[mb[v]] === 1) fair--;
        }
      }
      const dPlaced = 1 - nv;
      const delta = dPlaced * 1e6 + (w[i] - wv) * wMul + fair * fMul;
      if (tabu[i * S + s] > iter && state.placed + dPlaced <= bestScore.placed) continue;
      if (delta > bestDelta) {
        bestDelta = delta;
        bestSlot = s;
        ties = 1;
        nBestVictims = nv;
        bestVictims.set(victims.subarray(0, nv));
      } else if (delta === bestDelta && rng.int(++ties) === 0) {
        bestSlot = s;
        nBestVictims = nv;
        bestVictims.set(victims.subarray(0, nv));
      }
    }
    if (bestSlot < 0) continue;
    const dPlaced = 1 - nBestVictims;
    if (dPlaced < 0) {
      // Worsening moves diversify but are rarely worth it; allow a few, never large ones.
      if (dPlaced < -1 || rng.next() > pWorse) continue;
    }
    const tenure = (tenBase + rng.int(tenRand) + state.unplacedCount * tenFrac) | 0;
    for (let j = 0; j < nBestVictims; j++) {
      const v = bestVictims[j];
      tabu[v * S + slotOf[v]] = iter + tenure;
      state.remove(v);
    }
    state.place(i, bestSlot);
    lastEjected = -1;
    for (let j = 0; j < nBestVictims; j++) {
      const v = bestVictims[j];
      if (!tryReseat(v)) lastEjected = v;
    }
    if (compareScore(state, bestScore) > 0) {
      best = state.snapshot();
      bestScore = { placed: state.placed, weight: state.weight, none: state.none };
      lastImprove = iter;
    }
  }
  if (state.unplacedCount === 0) stoppedBy = 'complete';
  return { best, iterations: iter, stoppedBy };
}

/** Resets state to the given slot vector. */
export function restore(state: ScheduleState, slots: Int32Array): void {
  const m = state.model.m;
  for (let i = 0; i < m; i++) if (state.slotOf[i] >= 0 && state.slotOf[i] !== slots[i]) state.remove(i);
  for (let i = 0; i < m; i++) if (slots[i] >= 0 && state.slotOf[i] < 0) state.place(i, slots[i]);
}
