// The widget inside an iframe served from the widget's own origin (dist/embed.html), for
// host pages whose Content-Security-Policy forbids WebAssembly. Query (all optional, as the
// embed builder writes it): lang=de|en, theme=light|dark|auto, accent, text, background (CSS
// colours), recommend and hide (messenger ids, comma-separated), cta_de, cta_en, cta_url (a
// call to action). Each is checked by the widget itself (src/bindings/options.rs); a bad one
// is reported in the console and left out. The frame tells the host page its height so the
// host can size it
// (see www/examples/iframe/snippet.js): only to a host that said hello from an allowed origin
// (<meta name="messenger-check-hosts">), only to that origin, and only the height: the
// visitor's answers never leave the frame.
//
// The page arrives with the first screen prerendered in every language (src/bin/prerender.rs);
// lang.js shows the one asked for (?lang=, else the browser's languages) before the first
// paint. After that paint the WebAssembly loads and mount() takes the screen over
// (src/bindings/takeover.rs), keeping what the visitor clicked meanwhile; if it cannot start,
// the questions stay and a note says why.
import { afterFirstPaint, showFailed } from "./failed.js";

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

/** The mount() options the query asks for. */
function options(languages) {
  const list = (name) => (params.get(name) || "").split(",").map((s) => s.trim()).filter(Boolean);
  const codes = languages().map((l) => l.code);
  // The language lang.js shows (the query's, else the browser's), else the first.
  const shown = document.documentElement.lang;
  const out = { lang: codes.includes(params.get("lang")) ? params.get("lang") : codes.includes(shown) ? shown : codes[0] };
  const theme = {};
  // "auto" follows this page's color-scheme, `light dark`, so the system's (www/npm/theme.css).
  if (params.get("theme")) theme.scheme = params.get("theme");
  for (const field of ["accent", "text", "background"]) if (params.get(field)) theme[field] = params.get(field);
  if (Object.keys(theme).length) out.theme = theme;
  const catalog = {};
  if (params.has("recommend") || params.has("hide")) {
    catalog.alternatives = { hide: list("hide") };
    if (params.has("recommend")) catalog.alternatives.recommend = list("recommend");
  }
  const label = {};
  for (const code of codes) if (params.get(`cta_${code}`)) label[code] = params.get(`cta_${code}`);
  if (params.get("cta_url") || Object.keys(label).length) catalog.call_to_action = { label, url: params.get("cta_url") || "" };
  if (Object.keys(catalog).length) out.catalog = catalog;
  return out;
}

// The height from the first paint on (the prerendered screen has one).
new ResizeObserver(() => post(false)).observe(document.body);
try {
  await afterFirstPaint();
  const { default: init, languages, mount } = await import("./pkg/messenger_check.js");
  await init({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  const wanted = options(languages);
  document.documentElement.lang = wanted.lang;
  try {
    widget = mount(host, wanted);
  } catch (error) {
    // A bad query value: the visitor still gets the widget, in the language asked for.
    console.error("messenger-check: embed.html:", error);
    widget = mount(host, { lang: wanted.lang });
  }
} catch (error) {
  showFailed(host, error);
  post(true);
}
