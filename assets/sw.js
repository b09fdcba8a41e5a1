// Keeps the built app in this browser, so that after one visit Glossa starts with no network.
//
// scripts/build fills in the first line: the build's version (a digest of every file) and its
// files with the start of the SHA-256 of each, named relative to this script, so the app works from any
// sub-path. A new build is a new script: the browser installs it beside the running one and it
// waits; it takes over when no tab of the old one is left (the next start), or when the reader
// chooses "Reload to update" (boot.js asks it to, by message). The work itself is in local
// storage and IndexedDB, never here.
//
// It answers for its own build only, within its scope: the app's start page and the files of
// the build. Any other page of the origin (another site's page at the root, the one-file app
// opened directly) goes to the network, and another install of Glossa on the same origin (another
// sub-path, another build) keeps its own caches.
const build = { version: 'unbuilt', files: {} };

const SCOPE = self.registration.scope;
const PREFIX = `glossa ${SCOPE} `;
const CACHE = `${PREFIX}${build.version}`;

/** The first 16 lowercase hex digits of the SHA-256 of `bytes`, as the build's list has them. */
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('install', (event) => {
  // Every file or none, each fetched past the HTTP cache and checked against the build's list: a
  // version half kept, or kept with another build's file, would start offline and then fail.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const [name, digest] of Object.entries(build.files)) {
      const response = await fetch(new Request(name, { cache: 'reload' }));
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      const body = await response.clone().arrayBuffer();
      if ((await sha256(body)) !== digest) throw new Error(`${name} is not this build's`);
      await cache.put(name, response);
    }
  })().catch(async (problem) => {
    await caches.delete(CACHE);
    throw problem;
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Only this scope's earlier builds: another install on this origin keeps its own.
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
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

/** The name of the build's file `url` is, if it is one: the start page for the scope itself. */
function keptName(url) {
  if (!url.href.startsWith(SCOPE)) return null;
  const name = url.href.slice(SCOPE.length).split(/[?#]/)[0];
  if (name === '') return 'index.html';
  return Object.hasOwn(build.files, name) ? name : null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const name = keptName(new URL(request.url));
  if (name === null) return;
  event.respondWith((async () => (await (await caches.open(CACHE)).match(name)) || fetch(request))());
});
