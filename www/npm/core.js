// The package's JavaScript API on top of the WebAssembly bindings (src/bindings.rs).
// index.js (browsers, bundlers) and node.js (Node 20+) differ only in how they load the
// .wasm file; everything else is here. No dependencies, no network, no storage.
import * as wasm from "./messenger_check.js";
import { css } from "./styles.js";

const LANGS = ["de", "en"];
const SCHEMES = ["light", "dark", "auto"];
const OPTIONS = ["lang", "answers", "catalog", "theme", "onChange", "styles", "shareLink"];

/**
 * The documented theme fields and the CSS custom property each sets on the element the
 * widget is mounted on (the same names work in the host page's CSS). `kind` is the CSS
 * property a value must be valid for.
 */
export const THEME_PROPERTIES = {
  accent: { property: "--mc-accent", kind: "color" },
  text: { property: "--mc-text", kind: "color" },
  background: { property: "--mc-bg", kind: "color" },
  font: { property: "--mc-font", kind: "font-family" },
  radius: { property: "--mc-radius", kind: "border-radius" },
  spacing: { property: "--mc-space", kind: "padding" },
};

/** An Error whose message says where it comes from. */
export function fail(message) {
  return new Error(`messenger-check: ${message}`);
}

function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Checks `lang`; returns it or throws an Error naming `where`. */
function readLang(value, where) {
  if (typeof value !== "string") throw fail(`${where}: must be a string, "de" or "en" (got ${describe(value)})`);
  if (!LANGS.includes(value)) throw fail(`${where}: unknown language \`${value}\` (use de or en)`);
  return value;
}

/**
 * Reads the `theme` option: "light" | "dark" | "auto", or an object of the fields in
 * THEME_PROPERTIES plus `scheme`. Returns { scheme, vars: [[property, value]] }.
 */
