/**
 * Meeting-scheduling command:
 *   npm run schedule -- --input instance.json --output solution.json [--time-limit SECONDS] [--seed N]
 * Progress goes to stderr every second, the summary to stdout; bad input exits with code 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  InstanceError,
  parseInstance,
  scheduleMeetings,
  validateSolution,
  type SchedulingInstance,
} from '../../libs/scheduling/index.js';

const USAGE =
  'usage: schedule --input instance.json --output solution.json [--time-limit SECONDS] [--seed N] [--quiet]';

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n${USAGE}\n`);
  process.exit(1);
}

function main(): void {
  const started = performance.now();
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        input: { type: 'string', short: 'i' },
        output: { type: 'string', short: 'o' },
        'time-limit': { type: 'string', short: 't' },
        seed: { type: 'string', short: 's' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const input = values.input as string | undefined;
  const output = values.output as string | undefined;
  if (!input) fail('--input is required');
  if (!output) fail('--output is required');
  let timeLimitMs: number | undefined;
  if (values['time-limit'] !== undefined) {
    const sec = Number(values['time-limit']);
    if (!Number.isFinite(sec) || sec <= 0) fail(`--time-limit must be a positive number of seconds, got "${values['time-limit']}"`);
    timeLimitMs = Math.round(sec * 1000);
  }
  let seed = 1;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!Number.isSafeInteger(seed)) fail(`--seed must be an integer, got "${values.seed}"`);
  }

  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (e) {
    fail(`cannot read ${input}: ${(e as Error).message}`);
  }
  let instance: SchedulingInstance;
  try {
    instance = parseInstance(text);
  } catch (e) {
    if (e instanceof InstanceError) {
      fail(`${input}: invalid instance:\n  - ${e.problems.join('\n  - ')}`);
    }
    throw e;
  }

  const quiet = values.quiet === true;
  const solution = scheduleMeetings(instance, {
    timeLimitMs,
    seed,
    progressIntervalMs: 1000,
    onProgress: quiet
      ? undefined
      : (p) =>
          process.stderr.write(
            `[${(p.elapsedMs / 1000).toFixed(1)}s] placed ${p.placed}/${p.upperBound} (bound)` +
              ` weight ${p.weight} iterations ${p.iterations}\n`,
          ),
  });
  // Cheap independent check before anything is written: never hand out an invalid schedule.
  const violations = validateSolution(instance, solution);
  if (violations.length > 0) {
    process.stderr.write(`internal error: schedule violates ${violations.length} rule(s): ${violations[0].message}\n`);
    process.exit(2);
  }
  const stats = solution.stats!;
  stats.timeMs = Math.round(performance.now() - started);
  stats.maxRssKb = process.resourceUsage().maxRSS;
  try {
    writeFileSync(output, `${JSON.stringify(solution)}\n`);
  } catch (e) {
    fail(`cannot write ${output}: ${(e as Error).message}`);
  }
  const ub = solution.upperBound ?? 0;
  const m = instance.meetings.length;
  const summary = {
    instance: instance.name,
    placed: stats.placed,
    unplaced: m - stats.placed,
    upperBound: ub,
    ratio: ub > 0 ? Number((stats.placed / ub).toFixed(5)) : 1,
    weight: stats.weight,
    peopleWithNone: stats.unplacedParticipants,
    timeMs: stats.timeMs,
    maxRssMb: Math.round((stats.maxRssKb as number) / 1024),
  };
  if (!quiet) {
    process.stdout.write(
      `${summary.instance}: placed ${summary.placed} of ${m} meetings (unplaced ${summary.unplaced}), ` +
        `upper bound ${ub}, ratio ${(summary.ratio * 100).toFixed(2)}%, weight ${summary.weight}, ` +
        `people with none ${summary.peopleWithNone}, time ${summary.timeMs} ms, peak RSS ${summary.maxRssMb} MB\n`,
    );
  } else {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  }
}

main();
