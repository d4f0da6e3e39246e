// The service worker: after one visit the playground opens without a
// network. Registered by offline.js as sw.js?v=VERSION (build.json's).
//
// Rules:
// - Network first. Online, every request goes to the server as it would
//   without a worker (the server says no-cache with an ETag, so an
//   unchanged file costs a 304), and the answer refreshes the cache; the
//   cached copy answers only when the network fails. So the worker never
//   shows an older build than the server has, even while developing.
// - One cache per version, "aimath-VERSION". A new build is a new worker
//   URL: the browser installs it, it fills its own cache (the app shell,
//   then every file the previous cache held, fetched anew) and, once
//   active, deletes every other aimath- cache. An outdated worker still
//   finishing a request never opens its deleted cache again (ownCache).
// - Only the site's own files are cached (appKey): share links, the API and
//   oEmbed always go to the network.
// - A file is cached as the browser received it (decoded from br or gzip);
//   Vary is ignored when looking it up.
'use strict';

const PREFIX = 'aimath-';
const VERSION = new URL(self.location.href).searchParams.get('v') || 'unversioned';
const CACHE = PREFIX + VERSION;

// The app shell: what index.html and game.html load before any lesson.
// ("./" is index.html as a navigation to the folder asks for it.)
const SHELL = [
  './',
  'index.html',
  'app.js',
  'controls.js',
  'embed.js',
  'host.js',
  'i18n.js',
  'offline.js',
  'share.js',
  'util.js',
  'style.css',
  'favicon.svg',
  'game.html',
  'game.js',
  'wasm_exec.js',
  'aimath.wasm',
  'build.json',
  'i18n/en.json',
  'i18n/ko.json',
];

// Paths (below the worker's folder) of the site's own files.
const APP_FILE = /^(?:|[\w-]+\.(?:html|js|css|svg|json|wasm)|i18n\/[\w.-]+\.json|img\/[\w.-]+\.(?:svg|png))$/;

const scope = () => new URL(self.registration.scope);

// appKey returns the cache key of a URL that is one of the site's files:
// the URL without query or hash (the query of /?embed=1 does not change
// the file). It returns null for anything else.
function appKey(url) {
  const base = scope();
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  const rel = url.pathname.slice(base.pathname.length);
  if (!APP_FILE.test(rel) || rel === 'sw.js') return null;
  return base.origin + url.pathname;
}

// unredirected returns res as an answer of its own URL. A host may
// redirect x.html to x (Cloudflare's assets do); a cached answer marked
// "redirected" would be refused as the answer to a navigation.
function unredirected(res) {
  if (!res.redirected) return res;
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

// fetchInto fetches url (revalidating any HTTP-cached copy) and stores a
// successful answer.
async function fetchInto(cache, url) {
  const res = await fetch(new Request(url, { cache: 'no-cache' }));
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  await cache.put(url, unredirected(res));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const shell = SHELL.map((u) => new URL(u, scope()).href);
      // All or nothing: a failed install leaves the previous version in place.
      await Promise.all(shell.map((u) => fetchInto(cache, u)));
      // The files an older version kept (other lessons' texts and
      // pictures), fetched anew; one the new build lacks is left out.
      const more = new Set();
      for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX) || name === CACHE) continue;
        for (const req of await (await caches.open(name)).keys()) more.add(req.url);
      }
      for (const u of shell) more.delete(u);
      await Promise.allSettled([...more].map((u) => fetchInto(cache, u)));
      await self.skipWaiting();
    })(),
  );
});

// dropOthers deletes the caches of other versions.
async function dropOthers() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(dropOthers().then(() => self.clients.claim()));
});

// ownCache opens this version's cache, created at install, or returns
// null once a newer version has deleted it: an outdated worker finishing a
// request must not create it anew (as caches.open would).
async function ownCache() {
  return (await caches.has(CACHE)) ? caches.open(CACHE) : null;
}

// store keeps a network answer, unless the cache already holds the same
// bytes (same ETag): the wasm is megabytes, and most loads change nothing.
async function store(key, res) {
  const cache = await ownCache();
  if (!cache) return;
  const tag = res.headers.get('ETag');
  const old = await cache.match(key, { ignoreVary: true });
  if (tag && old && old.headers.get('ETag') === tag) return;
  await cache.put(key, unredirected(res));
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const key = appKey(new URL(req.url));
  if (!key) return;
  event.respondWith(
    (async () => {
      try {
        const res = await fetch(req);
        if (res.ok && res.type === 'basic') event.waitUntil(store(key, res.clone()).catch(() => {}));
        return res;
      } catch (err) {
        const cache = await ownCache();
        const hit = await (cache ? cache.match(key, { ignoreVary: true }) : caches.match(key, { ignoreVary: true }));
        if (hit) return hit;
        throw err;
      }
    })(),
  );
});

// The page sends {type: 'aimath:precache', version, urls} with a port. The
// worker of that version fetches the listed site files it does not hold
// yet and answers {type: 'aimath:precached', cache, count, failed}; it
// also deletes other versions' caches again (an outdated worker may have
// written one late), and recreates its own if it was lost. A worker of
// another version answers {cache: null}: the page's version decides.
self.addEventListener('message', (event) => {
  const data = event.data;
  const port = event.ports[0];
  if (!data || data.type !== 'aimath:precache' || !Array.isArray(data.urls) || !port) return;
  if (data.version !== VERSION) {
    port.postMessage({ type: 'aimath:precached', cache: null });
    return;
  }
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await dropOthers();
      const keys = new Set();
      for (const u of data.urls.slice(0, 1000)) {
        let key = null;
        try {
          key = appKey(new URL(String(u), scope()));
        } catch {
          // Not a URL: skipped.
        }
        if (key) keys.add(key);
      }
      let failed = 0;
      await Promise.all(
        [...keys].map(async (key) => {
          if (await cache.match(key, { ignoreVary: true })) return;
          try {
            await fetchInto(cache, key);
          } catch {
            failed++;
          }
        }),
      );
      port.postMessage({ type: 'aimath:precached', cache: CACHE, count: keys.size, failed });
    })(),
  );
});
