// The package's JavaScript API on top of the WebAssembly bindings (src/bindings/). index.js
// (browsers, bundlers) and node.js (Node) differ only in how they load the .wasm file;
// everything else is here. No dependencies, no network, no storage.
//
// The checks of options and arguments, and their error texts, live in Rust
// (src/bindings/options.rs): this file forwards what it is given and does only what needs the
// DOM: find the element, adopt the stylesheet, and keep track of the mounts per element.
import * as wasm from "./messenger_check.js";
import { css } from "./styles.js";
import { LANGUAGES } from "./generated.js";
import { paint, painted as paintedIn, screenIn, showFailure, unpaint } from "./screen.js";
export { LANGUAGES, THEME_PROPERTIES } from "./generated.js";
export { showFailure } from "./screen.js";

/** An Error whose message says where it comes from. */
export function fail(message) {
  return new Error(`messenger-check: ${message}`);
}

// ---------------------------------------------------------------------------------------
// Styles: one constructed stylesheet per document, adopted by each root (the document or a
// shadow root) that holds a widget, and removed again when its last widget is destroyed.
// Constructed stylesheets are CSSOM, so a `style-src 'self'` policy allows them. Every
// browser the package supports has them; `styles: false` is for pages that link
// messenger-check/style.css themselves.

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
  if (!("adoptedStyleSheets" in root)) {
    throw fail("mount: this browser cannot adopt stylesheets; pass `styles: false` and link messenger-check/style.css");
  }
  const count = users.get(root) || 0;
  users.set(root, count + 1);
  if (count > 0) return;
  const sheet = sheetFor(root.ownerDocument || root);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * Paints the first screen into `element` (screen.js) with the widget's stylesheet, before the
 * WebAssembly has arrived (the element does, before it mounts). The sheet stays until the
 * widget that takes the screen over is destroyed.
 */
