import { parentPort, workerData } from 'node:worker_threads';
import { scheduleMeetings, type SchedulingInstance } from '../scheduling/index.js';

/**
 * Runs the pure scheduler off the main thread: it is synchronous and CPU-bound, and the
 * process must keep serving requests and writing the run's progress meanwhile.
 */
const { instance, timeLimitMs, seed } = workerData as { instance: SchedulingInstance; timeLimitMs?: number; seed: number };
const solution = scheduleMeetings(instance, {
  seed,
  ...(timeLimitMs ? { timeLimitMs } : {}),
  progressIntervalMs: 1000,
  onProgress: (progress) => parentPort!.postMessage({ type: 'progress', progress }),
});
parentPort!.postMessage({ type: 'done', solution });
