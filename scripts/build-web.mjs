#!/usr/bin/env node
// Builds apps/web into apps/web/dist when it is missing or older than its sources, so `npm start`
// needs no extra step for a new user and a warm start stays fast. `--force` always builds.
// Sources: apps/web (mtimes) and schema.gql (by content: the API rewrites it on every boot).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(repo, 'apps/web');
const dist = join(web, 'dist');
const stampFile = join(dist, '.build-stamp.json');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (path === join(web, 'src') && entry === 'gql') continue; // generated here
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function schemaHash() {
  return createHash('sha256').update(readFileSync(join(repo, 'schema.gql'))).digest('hex');
}

function staleReason() {
  if (!existsSync(join(dist, 'index.html')) || !existsSync(stampFile)) return 'no build yet';
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  if (stamp.schemaHash !== schemaHash()) return 'schema.gql changed';
  const built = statSync(stampFile).mtimeMs;
  const sources = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) => join(web, p));
  sources.push(join(repo, 'package-lock.json'));
  if (sources.some((p) => existsSync(p) && newestMtime(p) > built)) return 'sources changed';
  return null;
}

function run(command, args) {
  // Always a production bundle, whatever NODE_ENV the caller (npm start, tests) runs under.
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const reason = process.argv.includes('--force') ? 'forced' : staleReason();
if (!reason) process.exit(0);
const started = Date.now();
console.log(`web: building apps/web (${reason})…`);
const hash = schemaHash();
run(process.execPath, [join(repo, 'scripts/web-codegen.mjs')]);
run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(web, 'tsconfig.json')]);
run(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn']);
writeFileSync(stampFile, JSON.stringify({ schemaHash: hash, builtAt: new Date().toISOString() }) + '\n');
console.log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
