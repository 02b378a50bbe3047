import { placeLocked } from './greedy.js';
import { buildModel } from './model.js';
import { ScheduleState } from './schedule-state.js';
import { assignTables } from './tables.js';
import type { SchedulingInstance, SchedulingSolution } from './types.js';

/**
 * Baseline: locked meetings first, then each meeting in request (id) order takes the earliest
 * slot and table free for both people. What organisers do by hand; used for comparison.
 */
export function firstComeFirstServed(instance: SchedulingInstance): SchedulingSolution {
  const start = performance.now();
  const model = buildModel(instance);
  const state = new ScheduleState(model);
  placeLocked(state);
  const { m, commonStart, common } = model;
  for (let i = 0; i < m; i++) {
    if (state.slotOf[i] >= 0) continue;
    for (let k = commonStart[i]; k < commonStart[i + 1]; k++) {
      if (state.fits(i, common[k])) {
        state.place(i, common[k]);
        break;
      }
    }
  }
  return {
    instance: instance.name,
    assignments: assignTables(model, state.slotOf),
    stats: {
      placed: state.placed,
      weight: state.weight,
      unplacedParticipants: state.none,
      timeMs: Math.round(performance.now() - start),
    },
  };
}
