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
// What prefill() ticked, as `question=option …` (read back by src/bindings/takeover.rs).
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
 * Ticks prefilled `answers` (question id -> option id, or a list of them) on a screen not yet
 * taken over, so that they show at once instead of when the WebAssembly arrives. The screen
 * records what it ticked (`data-mc-given`, `question=option …`): the takeover tells the
 * visitor's changes from the prefill by it, and a later call (answers set again before the
 * WebAssembly) replaces the earlier prefill. A question the visitor has changed (on any screen,
 * a server's too) is left as the visitor made it. An id that matches no input is left alone:
 * the widget names a bad one when it mounts.
 */
function prefill(screen, answers) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return;
  const inputs = (question) => [...screen.querySelectorAll(`input[name="${CSS.escape(question)}"]`)];
  const before = new Map();
  for (const pair of (screen.getAttribute(GIVEN) || "").split(" ")) {
    const [question, option] = pair.split("=");
    if (question && option) before.set(question, [...(before.get(question) || []), option]);
  }
  const given = [];
  for (const question of new Set([...before.keys(), ...Object.keys(answers)])) {
    const old = before.get(question) || [];
    const all = inputs(question);
    if (all.some((i) => i.checked !== old.includes(i.value))) {
      // The visitor's: it stays, counted from what was ticked for them.
      for (const option of old) given.push(`${question}=${option}`);
      continue;
    }
    const value = Object.hasOwn(answers, question) ? answers[question] : undefined;
    const wanted = new Set((Array.isArray(value) ? value : [value]).filter((o) => typeof o === "string"));
    for (const input of all) {
      input.checked = wanted.has(input.value);
      if (input.checked) given.push(`${question}=${input.value}`);
    }
  }
  if (given.length) screen.setAttribute(GIVEN, given.join(" "));
  else screen.removeAttribute(GIVEN);
}

/** Ticks prefilled `answers` on the screen in `host`, if one is there and not yet taken over. */
export function prefillIn(host, answers) {
  const screen = screenIn(host);
  if (screen) prefill(screen, answers);
}

/**
 * Paints the first screen in `lang` into `host`, once, with the prefilled `answers` ticked:
 * resolves with the screen (one already there, from a server or an earlier call, is kept, with
 * the answers ticked where the visitor has not changed them), or null when there is nothing
 * to paint.
 */
export function paint(host, lang, answers) {
  const existing = screenIn(host);
  if (existing) {
    prefill(existing, answers);
    return Promise.resolve(existing);
  }
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
