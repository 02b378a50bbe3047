/**
 * Scheduling benchmark: runs the scheduler CLI as a whole process (as users do) on every shared
 * sample and on generated instances, next to the first-come-first-served baseline, and prints a
 * Markdown table. Build first (npm run build), then from the project root:
 *   node dist/bench/scheduling/run.js [--only NAME_SUBSTRING] [--seed N]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  firstComeFirstServed,
  parseInstance,
  scoreSolution,
  validateSolution,
  type SchedulingSolution,
} from '../../libs/scheduling/index.js';
import { generateInstance, type Profile } from './generate.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, seed: { type: 'string', default: '1' } } });
const root = process.cwd();
const samplesDir = resolve(root, '../shared/scheduling/samples');
const cli = resolve(root, 'dist/apps/scheduler-cli/main.js');
const work = join(tmpdir(), 'clustermeet-sched-bench');
mkdirSync(work, { recursive: true });

const inputs: string[] = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.json'))
  .sort((a, b) => sizeOf(a) - sizeOf(b) || a.localeCompare(b))
  .map((f) => join(samplesDir, f));
const generated: [Profile, number][] = [
  ['realistic', 150], ['dense', 150], ['realistic', 500], ['dense', 500],
  ['realistic', 1500], ['dense', 1500], ['realistic', 5000], ['dense', 5000],
];
for (const [profile, n] of generated) {
  const inst = generateInstance(profile, n, 1);
  const file = join(work, `${inst.name}.json`);
  writeFileSync(file, JSON.stringify(inst));
  inputs.push(file);
}

function sizeOf(name: string): number {
  return Number(/n(\d+)/.exec(name)?.[1] ?? 0);
}

const rows: string[] = [
  '| instance | people | meetings | placed | upper bound | ratio | weight | people with none | FCFS placed | FCFS weight | wall ms | peak RSS MB |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const file of inputs) {
  const name = file.split('/').pop()!.replace(/\.json$/, '');
  if (values.only && !name.includes(values.only)) continue;
  const instance = parseInstance(readFileSync(file, 'utf8'));
  const out = join(work, `${name}.solution.json`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [cli, '--input', file, '--output', out, '--seed', values.seed!, '--quiet'], {
    encoding: 'utf8',
  });
  const wall = Math.round(performance.now() - t0);
  if (run.status !== 0) {
    rows.push(`| ${name} | CLI failed (${run.status}): ${run.stderr.trim().split('\n')[0]} |`);
    continue;
  }
  const summary = JSON.parse(run.stdout.trim().split('\n').pop()!);
  const solution = JSON.parse(readFileSync(out, 'utf8')) as SchedulingSolution;
  const violations = validateSolution(instance, solution);
  const score = scoreSolution(instance, solution);
  const fcfs = firstComeFirstServed(instance);
  const ub = solution.upperBound ?? 0;
  rows.push(
    `| ${name} | ${instance.participants.length} | ${instance.meetings.length} | ${score.placed}` +
      `${violations.length ? ` (INVALID: ${violations.length})` : ''} | ${ub} | ${((100 * score.placed) / ub).toFixed(2)}% |` +
      ` ${score.weight} | ${score.unplacedParticipants} | ${fcfs.stats!.placed} | ${fcfs.stats!.weight} | ${wall} | ${summary.maxRssMb} |`,
  );
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}
process.stdout.write(`${rows.join('\n')}\n`);
