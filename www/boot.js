// Starts the messenger check on #messenger-check: the WebAssembly takes over the prerendered
// first screen (src/bin/prerender.rs), keeping what the visitor clicked meanwhile. An
// external module, so that the page runs under a strict Content-Security-Policy (no inline
// script). If WebAssembly cannot start (an old browser, or a policy without
// 'wasm-unsafe-eval'), the questions stay readable and a note in the page's language says why
// there is no result (its text is prerendered from the catalog, so it is not copied here).
//
// The order: first the prerendered page paints, with the connection to itself (it is the
// largest paint, and the visitor can read and answer it at once); then the WebAssembly loads
// and takes over. A hidden tab, where frames do not come, starts after a short wait.
import { afterFirstPaint, showFailed } from "./failed.js";

const host = document.getElementById("messenger-check");
// Offline use, see switchOffline() below.
const offline = {
  supported: "serviceWorker" in navigator && /^https?:$/.test(location.protocol),
  on: false,
  scope: new URL("./", import.meta.url).href,
};
// The Trusted Types policy for the service worker's address, see workerUrl() below.
let policy = null;

// After a panic (src/bindings/panic.rs): the widget shows a message and a reload button, and
// the glue switches to a fresh WebAssembly instance at the next call, made here at once (any
// call does; until then a callback of the old instance could still arrive). A task later the
// button works: it starts the widget again.
function onPanic(glue) {
  const handler = (element) => {
    try {
      glue.onPanic(handler);
    } catch {
      // the next call tries again
    }
    setTimeout(() => {
      const button = element?.querySelector(".mc-reload");
      button?.addEventListener(
        "click",
        () => {
          element.remove();
          start(glue);
        },
        { once: true },
      );
    }, 0);
  };
  return handler;
}

/** Starts the widget, offering offline use where the browser has service workers. */
function start(glue) {
  glue.start(offline.supported ? { offline: offline.on, onOffline: switchOffline } : undefined);
}

try {
  await afterFirstPaint();
  const glue = await import("./pkg/messenger_check.js");
  await glue.default({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  glue.onPanic(onPanic(glue));
  await offlineState();
  start(glue);
} catch (error) {
  showFailed(host, error);
}

// The service worker's address. Under Trusted Types (`require-trusted-types-for 'script'`) it
// must be a TrustedScriptURL: made by a policy of our own name, `messenger-check` (a host that
// also sets `trusted-types` lists it), which passes exactly this one address and nothing else.
function workerUrl() {
  const url = new URL("./sw.js", import.meta.url).href;
  const tt = globalThis.trustedTypes;
  if (!tt || typeof tt.createPolicy !== "function") return url;
  policy ??= tt.createPolicy("messenger-check", {
    createScriptURL(input) {
      if (input !== url) throw new TypeError(`messenger-check: not the service worker's address: ${input}`);
      return input;
    },
  });
  return policy.createScriptURL(url);
}

// Offline use (www/sw.js precaches the page's own files, about 1 MB; nothing the visitor types
// is stored): only when the visitor ticks "make this page work offline", or when whoever
// deploys the page switches it on with <meta name="messenger-check-offline" content="on"> in
// index.html. Scoped to this page's folder; unticking removes the worker and its caches.

async function offlineState() {
  if (!offline.supported) return;
  try {
    const registration = await navigator.serviceWorker.getRegistration(offline.scope);
    offline.on = !!registration && registration.scope === offline.scope;
  } catch {
    offline.on = false;
  }
  const wanted = document.querySelector('meta[name="messenger-check-offline"]')?.content === "on";
  if (wanted && !offline.on) switchOffline(true);
}

function switchOffline(on) {
  offline.on = on;
  if (on) {
    navigator.serviceWorker.register(workerUrl(), { scope: offline.scope }).catch((error) => {
      console.warn("messenger-check: no offline support:", error);
    });
    return;
  }
  (async () => {
    const registration = await navigator.serviceWorker.getRegistration(offline.scope);
    if (registration && registration.scope === offline.scope) await registration.unregister();
    // This deployment's caches only (their names carry its scope, see www/sw.js).
    for (const key of await caches.keys()) {
      if (key.startsWith(`messenger-check ${offline.scope} `)) await caches.delete(key);
    }
  })().catch((error) => console.warn("messenger-check: could not remove the offline copy:", error));
}
