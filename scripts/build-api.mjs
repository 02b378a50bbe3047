#!/usr/bin/env node
// Compiles the API (tsc -p tsconfig.build.json) only when a source is newer than the last build,
// so a warm `npm start` skips the compiler entirely. `--force` always compiles.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(repo, 'dist', '.tsbuildinfo.build');
const entry = join(repo, 'dist', 'apps', 'api', 'main.js');
const sources = ['apps', 'libs', 'bench', 'types', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.(ts|json)$/.test(path) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || (path.endsWith(join('apps')) && entry === 'web')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function staleReason() {
  if (!existsSync(stamp) || !existsSync(entry)) return 'no build yet';
  const built = statSync(stamp).mtimeMs;
  return sources.some((p) => existsSync(join(repo, p)) && newestMtime(join(repo, p)) > built) ? 'sources changed' : null;
}

const reason = process.argv.includes('--force') ? 'forced' : staleReason();
if (reason) {
  const started = Date.now();
  console.log(`api: compiling (${reason})…`);
  const result = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(repo, 'tsconfig.build.json')], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves the build info untouched when nothing changed; mark this build as current.
  const now = new Date();
  if (existsSync(stamp)) utimesSync(stamp, now, now);
  console.log(`api: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
