#!/usr/bin/env node
// Gzipped size of the web app's first load of "/" (the events list): index.html, the entry chunk
// with its static imports and CSS, and the lazily loaded participant area with its imports.
// Reads apps/web/dist/.vite/manifest.json; run `npm run build:web` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(process.cwd(), 'apps/web/dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const files = new Set(['index.html']);
function visit(key) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const dep of chunk.imports ?? []) visit(dep);
}
visit('index.html');
visit('src/pages/participant.tsx');
let raw = 0;
let gzip = 0;
const rows = [...files].map((file) => {
  const body = readFileSync(join(dist, file));
  const zipped = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gzip += zipped;
  return { file, kB: +(body.length / 1024).toFixed(1), gzipKB: +(zipped / 1024).toFixed(1) };
});
console.table(rows);
console.log(`first load of "/": ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzipped (aim < 200 KB)`);
