// The widget inside an iframe served from the widget's own origin (dist/embed.html), for
// host pages whose Content-Security-Policy forbids WebAssembly. Query (all optional, as the
// embed builder writes it): lang=de|en, theme=light|dark|auto, accent, text, background
// (colours as #rgb or #rrggbb), recommend and hide (messenger ids, comma-separated), cta_de,
// cta_en, cta_url (a call to action). Each is checked by the widget itself
// (src/bindings/options.rs); a bad one is reported in the console and left out.
//
// Who may set what: anyone can send a link to embed.html with any query, so the query may
// only set what cannot mislead or leak. Colours are plain hex (and the widget resolves them,
// see src/bindings/theme.rs). A call to action, whose button carries the embedder's name, is
// shown only when its address is on this site (a path, /kontakt) or on one of the sites listed
// in <meta name="messenger-check-hosts"> (the sites that embed this frame; the embed builder
// writes the host's origin there): nobody else can put a button to their own site into the
// frame.
//
// The height channel (www/messenger-check-frame.js sizes the frame with it): the frame tells
// its height only to a page that said hello from a listed origin (or from this origin, which
// can read the frame anyway), only to that origin, and only in steps of STEP pixels, rounded
// up. As shipped, the list is empty: no page learns anything, and the frame keeps the height
// the host page gives it, scrolling inside. The height depends on the answers (which
// questions apply, how long the result is): a listed page could tell roughly how much is
// showing, at STEP-pixel resolution, and nothing else; the answers never leave the frame.
// From a listed host it takes which part of the frame is on screen, to keep the score bar in
// view; links of the call to action open in the host's window, and a relative one is then the
// listed host's address (for any other parent it stays on this site).
//
// The page arrives with the first screen prerendered in every language (src/bin/prerender.rs);
// lang.js shows the one asked for (?lang=, else the browser's languages) before the first
// paint. After that paint the WebAssembly loads and mount() takes the screen over
// (src/bindings/takeover.rs), keeping what the visitor clicked meanwhile; if it cannot start,
// the questions stay and a note says why.
import { afterFirstPaint, showFailed } from "./failed.js";

/** The height steps, in pixels (see above). */
const STEP = 1000;
const host = document.getElementById("messenger-check");
const params = new URLSearchParams(location.search);
const listed = (document.querySelector('meta[name="messenger-check-hosts"]')?.content || "").split(/\s+/).filter(Boolean);
if (listed.includes("*")) {
  console.warn("messenger-check: embed.html: `*` in messenger-check-hosts is ignored; list the sites that embed the frame");
}
/** The origins that may hear the height and whose addresses a call to action may have. */
const allowed = new Set([
  location.origin,
  ...listed
    .filter((o) => o !== "*")
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        console.warn(`messenger-check: embed.html: \`${o}\` in messenger-check-hosts is not an origin`);
        return null;
      }
    })
    .filter(Boolean),
]);
/** The listed (or this) origin of the page that holds the frame, once it said hello. */
let parentOrigin = null;
let lastHeight = -1;
// The widget handle, kept for the page's lifetime: held, so that the glue never frees it.
// biome-ignore lint/correctness/noUnusedVariables: only held, never read (a dropped handle would be freed by the glue's finalizer)
let widget = null;
// The glue's functions, once the WebAssembly is loaded (after the first paint).
let languages = null;
let mount = null;
let onPanic = null;

function height() {
  const h = Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
  return Math.ceil(h / STEP) * STEP;
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
  if (event.data?.type === "messenger-check:view" && parentOrigin && event.origin === parentOrigin) {
    view(event.data);
    return;
  }
  if (!event.data || event.data.type !== "messenger-check:hello") return;
  if (event.origin === "null" || !allowed.has(event.origin)) return;
  parentOrigin = event.origin;
  post(true);
  hostLinks(host);
});

/**
 * The part of the frame the visitor sees (the host's helper sends it while the page scrolls):
 * the frame is about as tall as its content, so its own viewport rarely scrolls; these custom
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
 * The call to action opens in the host's window (not inside the frame). A relative address
 * ("/kontakt") is the host's only once a listed host said hello (resolved against its page,
 * whose address the browser gives the frame as the referrer when it is of that origin, else
 * against the origin): a page that is not listed cannot turn the embedder's button into a link
 * to its own site, so there it stays on this site.
 */
