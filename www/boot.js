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

try {
  await afterFirstPaint();
  const { default: init, start } = await import("./pkg/messenger_check.js");
  await init({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  start();
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
  const policy = tt.createPolicy("messenger-check", {
    createScriptURL(input) {
      if (input !== url) throw new TypeError(`messenger-check: not the service worker's address: ${input}`);
      return input;
    },
  });
  return policy.createScriptURL(url);
}

// Offline: after one visit the page works with the network off (www/sw.js precaches the page's
// own files; nothing the visitor types is stored).
if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  Promise.resolve()
    .then(() => navigator.serviceWorker.register(workerUrl()))
    .catch((error) => {
      console.warn("messenger-check: no offline support:", error);
    });
}
