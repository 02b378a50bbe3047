import type { Model } from './model.js';

/**
 * Mutable slot assignment with the incremental bookkeeping the heuristics need:
 * who is busy in which slot, slot loads, per-person counts, and O(1) membership lists.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  /** occ[p * S + s] = meeting of p in slot s, or -1. */
  readonly occ: Int32Array;
  readonly load: Int32Array;
  readonly cnt: Int32Array;
  /** Placed meetings of each slot, packed from slotBase[s]. */
  readonly slotMembers: Int32Array;
  readonly slotBase: Int32Array;
  readonly slotPos: Int32Array;
  /** Unplaced meetings (those with at least one common slot), unordered. */
  readonly unplaced: Int32Array;
  readonly unplacedPos: Int32Array;
  unplacedCount = 0;
  placed = 0;
  weight = 0;
  /** Participants with >= 1 accepted meeting and none placed. */
  none = 0;
  readonly hasMeetings: Uint8Array;

  constructor(readonly model: Model) {
    const { n, S, m, cap } = model;
    this.slotOf = new Int32Array(m).fill(-1);
    this.occ = new Int32Array(n * S).fill(-1);
    this.load = new Int32Array(S);
    this.cnt = new Int32Array(n);
    this.slotBase = new Int32Array(S + 1);
    for (let s = 0; s < S; s++) this.slotBase[s + 1] = this.slotBase[s] + cap[s];
    this.slotMembers = new Int32Array(this.slotBase[S]);
    this.slotPos = new Int32Array(m).fill(-1);
    this.unplaced = new Int32Array(m);
    this.unplacedPos = new Int32Array(m).fill(-1);
    this.hasMeetings = new Uint8Array(n);
    for (let p = 0; p < n; p++) {
      if (model.pmStart[p + 1] > model.pmStart[p]) {
        this.hasMeetings[p] = 1;
        this.none++;
      }
    }
    for (let i = 0; i < m; i++) {
      if (model.commonStart[i + 1] > model.commonStart[i]) this.addUnplaced(i);
    }
  }

  private addUnplaced(i: number): void {
    this.unplacedPos[i] = this.unplacedCount;
    this.unplaced[this.unplacedCount++] = i;
  }

  private removeUnplaced(i: number): void {
    const pos = this.unplacedPos[i];
    const last = this.unplaced[--this.unplacedCount];
    this.unplaced[pos] = last;
    this.unplacedPos[last] = pos;
    this.unplacedPos[i] = -1;
  }

  /** True when meeting i fits in slot s without moving anything. */
  fits(i: number, s: number): boolean {
    const { S, ma, mb, maxM, cap } = this.model;
    const a = ma[i];
    const b = mb[i];
    return (
      this.load[s] < cap[s] &&
      this.occ[a * S + s] < 0 &&
      this.occ[b * S + s] < 0 &&
      this.cnt[a] < maxM[a] &&
      this.cnt[b] < maxM[b]
    );
  }

  place(i: number, s: number): void {
    const { S, ma, mb, w } = this.model;
    const a = ma[i];
    const b = mb[i];
    this.slotOf[i] = s;
    this.occ[a * S + s] = i;
    this.occ[b * S + s] = i;
    if (this.cnt[a]++ === 0) this.none--;
    if (this.cnt[b]++ === 0) this.none--;
    const pos = this.slotBase[s] + this.load[s]++;
    this.slotMembers[pos] = i;
    this.slotPos[i] = pos;
    this.placed++;
    this.weight += w[i];
    if (this.unplacedPos[i] >= 0) this.removeUnplaced(i);
  }

  remove(i: number): void {
    const { S, ma, mb, w } = this.model;
    const s = this.slotOf[i];
    const a = ma[i];
    const b = mb[i];
    this.slotOf[i] = -1;
    this.occ[a * S + s] = -1;
    this.occ[b * S + s] = -1;
    if (--this.cnt[a] === 0) this.none++;
    if (--this.cnt[b] === 0) this.none++;
    const lastPos = this.slotBase[s] + --this.load[s];
    const pos = this.slotPos[i];
    const last = this.slotMembers[lastPos];
    this.slotMembers[pos] = last;
    this.slotPos[last] = pos;
    this.slotPos[i] = -1;
    this.placed--;
    this.weight -= w[i];
    this.addUnplaced(i);
  }

  /** Copy of the slot of every meeting (-1 = unplaced). */
  snapshot(): Int32Array {
    return this.slotOf.slice();
  }
}

/** Lexicographic comparison of (placed, weight, -none): > 0 when x is better. */
export function compareScore(
  x: { placed: number; weight: number; none: number },
  y: { placed: number; weight: number; none: number },
): number {
  if (x.placed !== y.placed) return x.placed - y.placed;
  if (x.weight !== y.weight) return x.weight - y.weight;
  return y.none - x.none;
}