function hostLinks(root) {
  const listedParent = parentOrigin && parentOrigin !== location.origin ? parentOrigin : null;
  let base = null;
  if (listedParent) {
    try {
      base = document.referrer && new URL(document.referrer).origin === listedParent ? document.referrer : `${listedParent}/`;
    } catch {
      base = `${listedParent}/`;
    }
  }
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

/**
 * Whether a call to action may go to `url`: a path on this site (checked again, with the rest
 * of the call to action, by the widget: engine/src/overrides.rs), or an address on a listed
 * site. The browser's own URL parser decides where it leads.
 */
function ctaAllowed(url) {
  if (/^mailto:/i.test(url)) return false;
  try {
    return allowed.has(new URL(url, location.href).origin);
  } catch {
    return false;
  }
}

/** The mount() options the query asks for. */
function options() {
  const list = (name) =>
    (params.get(name) || "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const codes = languages().map((l) => l.code);
  // The language lang.js shows (the query's, else the browser's), else the first.
  const shown = document.documentElement.lang;
  const out = { lang: codes.includes(params.get("lang")) ? params.get("lang") : codes.includes(shown) ? shown : codes[0] };
  const theme = {};
  // "auto" follows this page's color-scheme, `light dark`, so the system's (www/npm/theme.css).
  if (params.get("theme")) theme.scheme = params.get("theme");
  for (const field of ["accent", "text", "background"]) {
    const value = params.get(field);
    if (!value) continue;
    if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) theme[field] = value;
    else console.warn(`messenger-check: embed.html: ${field} must be a colour like #1d5aa6; left out`);
  }
  if (Object.keys(theme).length) out.theme = theme;
  const catalog = {};
  if (params.has("recommend") || params.has("hide")) {
    catalog.alternatives = { hide: list("hide") };
    if (params.has("recommend")) catalog.alternatives.recommend = list("recommend");
  }
  const label = {};
  for (const code of codes) if (params.get(`cta_${code}`)) label[code] = params.get(`cta_${code}`);
  const url = params.get("cta_url") || "";
  if (url || Object.keys(label).length) {
    if (ctaAllowed(url)) catalog.call_to_action = { label, url };
    else
      console.warn(
        "messenger-check: embed.html: the call to action is left out: its address is neither on this site nor on a site listed in messenger-check-hosts",
      );
  }
  if (Object.keys(catalog).length) out.catalog = catalog;
  return out;
}

function start(wanted) {
  try {
    widget = mount(host, wanted);
  } catch (error) {
    // A bad query value: the visitor still gets the widget, in the language asked for.
    console.error("messenger-check: embed.html:", error);
    widget = mount(host, { lang: wanted.lang });
  }
}

// After a panic (src/bindings/panic.rs): the widget shows a message and a reload button; the
// glue switches to a fresh instance at the next call, made here at once; a task later the
// button starts the widget again.
function panicked(element) {
  try {
    onPanic(panicked);
  } catch {
    // the next call tries again
  }
  widget = null;
  setTimeout(() => {
    element?.querySelector(".mc-reload")?.addEventListener(
      "click",
      () => {
        element.remove();
        start(options());
      },
      { once: true },
    );
  }, 0);
}

// The height from the first paint on (the prerendered screen has one).
new ResizeObserver(() => post(false)).observe(document.body);
try {
  await afterFirstPaint();
  const glue = await import("./pkg/messenger_check.js");
  ({ languages, mount, onPanic } = glue);
  await glue.default({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  onPanic(panicked);
  const wanted = options();
  document.documentElement.lang = wanted.lang;
  // No emptying of the host: mount() takes the prerendered screen over.
  start(wanted);
  if (window.parent !== window) {
    hostLinks(host);
    new MutationObserver(() => hostLinks(host)).observe(host, { childList: true, subtree: true });
  }
} catch (error) {
  showFailed(host, error);
  post(true);
}