export function paintInto(element, lang) {
  // Once the WebAssembly is here, the widget renders at once: nothing to paint. (A painted
  // screen is taken over into a yew root of its own, which is never freed: once per page is
  // fine, a thousand mounts are not; see src/bindings/roots.rs.)
  if (wasmLoaded) return paintedIn(element);
  const root = styleRoot(element);
  if ("adoptedStyleSheets" in root) {
    const sheet = sheetFor(root.ownerDocument || root);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  return paint(element, lang);
}

function releaseStyles(root) {
  const count = (users.get(root) || 1) - 1;
  if (count > 0) {
    users.set(root, count);
    return;
  }
  users.delete(root);
  const sheet = sheets.get(root.ownerDocument || root);
  root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
}

// ---------------------------------------------------------------------------------------
// Mounts per element. A mount() that has not resolved yet is cancelled by a later mount() of
// the same element (React's StrictMode runs effect, cleanup, effect in one tick): it then
// resolves with a destroyed Widget, and only the later one renders. A widget that mount()
// has handed out is never taken away: mounting on its element again is an error until it is
// destroyed.

const mounts = new WeakMap(); // Element -> { widget: Widget | null, done: boolean, cancelled: boolean }
/** The WebAssembly has been loaded (by any createApi's loader). */
let wasmLoaded = false;

/** A mounted widget. */
export class Widget {
  #inner;
  #element;
  #root;
  #onDestroy;
  #complete;

  /** @internal (use mount()) */
  constructor(inner, element, root = null, onDestroy = null) {
    this.#inner = inner;
    this.#element = element;
    this.#root = root;
    this.#onDestroy = onDestroy;
    let done;
    this.#complete = new Promise((resolve) => (done = resolve));
    this.#complete.done = done;
    if (inner) inner.whenComplete(done);
    else done();
  }

  #live(method) {
    if (!this.#inner) throw fail(`${method}: the widget was destroyed`);
    return this.#inner;
  }

  /** @internal Resolves once every question is in the DOM, or the widget was destroyed. */
  get complete() {
    return this.#complete;
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
    this.#live("setLang").setLang(lang);
  }

  /** Changes the theme (same values as the `theme` option). */
  setTheme(theme) {
    this.#live("setTheme").setTheme(theme);
  }

  /** Replaces the answers without remounting; answers equal to the current ones change nothing. */
  setAnswers(answers) {
    this.#live("setAnswers").setAnswers(answers);
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
      inner.destroy();
    } finally {
      inner.free();
      if (this.#root) releaseStyles(this.#root);
      this.#onDestroy?.();
      this.#complete.done();
    }
  }
}

/**
 * Builds the API on a loader that instantiates the WebAssembly module once.
 * @param {(opts?: object) => Promise<unknown>} load
 */
export function createApi(loadWasm) {
  const load = (options) => loadWasm(options).then((v) => {
    wasmLoaded = true;
    return v;
  });
  async function init(options) {
    if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options))) {
      throw fail(`init: options must be an object like { wasm: url } (got ${options === null ? "null" : typeof options})`);
    }
    await load(options || {});
  }

  async function evaluate(answers, options) {
    await load({});
    return wasm.evaluate(answers, options);
  }

  // The templates (the CLI's `assess --document`); the options are checked in Rust
  // (src/bindings/options.rs), whose errors name the option.
  async function documents(answers, options) {
    await load({});
    return wasm.documents(answers, options);
  }

  async function mount(element, options) {
    if (typeof document === "undefined" && !(element && element.ownerDocument)) {
      throw fail("mount: needs a browser DOM (use evaluate() in Node)");
    }
    if (!element || element.nodeType !== 1) {
      throw fail(`mount: the first argument must be a DOM element (got ${element === null ? "null" : typeof element})`);
    }
    const previous = mounts.get(element);
    if (previous && previous.done) throw fail("mount: this element already has a widget (destroy() it first)");
    if (previous) {
      previous.cancelled = true;
      previous.widget?.destroy();
    }
    const entry = { widget: null, done: false, cancelled: false };
    mounts.set(element, entry);
    const forget = () => {
      if (mounts.get(element) === entry) mounts.delete(element);
    };
    // The widget's stylesheet (adopted now, for the painted first screen too).
    let root = null;
    const release = () => {
      if (root) releaseStyles(root);
      root = null;
    };
    try {
      if (!(options && options.styles === false)) {
        const r = styleRoot(element);
        adoptStyles(r);
        root = r;
      }
      // The first screen at once, in the widget's language, while the WebAssembly loads
      // (screen.js); the WebAssembly then takes it over (src/bindings/takeover.rs).
      const lang = options && options.lang !== undefined ? options.lang : LANGUAGES[0].code;
      const ours = !screenIn(element);
      // (With the WebAssembly here, nothing new is painted, but a paint under way, the
      // element's, is waited for and taken over.)
      const painted = !wasmLoaded && LANGUAGES.some((l) => l.code === lang) ? paint(element, lang) : paintedIn(element);
      try {
        await load({});
      } catch (e) {
        // No WebAssembly (a policy without 'wasm-unsafe-eval'): the questions stay, with a
        // note that says why there is no result.
        if (await painted) await showFailure(element);
        root = null; // the questions keep their styles
        throw e;
      }
      const screen = await painted;
      if (entry.cancelled) {
        release();
        return new Widget(null, element);
      }
      // Checks every option before it renders anything (src/bindings/options.rs): a bad one
      // leaves the element as it was. The widget takes over the painted screen, or renders
      // into a root of its own (`.mc-root`) appended to `element`, which destroy() takes out
      // again and keeps for reuse (src/bindings/roots.rs): mount and destroy as often as you
      // like, memory stays flat.
      let inner;
      try {
        inner = wasm.mount(element, options);
      } catch (e) {
        if (screen && ours) unpaint(element);
        throw e;
      }
      const widget = new Widget(inner, element, root, forget);
      root = null; // the widget releases them
      entry.widget = widget;
      // Resolve when every question is in the DOM (or when a later mount cancelled this one).
      await widget.complete;
      if (!entry.cancelled && !widget.destroyed) entry.done = true;
      return widget;
    } catch (e) {
      release();
      forget();
      throw e;
    }
  }

  return { init, evaluate, documents, mount };
}

