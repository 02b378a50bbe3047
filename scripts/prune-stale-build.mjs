#!/usr/bin/env node
// Removes compiled files in dist/ whose TypeScript source no longer exists, so a renamed or
// deleted spec cannot keep running (and passing) from an old build.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repo, 'dist');

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.js(\.map)?$/.test(entry)) {
      const source = join(repo, relative(dist, path)).replace(/\.js(\.map)?$/, '.ts');
      if (!existsSync(source)) rmSync(path);
    }
  }
}

if (existsSync(dist)) walk(dist);
