import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API the dev server forwards to (`npm start` in another terminal).
const api = process.env.API_URL ?? 'http://localhost:3000';
const apiPaths = ['/graphql', '/health', '/calendar', '/materials', '/unsubscribe', '/api'];

/**
 * Replaces each graphql(`query Name …`) call with an import of its generated NameDocument, as the
 * codegen client preset's Babel plugin does: otherwise gql/gql.ts carries every operation of the
 * app into the entry chunk. Types are unaffected (tsc still checks the graphql() overloads).
 */
function graphqlDocuments(): Plugin {
  const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));
  return {
    name: 'clustermeet-graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(')) return null;
      const names = new Set<string>();
      const out = code.replace(/\bgraphql\(\s*`\s*(?:query|mutation|subscription)\s+(\w+)[^`]*`\s*\)/g, (_whole, name: string) => {
        names.add(`${name}Document`);
        return `${name}Document`;
      });
      if (!names.size) return null;
      return { code: `import { ${[...names].join(', ')} } from ${JSON.stringify(generated)};\n${out}`, map: null };
    },
  };
}

export default defineConfig({
  root,
  plugins: [graphqlDocuments(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or styles: the API's Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // bench/web/bundle-size.mjs reads it to weigh the first load.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries([
      ...apiPaths.map((path) => [path, { target: api, changeOrigin: true }]),
      // The printable agenda and feeds under /events/<slug>/ are API files (they have an extension).
      ['^/events/[^/]+/[^/]+\\.[a-z]+$', { target: api, changeOrigin: true }],
    ]),
  },
});
