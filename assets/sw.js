// Keeps the built app in this browser, so that after one visit Glossa starts with no network.
//
// scripts/build fills in the first line: the build's version (a digest of every file) and its
// files, named relative to this script, so the app works from any sub-path. A new build is a new
// script: the browser installs it beside the running one and it waits; it takes over when no tab
// of the old one is left (the next start), or when the reader chooses "Reload to update"
// (boot.js asks it to, by message). The work itself is in local storage and IndexedDB, never here.
const build = { version: 'unbuilt', files: [] };

const CACHE = `glossa-${build.version}`;

self.addEventListener('install', (event) => {
  // Every file or none: a version half kept would start offline and then miss a part.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(build.files)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('glossa-') && name !== CACHE) await caches.delete(name);
    }
    // The first version takes the open tab at once, so that it works offline without a reload.
    await self.clients.claim();
  })());
});

// "Reload to update": taken only when the tab asking is the only one, since a tab still running the
// old version would then be given this version's parts.
self.addEventListener('message', (event) => {
  if (event.data !== 'take-over') return;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    if (windows.length <= 1) await self.skipWaiting();
    else event.source.postMessage('other-tabs-open');
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any page of the app is its one page; the article is in the fragment, never sent.
    const kept = request.mode === 'navigate'
      ? await cache.match('index.html')
      : await cache.match(request, { ignoreSearch: true });
    return kept || fetch(request);
  })());
});
