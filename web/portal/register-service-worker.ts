/**
 * Only production builds get the worker: in `vite dev` it would cache modules
 * that Vite serves unhashed and hide every edit behind a stale copy.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Offline support is an extra; the site works the same without it.
    });
  });
}
