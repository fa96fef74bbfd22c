/*
 * Service worker of the public website (registered by the portal in
 * production builds only).
 *
 * - Built assets (/assets/*, content-hashed) are immutable: cache-first.
 * - Public API reads (/api/v1/public/*): network-first, so people see fresh
 *   data, with the last answer kept for when the network drops.
 * - Every other /api/ call goes straight to the network and is never stored:
 *   staff and personal data must not linger in a cache on a shared computer.
 * - Page navigations: network-first, falling back to the cached site shell.
 *
 * The build replaces the build id (see vite.config.ts), so each release is a
 * new worker that drops the previous release's caches when it activates.
 */
const BUILD_ID = '__BUILD_ID__';
const PREFIX = 'xy-';
const SHELL_CACHE = `${PREFIX}shell-${BUILD_ID}`;
const ASSET_CACHE = `${PREFIX}assets-${BUILD_ID}`;
const API_CACHE = `${PREFIX}api-${BUILD_ID}`;
const API_CACHE_LIMIT = 60;

const SHELL = ['/', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll(SHELL);
      // The home page names its own hashed bundles; precache exactly those
      // rather than every chunk of the build (the console's are not needed here).
      const home = await shell.match('/');
      const html = home ? await home.text() : '';
      const assets = new Set();
      for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) assets.add(match[1]);
      await (await caches.open(ASSET_CACHE)).addAll([...assets]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set([SHELL_CACHE, ASSET_CACHE, API_CACHE]);
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !current.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname.startsWith('/api/')) {
    if (url.pathname.startsWith('/api/v1/public/')) event.respondWith(networkFirst(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request, ASSET_CACHE));
    return;
  }
  if (request.mode === 'navigate') {
    // The console needs the network for everything it shows; leave it alone.
    if (url.pathname === '/console' || url.pathname.startsWith('/console/')) return;
    event.respondWith(navigation(request, url));
    return;
  }
  if (SHELL.includes(url.pathname)) event.respondWith(cacheFirst(request, SHELL_CACHE));
});

async function cacheFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
      await trim(cache, API_CACHE_LIMIT);
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

async function navigation(request, url) {
  const shell = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    // Keep the offline copy of the shell as fresh as the last visit.
    if (response.ok && url.pathname === '/') await shell.put('/', response.clone());
    return response;
  } catch (error) {
    // Every portal path is rendered by the same index.html, so the shell answers for all of them.
    const cached = await shell.match('/');
    if (cached) return cached;
    throw error;
  }
}

/** Drops the oldest entries; cache.keys() lists them in insertion order. */
async function trim(cache, limit) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(key);
}
