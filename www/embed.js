// The widget inside an iframe served from the widget's own origin (dist/embed.html), for
// host pages whose Content-Security-Policy forbids WebAssembly. Query: ?lang=de|en
// &theme=light|dark|auto. The frame tells the host page its height so the host can size it
// (see www/examples/iframe/snippet.js): only to a host that said hello from an allowed origin
// (<meta name="messenger-check-hosts">), only to that origin, and only the height: the
// visitor's answers never leave the frame.
import init, { mount } from "./pkg/messenger_check.js";

const host = document.getElementById("messenger-check");
const params = new URLSearchParams(location.search);
const allowed = (document.querySelector('meta[name="messenger-check-hosts"]')?.content || "").split(/\s+/).filter(Boolean);
let parentOrigin = null;
let lastHeight = -1;
// The widget handle, kept for the page's lifetime.
let widget = null;

function height() {
  return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0));
}

function post(force) {
  if (!parentOrigin) return;
  const h = height();
  if (!force && h === lastHeight) return;
  lastHeight = h;
  window.parent.postMessage({ type: "messenger-check:height", height: h }, parentOrigin);
}

// Listen before anything else, so the host's hello is never missed.
window.addEventListener("message", (event) => {
  if (window.parent === window || event.source !== window.parent) return;
  if (!event.data || event.data.type !== "messenger-check:hello") return;
  if (event.origin === "null" || !(allowed.includes("*") || allowed.includes(event.origin))) return;
  parentOrigin = event.origin;
  post(true);
});

function fail(error) {
  console.error("messenger-check could not start:", error);
  const p = document.createElement("p");
  p.className = "mc-error";
  p.setAttribute("role", "alert");
  p.textContent = "Der Messenger-Check konnte nicht starten. / The messenger check could not start.";
  host.replaceChildren(p);
  post(true);
}

try {
  const lang = params.get("lang") === "en" ? "en" : "de";
  const theme = params.get("theme");
  document.documentElement.lang = lang;
  await init({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  host.replaceChildren();
  widget = mount(host, { lang });
  // The scheme goes on the widget's root (www/npm/theme.css); "auto" follows this page's
  // color-scheme, `light dark`, so the system's.
  if (theme === "light" || theme === "dark" || theme === "auto") widget.root.setAttribute("data-mc-scheme", theme);
  new ResizeObserver(() => post(false)).observe(document.body);
} catch (error) {
  fail(error);
}
