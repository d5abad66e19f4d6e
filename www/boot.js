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
const host = document.getElementById("messenger-check");

function fail(error) {
  console.error("messenger-check could not start:", error);
  if (!host) return;
  const notes = [...host.querySelectorAll(":scope > .mc-failed")];
  const note = notes.find((n) => n.lang === document.documentElement.lang) || notes[0];
  const p = document.createElement("p");
  p.className = "mc-error";
  p.setAttribute("role", "alert");
  if (note) {
    // Before the screens, which stay: the visitor can still read the questions.
    p.lang = note.lang;
    p.textContent = note.textContent;
    host.insertBefore(p, host.querySelector(":scope > .mc-pre"));
  } else {
    p.textContent = "Der Messenger-Check konnte nicht starten. Bitte laden Sie die Seite neu. / " +
      "The messenger check could not start. Please reload the page.";
    host.replaceChildren(p);
  }
}

try {
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 500);
  });
  const { default: init, start } = await import("./pkg/messenger_check.js");
  await init({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  start();
} catch (error) {
  fail(error);
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
