/**
 * Recommendation quality: on synthetic events with planted complementary pairs (synthetic.ts),
 * how often is the planted partner among a participant's top 5 (and top 1)? Runs the same pure
 * scorer the API uses (libs/matchmaking/recommendation-scoring.ts) with the default weights,
 * excluding one's own organisation as the service does. Target: top 5 for at least 80%.
 *
 *   npm run build:test && node dist/bench/matchmaking/quality.js
 */
import { buildIndex, DEFAULT_WEIGHTS, rankWithIndex } from '../../libs/matchmaking/index.js';
import { syntheticEvent } from './synthetic.js';

export function measure(n: number, seed: number, sample = n) {
  const people = syntheticEvent(n, seed);
  let top1 = 0;
  let top5 = 0;
  let started = process.hrtime.bigint();
  // Built once per event, as the service keeps it while profiles do not change.
  const index = buildIndex(people);
  const indexMs = Number(process.hrtime.bigint() - started) / 1e6;
  started = process.hrtime.bigint();
  const viewers = people.slice(0, sample);
  for (const viewer of viewers) {
    const others = people.filter((p) => p.accountId !== viewer.accountId && p.organisationId !== viewer.organisationId).map((p) => p.accountId);
    const ranked = rankWithIndex(index, viewer, others, DEFAULT_WEIGHTS, 5).map((r) => r.accountId);
    if (ranked[0] === viewer.partner) top1 += 1;
    if (ranked.includes(viewer.partner)) top5 += 1;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / viewers.length;
  return { n, seed, viewers: viewers.length, top1: top1 / viewers.length, top5: top5 / viewers.length, msPerViewer: ms, indexMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| participants | seed | viewers measured | partner ranked 1st | partner in top 5 | index build | ranking time / viewer |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [n, seed, sample] of [
    [150, 1, 150],
    [150, 2, 150],
    [150, 3, 150],
    [500, 4, 500],
    [1500, 5, 300],
    [5000, 6, 100],
  ]) {
    const r = measure(n, seed, sample);
    console.log(`| ${r.n} | ${r.seed} | ${r.viewers} | ${(100 * r.top1).toFixed(1)}% | ${(100 * r.top5).toFixed(1)}% | ${r.indexMs.toFixed(0)} ms | ${r.msPerViewer.toFixed(1)} ms |`);
  }
}