export function readTheme(theme, label = "option", name = "theme") {
  const where = `${label} \`${name}\``;
  const field = (key) => `${label} \`${name}.${key}\``;
  const out = { scheme: undefined, vars: [] };
  if (theme === undefined || theme === null) return out;
  if (typeof theme === "string") {
    if (!SCHEMES.includes(theme)) throw fail(`${where}: unknown scheme \`${theme}\` (use light, dark or auto)`);
    out.scheme = theme;
    return out;
  }
  if (!isPlainObject(theme)) throw fail(`${where}: must be an object or "light", "dark", "auto" (got ${describe(theme)})`);
  const known = ["scheme", ...Object.keys(THEME_PROPERTIES)];
  for (const [key, value] of Object.entries(theme)) {
    if (value === undefined || value === null) continue;
    if (key === "scheme") {
      if (typeof value !== "string" || !SCHEMES.includes(value)) {
        throw fail(`${field("scheme")}: must be "light", "dark" or "auto" (got ${typeof value === "string" ? `\`${value}\`` : describe(value)})`);
      }
      out.scheme = value;
      continue;
    }
    const spec = THEME_PROPERTIES[key];
    if (!spec) throw fail(`${where}: unknown field \`${key}\` (known: ${known.join(", ")})`);
    if (typeof value !== "string" && typeof value !== "number") {
      throw fail(`${field(key)}: must be a string (got ${describe(value)})`);
    }
    const text = String(value).trim();
    // No way to break out of the declaration; and a value the browser would drop is an error.
    if (text === "" || /[;{}<>]/.test(text)) throw fail(`${field(key)}: \`${text}\` is not a valid CSS value`);
    const supports = globalThis.CSS && typeof globalThis.CSS.supports === "function" ? globalThis.CSS.supports : null;
    if (supports && !supports.call(globalThis.CSS, spec.kind, text)) {
      throw fail(`${field(key)}: \`${text}\` is not a valid CSS ${spec.kind} value`);
    }
    out.vars.push([spec.property, text]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Styles: one constructed stylesheet per document, adopted by each root (the document or a
// shadow root) that holds a widget, and removed again when its last widget is destroyed.
// Constructed stylesheets are CSSOM, so a `style-src 'self'` policy allows them.

const sheets = new WeakMap(); // Document -> CSSStyleSheet
const users = new WeakMap(); // Document | ShadowRoot -> number of widgets

function styleRoot(element) {
  const root = element.getRootNode();
  const doc = element.ownerDocument;
  return root === doc || (root && root.host && "adoptedStyleSheets" in root) ? root : doc;
}

function sheetFor(doc) {
  let sheet = sheets.get(doc);
  if (!sheet) {
    const win = doc.defaultView || globalThis;
    sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(doc, sheet);
  }
  return sheet;
}

function adoptStyles(root) {
  const doc = root.ownerDocument || root;
  const count = users.get(root) || 0;
  users.set(root, count + 1);
  if (count > 0) return;
  if ("adoptedStyleSheets" in root) {
    const sheet = sheetFor(doc);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    // Browsers without constructed stylesheets: the same CSS as a file of this package.
    const link = doc.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("./style.css", import.meta.url).href;
    link.dataset.messengerCheck = "";
    (root === doc ? doc.head : root).appendChild(link);
  }
}

function releaseStyles(root) {
  const count = (users.get(root) || 1) - 1;
  if (count > 0) {
    users.set(root, count);
    return;
  }
  users.delete(root);
  if ("adoptedStyleSheets" in root) {
    const doc = root.ownerDocument || root;
    const sheet = sheets.get(doc);
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  } else {
    const where = root === (root.ownerDocument || root) ? root.head : root;
    where?.querySelector("link[data-messenger-check]")?.remove();
  }
}

// ---------------------------------------------------------------------------------------
// Theme on the widget's own root element (`.mc-root`, inside the element it is mounted on):
// CSSOM (`style.setProperty`), which CSP allows, and the scheme as a data attribute the
// stylesheet reads.

function applyTheme(element, theme, previous) {
  if (previous) clearTheme(element, previous);
  for (const [property, value] of theme.vars) element.style.setProperty(property, value);
  // "auto" follows the host page's color-scheme (www/npm/theme.css).
  if (theme.scheme) element.setAttribute("data-mc-scheme", theme.scheme);
}

function clearTheme(element, theme) {
  for (const [property] of theme.vars) element.style.removeProperty(property);
  if (theme.scheme) element.removeAttribute("data-mc-scheme");
  if (element.getAttribute("style") === "") element.removeAttribute("style");
}

// ---------------------------------------------------------------------------------------

const mounted = new WeakMap(); // Element -> Widget (or a pending marker)

/** A mounted widget. */
export class Widget {
  #inner;
  #element;
  #point;
  #theme;
  #root;

  constructor(inner, element, point, theme, root) {
    this.#inner = inner;
    this.#element = element;
    this.#point = point;
    this.#theme = theme;
    this.#root = root;
  }

  #live(method) {
    if (!this.#inner) throw fail(`${method}: the widget was destroyed`);
    return this.#inner;
  }

  /** The element the widget is mounted on. */
  get element() {
    return this.#element;
  }

  /** Whether destroy() was called. */
  get destroyed() {
    return !this.#inner;
  }

  /** Switches the language: "de" or "en". */
  setLang(lang) {
    const inner = this.#live("setLang");
    inner.setLang(readLang(lang, "setLang: `lang`"));
  }

  /** Changes the theme (same values as the `theme` option). */
  setTheme(theme) {
    this.#live("setTheme");
    const next = readTheme(theme, "setTheme:", "theme");
    applyTheme(this.#point, next, this.#theme);
    this.#theme = next;
  }

  /** The answers: question id to option id, or to a list of option ids. */
  answers() {
    return this.#live("answers").answers();
  }

  /** The assessment of the current answers (the same JSON as `evaluate` and the CLI). */
  assessment() {
    return this.#live("assessment").assessment();
  }

  /** Clears all answers. */
  reset() {
    this.#live("reset").reset();
  }

  /** Unmounts the widget and frees its memory. Calling it again does nothing. */
  destroy() {
    const inner = this.#inner;
    if (!inner) return;
    this.#inner = null;
    try {
      clearTheme(this.#point, this.#theme);
      inner.destroy();
    } finally {
      inner.free();
      if (this.#root) releaseStyles(this.#root);
      mounted.delete(this.#element);
    }
  }
}

/**
 * Builds the API on a loader that instantiates the WebAssembly module once.
 * @param {(opts?: object) => Promise<unknown>} load
 */
export function createApi(load) {
  async function init(options) {
    if (options !== undefined && !isPlainObject(options)) throw fail(`init: options must be an object (got ${describe(options)})`);
    await load(options || {});
  }

  async function evaluate(answers, options) {
    let lang = "de";
    if (options !== undefined && options !== null) {
      if (!isPlainObject(options)) throw fail(`evaluate: options must be an object like { lang: "en" } (got ${describe(options)})`);
      for (const key of Object.keys(options)) {
        if (key !== "lang") throw fail(`evaluate: unknown option \`${key}\` (known: lang)`);
      }
      if (options.lang !== undefined) lang = readLang(options.lang, "evaluate: option `lang`");
    }
    if (answers === undefined || answers === null) answers = {};
    if (!isPlainObject(answers)) throw fail(`evaluate: \`answers\` must be an object of question id to option id(s) (got ${describe(answers)})`);
    await load({});
    try {
      return wasm.evaluate(answers, lang);
    } catch (e) {
      throw fail(`evaluate: \`answers\`: ${e && e.message ? e.message : e}`);
    }
  }

  async function mount(element, options) {
    if (typeof document === "undefined" && !(element && element.ownerDocument)) {
      throw fail("mount: needs a browser DOM (use evaluate() in Node)");
    }
    if (!element || element.nodeType !== 1) throw fail(`mount: the first argument must be a DOM element (got ${describe(element)})`);
    if (options === undefined || options === null) options = {};
    if (!isPlainObject(options)) throw fail(`mount: options must be an object (got ${describe(options)})`);
    for (const key of Object.keys(options)) {
      if (!OPTIONS.includes(key)) throw fail(`unknown option \`${key}\` (known: ${OPTIONS.join(", ")})`);
    }
    const { theme: themeOption, styles, ...rest } = options;
    if (styles !== undefined && typeof styles !== "boolean") throw fail(`option \`styles\`: must be true or false (got ${describe(styles)})`);
    if (rest.lang !== undefined && rest.lang !== null) readLang(rest.lang, "option `lang`");
    if (rest.onChange !== undefined && rest.onChange !== null && typeof rest.onChange !== "function") {
      throw fail(`option \`onChange\`: must be a function (got ${describe(rest.onChange)})`);
    }
    if (rest.answers !== undefined && rest.answers !== null && !isPlainObject(rest.answers)) {
      throw fail(`option \`answers\`: must be an object of question id to option id(s) (got ${describe(rest.answers)})`);
    }
    if (rest.catalog !== undefined && rest.catalog !== null && !isPlainObject(rest.catalog)) {
      throw fail(`option \`catalog\`: must be an object with texts, alternatives, call_to_action (got ${describe(rest.catalog)})`);
    }
    const theme = readTheme(themeOption);
    if (mounted.has(element)) throw fail("mount: this element already has a widget (destroy() it first)");
    mounted.set(element, null);
    try {
      await load({});
      // Checks every option before it renders anything: a bad one leaves the element as it
      // was. The widget renders into a root of its own (`.mc-root`) appended to `element`,
      // which destroy() takes out again and keeps for reuse (src/bindings.rs, "Reusing yew
      // roots"): mount and destroy as often as you like, memory stays flat.
      const inner = wasm.mount(element, rest);
      const point = inner.root;
      const root = styles === false ? null : styleRoot(element);
      if (root) adoptStyles(root);
      applyTheme(point, theme);
      const widget = new Widget(inner, element, point, theme, root);
      mounted.set(element, widget);
      return widget;
    } catch (e) {
      mounted.delete(element);
      throw e;
    }
  }

  return { init, evaluate, mount };
}

// ---------------------------------------------------------------------------------------
// Templates (issue 11): documents(answers, { lang, blanks, format }). The options are checked
// in Rust (src/bindings_documents.rs), whose errors name the option; kept at the end of this
// file so that it merges on its own.

/**
 * Builds `documents()` on the same loader as the rest of the API.
 * @param {(opts?: object) => Promise<unknown>} load
 */
export function createDocuments(load) {
  return async function documents(answers, options) {
    await load({});
    return wasm.documents(answers, options);
  };
}
