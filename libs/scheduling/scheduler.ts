import { greedySchedule } from './greedy.js';
import { improveByEjectionChains, restore } from './local-search.js';
import { buildModel } from './model.js';
import { assignTables } from './tables.js';
import type { ScheduleOptions, SchedulingInstance, SchedulingSolution } from './types.js';
import { boundsForModel } from './upper-bound.js';

/**
 * Local-search iterations per ms of budget. The search is stopped by this iteration count,
 * not by the clock, so a given seed gives the same schedule on any machine; the clock is only
 * a safety stop. Calibrated to well under the speed measured on the 2-core reference machine.
 */
export const ITERATIONS_PER_MS = 350;

/**
 * Default budget, sized so the whole command stays inside its targets on the 2-core reference
 * machine: ~0.6 s at 150 people, 1.5 s at 500, 4 s at 1,500, 12.75 s at 5,000 (the search
 * usually stops far earlier, when it reaches the upper bound).
 */
export function defaultTimeLimitMs(participants: number): number {
  return Math.min(20_000, Math.max(500, Math.round(250 + participants * 2.5)));
}

/**
 * Schedules accepted meetings into (slot, table) places: most-constrained-first greedy, then
 * tabu ejection-chain search until the proven upper bound is reached or the budget is spent.
 * Objective (lexicographic): placed meetings, total weight (4 - priority), fewest people without
 * any meeting.
 */
export function scheduleMeetings(instance: SchedulingInstance, options: ScheduleOptions = {}): SchedulingSolution {
  const startTime = performance.now();
  const model = buildModel(instance);
  const timeLimitMs = options.timeLimitMs ?? defaultTimeLimitMs(model.n);
  const seed = options.seed ?? 1;
  const ub = boundsForModel(model);
  const state = greedySchedule(model);
  const greedyPlaced = state.placed;
  const budgetIterations = Math.max(1000, Math.round(timeLimitMs * ITERATIONS_PER_MS));
  const totalIterations = options.maxIterations ?? budgetIterations;
  const common = {
    deadline: startTime + timeLimitMs,
    upperBound: ub.bound,
    startTime,
    onProgress: options.onProgress,
    progressIntervalMs: options.progressIntervalMs ?? 1000,
  };
  // Most of the budget goes to the count; the rest polishes weight and fairness at that count.
  const countPhase = improveByEjectionChains(state, {
    ...common,
    seed,
    mode: 'count',
    maxIterations: Math.round(totalIterations * 0.8),
  });
  restore(state, countPhase.best);
  const polishPhase = improveByEjectionChains(state, {
    ...common,
    seed: seed + 7919,
    mode: 'polish',
    iterationOffset: countPhase.iterations,
    maxIterations: totalIterations - countPhase.iterations,
  });
  restore(state, polishPhase.best);
  const assignments = assignTables(model, state.slotOf);
  return {
    instance: instance.name,
    assignments,
    upperBound: ub.bound,
    stats: {
      placed: state.placed,
      weight: state.weight,
      unplacedParticipants: state.none,
      timeMs: Math.round(performance.now() - startTime),
      unplaced: model.m - state.placed,
      greedyPlaced,
      iterations: countPhase.iterations + polishPhase.iterations,
      stoppedBy: countPhase.stoppedBy,
      polishIterations: polishPhase.iterations,
      seed,
      bounds: ub,
    },
  };
}
