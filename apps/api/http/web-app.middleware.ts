import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NextFunction, type Request, type Response } from 'express';

/** Where `npm start` (scripts/build-web.mjs) puts the built web app. */
export const WEB_APP_DIST = fileURLToPath(new URL('../../../../apps/web/dist/', import.meta.url));

/**
 * Paths that belong to the API: never answered with the web app, even for a browser asking for
 * HTML (the IDE, feeds, printable files, downloads, unsubscribe links).
 */
const API_PREFIXES = ['/graphql', '/health', '/calendar/', '/materials/', '/unsubscribe/', '/api/', '/files/', '/exports/', '/reports/'];

export function isApiPath(path: string): boolean {
  if (API_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))) return true;
  // A last segment with an extension is a file (agenda.ics, booklet.pdf, report.csv), not a page.
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}

/**
 * Serves the single-page web app from apps/web/dist on the API's origin: hashed assets with a
 * year-long immutable cache, and index.html (never cached) for GET requests that accept HTML and
 * match no API path, so client-side routes survive a reload. Without a build it does nothing.
 */
export function webAppMiddleware(distDir = WEB_APP_DIST) {
  const root = normalize(distDir.endsWith(sep) ? distDir : distDir + sep);
  const indexFile = join(root, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = req.path;
    if (path.startsWith('/assets/')) {
      const file = normalize(join(root, path));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return next();
      res.sendFile(file, { maxAge: 365 * 24 * 3600 * 1000, immutable: true });
      return;
    }
    // The web app's service worker: from the root so it may control every page; never cached.
    if (path === '/sw.js') {
      const file = join(root, 'sw.js');
      if (!existsSync(file)) return next();
      res.sendFile(file, { headers: { 'Cache-Control': 'no-cache', 'Content-Type': 'text/javascript; charset=utf-8' } });
      return;
    }
    if (isApiPath(path)) return next();
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    if (!existsSync(indexFile)) return next();
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  };
}
