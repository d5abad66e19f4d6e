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
// Panics. A bug in the WebAssembly (a Rust panic) aborts its instance; the panic hook
// (src/bindings/panic.rs) replaces the widget that panicked with a message and a reload
// button, schedules a fresh instance and calls `onPanic`'s callback. Here that callback makes
// the glue switch to the fresh instance at once (any call does; before it, a callback of the
// old instance could still arrive), and then, a task later, mounts every other widget again in
// it, as it was (answers, language, theme), and makes the reload button work. The caller of a
// call that panicked gets an Error, never the trap.

const live = new Set(); // the mounted Widgets
const crashed = []; // the elements that show a panic's message, since the last recovery
let recovery = 0;

function onPanic(element) {
  if (element) crashed.push(element);
  renew();
  if (!recovery) recovery = setTimeout(recover, 0);
}

/** Switches to the fresh instance (any call into the glue does) and listens for the next panic. */
function renew() {
  try {
    wasm.onPanic(onPanic);
  } catch {
    // nothing to do: the next call tries again
  }
}

function recover() {
  recovery = 0;
  const elements = crashed.splice(0);
  for (const widget of [...live]) widget._recover(elements);
}

/** Calls into the WebAssembly; a panic (a trap) reaches the caller as an Error. */
function call(what, fn) {
  try {
    return fn();
  } catch (e) {
    if (typeof WebAssembly !== "undefined" && e instanceof WebAssembly.RuntimeError) {
      renew();
      throw fail(`${what}: internal error (${e.message}); the widget was restarted, nothing was sent`);
    }
    throw e;
  }
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
 * WebAssembly has arrived (the element does, before it mounts). The painted screen holds the
 * sheet like a widget does: `release()` gives it back (once the widget that takes the screen
 * over holds its own, or when the screen is dropped before that), so the sheet leaves the
 * root with its last user, painted or mounted. `answers`: the prefilled ones, checked on the
 * screen at once.
 */
export function paintInto(element, lang, answers) {
  // Once the WebAssembly is here, the widget renders at once: nothing to paint. (A painted
  // screen is taken over into a yew root of its own, which is never freed: once per page is
  // fine, a thousand mounts are not; see src/bindings/roots.rs.)
  if (wasmLoaded) return { screen: paintedIn(element), release() {} };
  const root = styleRoot(element);
  let held = false;
  if ("adoptedStyleSheets" in root) {
    adoptStyles(root);
    held = true;
  }
  return {
    screen: paint(element, lang, answers),
    release() {
      if (held) releaseStyles(root);
      held = false;
    },
  };
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
  /** What it was mounted with, and what it shows now (to mount it again after a panic). */
  #options;
  #now = {};
  #destroyed = false;

  /** @internal (use mount()) */
  constructor(element, options, root = null, onDestroy = null) {
    this.#element = element;
    this.#options = options;
    this.#root = root;
    this.#onDestroy = onDestroy;
    let done;
    this.#complete = new Promise((resolve) => (done = resolve));
    this.#complete.done = done;
    if (options === null) {
      this.#destroyed = true;
      done();
    }
  }

  /** @internal Mounts the WebAssembly widget (answers and language as given, or as they were). */
  _mount(now = {}) {
    const given = this.#options;
    let options = given;
    const plain = given === undefined || given === null || (typeof given === "object" && !Array.isArray(given));
    const user = plain && given ? given.onChange : undefined;
    // The widget reports its answers and language with each change (kept here, to mount it
    // again as it was after another widget's panic); a bad option goes through as given, so
    // that its error names it.
    if (plain && (user === undefined || user === null || typeof user === "function")) {
      options = {
        ...(given || {}),
        onChange: (assessment, answers) => {
          this.#now.answers = answers;
          this.#now.lang = assessment && assessment.lang;
          if (user) user(assessment);
        },
      };
      if (now.answers !== undefined) options.answers = now.answers;
      if (now.lang !== undefined) options.lang = now.lang;
      if (now.theme !== undefined) options.theme = now.theme;
    }
    this.#inner = call("mount", () => wasm.mount(this.#element, options));
    live.add(this);
    this.#inner.whenComplete(this.#complete.done);
  }

  /** @internal After a panic: mount again in the fresh instance, or offer the reload. */
  _recover(elements) {
    if (this.#destroyed) return;
    this.#inner = null;
    const mine = elements.find((el) => el && this.#element.contains(el));
    if (mine) {
      const button = mine.querySelector(".mc-reload");
      button?.addEventListener(
        "click",
        () => {
          mine.remove();
          this.#now = {};
          this._mount();
        },
        { once: true },
      );
      return;
    }
    // The dead widget's root (its listeners belong to the old instance) makes room.
    for (const root of this.#element.querySelectorAll(":scope > .mc-root")) root.remove();
    try {
      this._mount(this.#now);
    } catch (e) {
      console.error(e);
    }
  }

  #live(method) {
    if (this.#destroyed) throw fail(`${method}: the widget was destroyed`);
    if (!this.#inner) throw fail(`${method}: the widget is restarting after an internal error; try again in a moment`);
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
    return this.#destroyed;
  }

  /** Switches the language: "de" or "en". */
  setLang(lang) {
    call("setLang", () => this.#live("setLang").setLang(lang));
  }

  /** Changes the theme (same values as the `theme` option). */
  setTheme(theme) {
    call("setTheme", () => this.#live("setTheme").setTheme(theme));
    this.#now.theme = theme;
  }

  /** Replaces the answers without remounting; answers equal to the current ones change nothing. */
  setAnswers(answers) {
    call("setAnswers", () => this.#live("setAnswers").setAnswers(answers));
  }

  /** The answers: question id to option id, or to a list of option ids. */
  answers() {
    return call("answers", () => this.#live("answers").answers());
  }

  /** The assessment of the current answers (the same JSON as `evaluate` and the CLI). */
  assessment() {
    return call("assessment", () => this.#live("assessment").assessment());
  }

  /** Clears all answers. */
  reset() {
    call("reset", () => this.#live("reset").reset());
  }

  /** @internal For the test suite: the widget panics in its next render. */
  __panicForTests() {
    this.#live("__panicForTests").__panicForTests();
  }

  /** Unmounts the widget and frees its memory. Calling it again does nothing. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    live.delete(this);
    const inner = this.#inner;
    this.#inner = null;
    try {
      if (inner) {
        try {
          inner.destroy();
        } finally {
          inner.free();
        }
      } else {
        // Between a panic and its recovery, or showing the message: what is left goes.
        for (const root of this.#element.querySelectorAll(":scope > .mc-root")) root.remove();
      }
    } catch {
      // an object of an instance that went down after a panic: nothing to free
    } finally {
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
  let armed = false;
  async function load(options) {
    await loadWasm(options);
    wasmLoaded = true;
    if (!armed) {
      armed = true;
      renew();
    }
  }

  async function init(options) {
    if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options))) {
      throw fail(`init: options must be an object like { wasm: url } (got ${options === null ? "null" : typeof options})`);
    }
    await load(options || {});
  }

  async function evaluate(answers, options) {
    await load({});
    return call("evaluate", () => wasm.evaluate(answers, options));
  }

  // The templates (the CLI's `assess --document`); the options are checked in Rust
  // (src/bindings/options.rs), whose errors name the option.
  async function documents(answers, options) {
    await load({});
    return call("documents", () => wasm.documents(answers, options));
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
      const painted = !wasmLoaded && LANGUAGES.some((l) => l.code === lang) ? paint(element, lang, options && options.answers) : paintedIn(element);
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
        return new Widget(element, null);
      }
      // Checks every option before it renders anything (src/bindings/options.rs): a bad one
      // leaves the element as it was. The widget takes over the painted screen, or renders
      // into a root of its own (`.mc-root`) appended to `element`, which destroy() takes out
      // again and keeps for reuse (src/bindings/roots.rs): mount and destroy as often as you
      // like, memory stays flat.
      const widget = new Widget(element, options, root, forget);
      try {
        widget._mount();
      } catch (e) {
        if (screen && ours) unpaint(element);
        throw e;
      }
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
