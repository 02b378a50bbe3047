// ClusterMeet's service worker: keeps the app shell and the last answers of a few read-only
// GraphQL queries (agenda, my agenda, my meetings) so they stay readable offline once loaded.
// Everything else goes to the network untouched. Network first: online, nothing is ever stale.
const SHELL = 'clustermeet-shell-v1';
const DATA = 'clustermeet-data-v1';
const OFFLINE_OPERATIONS = new Set([
  'Me', 'EventBasics', 'EventHome', 'AgendaEvent', 'Agenda', 'MyAgendaMarks', 'MyAgenda', 'MyMeetings',
  'MatchmakingSettingsForParticipant',
]);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const res = await fetch('/', { headers: { accept: 'text/html' } });
      if (!res.ok) return;
      const html = await res.clone().text();
      await cache.put('/', res);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll(assets);
    })().then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL && key !== DATA) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  // Chunks the page loaded before this worker took over.
  if (data.type === 'cache-assets') {
    event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(data.urls.filter((u) => u.startsWith('/assets/')))).catch(() => {}));
  }
  // Signed out: nothing of that account stays on the device.
  if (data.type === 'clear-user-data') event.waitUntil(caches.delete(DATA));
});

async function digest(text) {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function graphql(request) {
  const body = await request.clone().text();
  let name = null;
  try {
    name = JSON.parse(body).operationName;
  } catch {
    // not JSON (an upload): not ours
  }
  if (!OFFLINE_OPERATIONS.has(name)) return fetch(request);
  // The key covers the sign-in token, so one account never reads another's answers.
  const key = `/__offline/graphql/${name}/${await digest(`${request.headers.get('authorization') || ''}\n${body}`)}`;
  try {
    const res = await fetch(request);
    if (res.ok) {
      const cache = await caches.open(DATA);
      await cache.put(key, res.clone());
    }
    return res;
  } catch (error) {
    const cached = await caches.match(key, { cacheName: DATA });
    if (cached) return cached;
    throw error;
  }
}

async function shell(request) {
  try {
    const res = await fetch(request);
    if (res.ok && (res.headers.get('content-type') || '').includes('text/html')) {
      const cache = await caches.open(SHELL);
      await cache.put('/', res.clone());
    }
    return res;
  } catch (error) {
    const cached = await caches.match('/', { cacheName: SHELL });
    if (cached) return cached;
    throw error;
  }
}

async function asset(request) {
  const cached = await caches.match(request, { cacheName: SHELL });
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, res.clone());
  }
  return res;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/graphql') return event.respondWith(graphql(request));
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith('/assets/')) return event.respondWith(asset(request));
  if (request.mode === 'navigate') return event.respondWith(shell(request));
});
