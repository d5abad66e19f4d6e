// The standalone page's service worker: after one visit the page works with the network off.
// It precaches the page's own files (nothing from other origins, no visitor data) under a
// versioned cache name; scripts/build.sh writes the version, a hash of the files, so each
// build gets a fresh cache and the old ones are deleted when the new worker takes over.
const VERSION = "__MC_VERSION__";
const CACHE = `messenger-check-${VERSION}`;
const ASSETS = [
  "./",
  "index.html",
  "lang.js",
  "style.css",
  "boot.js",
  "failed.js",
  "favicon.svg",
  "pkg/messenger_check.js",
  "pkg/messenger_check_bg.wasm",
  "embed.html",
  "embed.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((path) => new Request(path, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("messenger-check-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first for the page's own files (the cache is replaced as a whole by each build);
// anything else goes to the network untouched. Navigations ignore the query (?lang=) and
// fall back to the cached page when offline.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const navigate = request.mode === "navigate";
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: navigate });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        const page = navigate ? await cache.match("index.html") : undefined;
        if (page) return page;
        throw error;
      }
    }),
  );
});
