// The first screen before the WebAssembly: mount() and <messenger-check> paint the questions in
// the widget's language at once from a small prerendered payload (screen-<lang>.js, a few KB,
// written at build time by src/bin/prerender.rs with the widget's own components), and the
// WebAssembly takes the painted nodes over when it has arrived (src/bindings/takeover.rs): what
// the visitor clicked meanwhile, the focus and the scroll position stay, and nothing moves.
//
// The payload is a JSON tree, built here with createElement (no innerHTML: a strict policy
// and Trusted Types allow it). `toHTML` writes the same nodes as HTML for a server
// (messenger-check/server). No dependencies, no network beyond the payload file itself.
import { SCREENS } from "./generated.js";

const SCREEN = "mc-pre";
const FAILED = "mc-failed-start";
// The questions whose inputs paint() checked from the prefilled answers (src/prerendered.rs).
const GIVEN = "data-mc-given";
// The attributes that hold element ids (the payload's are `mc-…`).
const ID_ATTRIBUTES = new Set(["id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "href"]);

const loaded = new Map(); // lang -> Promise<payload>
const painting = new WeakMap(); // host element -> Promise<Element | null>
let paintCount = 0;

/** The payload of `lang` ({ lang, shape, note, tree }), or null for a language without one. */
export function payload(lang) {
  const load = SCREENS[lang];
  if (!load) return Promise.resolve(null);
  if (!loaded.has(lang)) {
    loaded.set(
      lang,
      load().then(
        (m) => m.default,
        (e) => {
          loaded.delete(lang);
          throw e;
        },
      ),
    );
  }
  return loaded.get(lang);
}

const renamed = (name, value, prefix) => (prefix === "mc" || !ID_ATTRIBUTES.has(name) ? value : value.replace(/(^|[\s#])mc-/g, `$1${prefix}-`));

function build(doc, node, prefix) {
  if (typeof node === "string") return doc.createTextNode(node);
  if (node[0] === 0) return doc.createComment(node[1]);
  const el = doc.createElement(node[0]);
  for (const [name, value] of Object.entries(node[1])) el.setAttribute(name, renamed(name, value, prefix));
  for (let i = 2; i < node.length; i++) el.appendChild(build(doc, node[i], prefix));
  return el;
}

/** The prerendered screen directly inside `host`, if there is one. */
export function screenIn(host) {
  for (const child of host.children) if (child.classList.contains(SCREEN)) return child;
  return null;
}

/**
 * Checks the inputs of prefilled `answers` (question id -> option id, or a list of them) on a
 * screen just painted, so that they show at once instead of when the WebAssembly arrives; the
 * screen records what it ticked (`data-mc-given`, `question=option …`), so that the
 * takeover tells the visitor's changes (a tick moved, a list cleared) from the prefill, and
 * answers given after the paint win over a prefilled tick left alone. An id that matches no
 * input is left alone: the widget names a bad one when it mounts.
 */
function prefill(screen, answers) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return;
  const given = [];
  for (const [question, value] of Object.entries(answers)) {
    for (const option of Array.isArray(value) ? value : [value]) {
      if (typeof option !== "string") continue;
      const input = screen.querySelector(`input[name="${CSS.escape(question)}"][value="${CSS.escape(option)}"]`);
      if (!input) continue;
      input.checked = true;
      given.push(`${question}=${option}`);
    }
  }
  if (given.length) screen.setAttribute(GIVEN, given.join(" "));
}

/**
 * Paints the first screen in `lang` into `host`, once, with the prefilled `answers` checked:
 * resolves with the screen (one already there, from a server or an earlier call, is kept as
 * it is), or null when there is nothing to paint.
 */
export function paint(host, lang, answers) {
  const existing = screenIn(host);
  if (existing) return Promise.resolve(existing);
  if (!painting.has(host)) {
    painting.set(
      host,
      payload(lang)
        .then((p) => {
          if (!p || screenIn(host)) return screenIn(host);
          const doc = host.ownerDocument;
          // Ids unique in the document: the first widget's are `mc-…` (as the live widget's), a
          // second's `mcp2-…`. In a shadow root (the element) ids are its own anyway.
          const inShadow = host.getRootNode() !== doc;
          paintCount++;
          const prefix = inShadow || (paintCount === 1 && !doc.getElementById("mc-score")) ? "mc" : `mcp${paintCount}`;
          const screen = doc.createElement("div");
          screen.className = SCREEN;
          screen.lang = p.lang;
          screen.setAttribute("data-mc-shape", p.shape);
          for (const node of p.tree) screen.appendChild(build(doc, node, prefix));
          prefill(screen, answers);
          host.appendChild(screen);
          return screen;
        })
        .catch(() => null)
        .finally(() => painting.delete(host)),
    );
  }
  return painting.get(host);
}

/** The screen in `host` once a paint under way has finished (null if there is none). */
export function painted(host) {
  return painting.get(host) || Promise.resolve(screenIn(host));
}

/** Removes a screen that paint() made (a mount() that failed on a bad option). */
export function unpaint(host) {
  screenIn(host)?.remove();
  for (const note of host.querySelectorAll(`:scope > .${FAILED}`)) note.remove();
}

/**
 * The WebAssembly could not start (a policy without 'wasm-unsafe-eval', an old browser): the
 * questions stay readable, and a note before them says why there is no result.
 */
export async function showFailure(host) {
  await painting.get(host);
  const screen = screenIn(host);
  if (!screen || host.querySelector(`:scope > .${FAILED}`)) return;
  const p = await payload(screen.lang).catch(() => null);
  if (!p || !screen.isConnected) return;
  const note = host.ownerDocument.createElement("p");
  note.className = `mc-error ${FAILED}`;
  note.setAttribute("role", "alert");
  note.lang = p.lang;
  note.textContent = p.note;
  host.insertBefore(note, screen);
}

const escapeText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s) => escapeText(s).replace(/"/g, "&quot;");
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

function html(node, prefix) {
  if (typeof node === "string") return escapeText(node);
  if (node[0] === 0) return `<!--${node[1]}-->`;
  const attrs = Object.entries(node[1])
    .map(([n, v]) => ` ${n}="${escapeAttr(renamed(n, v, prefix))}"`)
    .join("");
  if (VOID.has(node[0])) return `<${node[0]}${attrs}>`;
  return `<${node[0]}${attrs}>${node
    .slice(2)
    .map((c) => html(c, prefix))
    .join("")}</${node[0]}>`;
}

/** The screen of a payload as HTML: the nodes paint() builds, for a server to send. */
export function toHTML(p, prefix = "mc") {
  return `<div class="${SCREEN}" lang="${p.lang}" data-mc-shape="${p.shape}">${p.tree.map((n) => html(n, prefix)).join("")}</div>`;
}
