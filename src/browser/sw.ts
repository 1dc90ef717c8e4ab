/// <reference lib="webworker" />
/**
 * The front page's service worker: so a verifier who opened the page once can open it again
 * without a network and still have signatures judged (the keys are kept by keys.ts). Pages and
 * assets are fetched from the network first and kept as they arrive; the cache answers only when
 * the network does not. The API is never cached: a registry status must be live or absent.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = 'registry-pages-v1';

const kept = (url: URL) =>
  url.origin === sw.location.origin &&
  (url.pathname === '/' ||
    url.pathname === '/styles.css' ||
    url.pathname.startsWith('/js/') ||
    url.pathname.startsWith('/i18n/') ||
    url.pathname.startsWith('/vendor/'));

sw.addEventListener('install', () => {
  void sw.skipWaiting();
});
sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim());
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !kept(new URL(request.url))) return;

  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      } catch (error) {
        const cached = await cache.match(request, { ignoreSearch: false });
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
