import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type NextFunction, type Request, type Response } from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Files the IDE page needs, served by the app itself so the IDE works offline. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

// The page's only inline code; the Content-Security-Policy allows exactly these by their hashes.
const IDE_STYLE = 'html, body, #ide { height: 100%; margin: 0; }';
const IDE_SCRIPT = `
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
    const defaultQuery = '# Welcome to ClusterMeet. Sign in with the login mutation, then put\\n' +
      '# {"Authorization": "Bearer <token>"} in the Headers tab.\\n\\n' +
      '{\\n  events {\\n    nodes { slug name timeZone startsOn endsOn }\\n  }\\n}\\n';
    ReactDOM.createRoot(document.getElementById('ide')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, shouldPersistHeaders: true }),
    );
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>ClusterMeet GraphQL</title>
  <link rel="stylesheet" href="/graphql/ide/graphiql.css">
  <style>${IDE_STYLE}</style>
</head>
<body>
  <div id="ide">Loading the GraphQL IDE…</div>
  <script src="/graphql/ide/react.js"></script>
  <script src="/graphql/ide/react-dom.js"></script>
  <script src="/graphql/ide/graphiql.js"></script>
  <script>${IDE_SCRIPT}</script>
</body>
</html>`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** CSP sources for the IDE's inline script and style, so no 'unsafe-inline' is needed. */
export const IDE_INLINE_SOURCES = { script: sha256(IDE_SCRIPT), style: sha256(IDE_STYLE) };

/**
 * The in-browser GraphQL IDE at GET /graphql (for browsers asking for HTML), with every asset
 * served from node_modules: no CDN, so it works on a venue's offline network.
 */
export function graphiqlMiddleware() {
  const cache = new Map<string, Buffer>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/graphql' && req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      res.type('html').set('Cache-Control', 'no-cache').send(PAGE);
      return;
    }
    const asset = req.path.startsWith('/graphql/ide/') ? ASSETS[req.path.slice('/graphql/ide/'.length)] : undefined;
    if (!asset) return next();
    let body = cache.get(asset.file);
    if (!body) cache.set(asset.file, (body = readFileSync(asset.file)));
    res.type(asset.type).set('Cache-Control', 'public, max-age=86400').send(body);
  };
}
