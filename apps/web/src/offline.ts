// Registers the service worker (apps/web/public/sw.js) in production builds, hands it the chunks
// loaded before it took over, and tells it to forget cached answers on sign-out.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').then(
      () => navigator.serviceWorker.ready.then((reg) => {
        const urls = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/assets/'));
        reg.active?.postMessage({ type: 'cache-assets', urls });
      }),
      () => undefined, // no offline copy, the app still works
    );
  });
}

export function forgetOfflineData(): void {
  if ('serviceWorker' in navigator) navigator.serviceWorker.controller?.postMessage({ type: 'clear-user-data' });
}

/** Whether the browser says it is offline, kept current. */
export function onConnectivityChange(listener: (online: boolean) => void): () => void {
  const on = () => listener(true);
  const off = () => listener(false);
  window.addEventListener('online', on);
  window.addEventListener('offline', off);
  return () => {
    window.removeEventListener('online', on);
    window.removeEventListener('offline', off);
  };
}
