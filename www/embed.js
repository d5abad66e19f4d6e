// The widget inside an iframe served from the widget's own origin (dist/embed.html), for
// host pages whose Content-Security-Policy forbids WebAssembly. Query (all optional, as the
// embed builder writes it): lang=de|en, theme=light|dark|auto, accent, text, background (CSS
// colours), recommend and hide (messenger ids, comma-separated), cta_de, cta_en, cta_url (a
// call to action). Each is checked by the widget itself (src/bindings/options.rs); a bad one
// is reported in the console and left out. The frame tells the host page its height so the
// host can size it
// (www/messenger-check-frame.js): only to a host that said hello from an allowed origin
// (<meta name="messenger-check-hosts">, which the embed builder fills with the host's origin;
// a parent of the frame's own origin is always allowed, as it can read the frame anyway), only
// to that origin, and only the height: the visitor's answers never leave the frame. From that
// host it takes which part of the frame is on screen, to keep the score bar in view. Links of
// the call to action open in the host's window, a relative one at the host's address.
import init, { languages, mount } from "./pkg/messenger_check.js";

const host = document.getElementById("messenger-check");
const params = new URLSearchParams(location.search);
const allowed = [location.origin, ...(document.querySelector('meta[name="messenger-check-hosts"]')?.content || "").split(/\s+/).filter(Boolean)];
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
  if (event.data?.type === "messenger-check:view" && event.origin === parentOrigin) {
    view(event.data);
    return;
  }
  if (!event.data || event.data.type !== "messenger-check:hello") return;
  if (event.origin === "null" || !(allowed.includes("*") || allowed.includes(event.origin))) return;
  parentOrigin = event.origin;
  post(true);
});

/**
 * The part of the frame the visitor sees (the host's helper sends it while the page scrolls):
 * the frame is as tall as its content, so its own viewport never scrolls; these custom
 * properties move the sticky score (widget.css: .mc-results, .mc-mini) into the visible part.
 */
function view({ top, height }) {
  if (!Number.isFinite(top) || !Number.isFinite(height) || top < 0 || height < 0) return;
  const total = document.documentElement.scrollHeight;
  const root = document.documentElement.style;
  root.setProperty("--_view-top", `${Math.min(top, total)}px`);
  root.setProperty("--_view-height", `${Math.min(height, total)}px`);
  root.setProperty("--_view-bottom", `${Math.max(0, total - top - height)}px`);
}

/**
 * The call to action opens in the host's window (not inside the frame), and a relative address
 * ("/kontakt") is the host's: resolved against the page that holds the frame (its address as
 * the browser gives it to the frame, at least its origin), not against the widget's.
 */
function hostLinks(root) {
  const base = document.referrer || (parentOrigin ? `${parentOrigin}/` : null);
  for (const link of root.querySelectorAll("a.mc-cta-link")) {
    link.target = "_top";
    const raw = link.dataset.mcHref ?? link.getAttribute("href") ?? "";
    link.dataset.mcHref = raw;
    if (base && !/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
      try {
        link.href = new URL(raw, base).href;
      } catch {
        // not a URL: left as it is
      }
    }
  }
}

function fail(error) {
  console.error("messenger-check could not start:", error);
  const p = document.createElement("p");
  p.className = "mc-error";
  p.setAttribute("role", "alert");
  p.textContent = "Der Messenger-Check konnte nicht starten. / The messenger check could not start.";
  host.replaceChildren(p);
  post(true);
}

/** The mount() options the query asks for. */
function options() {
  const list = (name) => (params.get(name) || "").split(",").map((s) => s.trim()).filter(Boolean);
  const codes = languages().map((l) => l.code);
  const out = { lang: codes.includes(params.get("lang")) ? params.get("lang") : codes[0] };
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

try {
  await init({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  const wanted = options();
  document.documentElement.lang = wanted.lang;
  host.replaceChildren();
  try {
    widget = mount(host, wanted);
  } catch (error) {
    // A bad query value: the visitor still gets the widget, in the language asked for.
    console.error("messenger-check: embed.html:", error);
    widget = mount(host, { lang: wanted.lang });
  }
  new ResizeObserver(() => post(false)).observe(document.body);
  if (window.parent !== window) {
    hostLinks(host);
    new MutationObserver(() => hostLinks(host)).observe(host, { childList: true, subtree: true });
  }
} catch (error) {
  fail(error);
}
