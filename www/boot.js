// Starts the messenger check on #messenger-check. An external module, so that the page runs
// under a strict Content-Security-Policy (no inline script). If WebAssembly cannot start
// (an old browser, or a policy without 'wasm-unsafe-eval'), the visitor reads why.
import init, { start } from "./pkg/messenger_check.js";

const host = document.getElementById("messenger-check");

function fail(error) {
  console.error("messenger-check could not start:", error);
  if (!host) return;
  const p = document.createElement("p");
  p.className = "mc-error";
  p.setAttribute("role", "alert");
  p.textContent = "Der Messenger-Check konnte nicht starten. Bitte laden Sie die Seite neu. / " +
    "The messenger check could not start. Please reload the page.";
  host.replaceChildren(p);
}

try {
  await init({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  start();
} catch (error) {
  fail(error);
}

// Offline: after one visit the page works with the network off (www/sw.js precaches the page's
// own files; nothing the visitor types is stored).
if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register(new URL("./sw.js", import.meta.url)).catch((error) => {
    console.warn("messenger-check: no offline support:", error);
  });
}
