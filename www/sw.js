// The standalone page's service worker, for offline use. Registered only when the visitor asks
// for it ("make this page work offline", or whoever deploys the page switches it on; see
// www/boot.js), with the page's folder as its scope. It precaches the page's own files
// (nothing from other origins, no visitor data) and answers requests for those files only:
// another page on the same site, even one inside its scope (the widget deployed at a site's
// root), is never answered by it, online or offline. scripts/build.sh writes the version (a
// hash of the files), so each build gets a fresh cache.
//
// Its caches carry its scope in their name (`messenger-check <scope> <version>`), and it only
// ever deletes its own older ones: another deployment on the same origin keeps its caches, and
// so does every other cache of the site.
const VERSION = "__MC_VERSION__";
const SCOPE = self.registration.scope;
const PREFIX = `messenger-check ${SCOPE} `;
const CACHE = `${PREFIX}${VERSION}`;
const ASSETS = [
  "./",
  "index.html",
  "lang.js",
  "style.css",
  "boot.js",
  "favicon.svg",
  "pkg/messenger_check.js",
  "pkg/messenger_check_bg.wasm",
  "embed.html",
  "embed.js",
];
/** The addresses answered from the cache (without query). */
const OWN = new Set(ASSETS.map((path) => new URL(path, SCOPE).href));
/** The pages among them, which a navigation may ask for with a query (?lang=en). */
const PAGES = new Set(["./", "index.html", "embed.html"].map((path) => new URL(path, SCOPE).href));

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
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first for the page's own files (the cache is replaced as a whole by each build);
// every other request is left alone, so the browser handles it as if there were no worker.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  const search = url.search;
  url.search = "";
  const navigate = request.mode === "navigate";
  if (!OWN.has(url.href) || (search && !(navigate && PAGES.has(url.href)))) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(url.href);
      if (hit) return hit;
      return fetch(request);
    }),
  );
});
