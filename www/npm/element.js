// `import "messenger-check/element"` registers <messenger-check>: the widget in a closed
// Shadow DOM with its stylesheet inside, so the host page's CSS cannot break it and its CSS
// cannot leak out. CSS custom properties (--mc-*) and the host's color-scheme still inherit in.
//
//   <messenger-check lang="de" theme="auto"></messenger-check>
//
// Attributes: lang ("de" | "en"), theme ("light" | "dark" | "auto"). Properties: answers,
// catalog (overrides), widget, ready. Methods: assessment(), reset(). Events: "change"
// (CustomEvent, detail: the assessment), "error" (ErrorEvent, e.g. a bad catalog override).
//
// What the host page sees (README, "What leaves the widget"): the answers and the assessment
// only through this element's API (the properties and methods above, and the `change` event
// dispatched on the element itself: it does not bubble, so a listener on the document, say a
// form-tracking script, never gets it). The shadow root is closed, so scripts that walk the
// page's DOM (session recorders, overlays) do not read the questions and the answers.
//
// Made for frameworks that set attributes and properties whenever they like: before the
// WebAssembly has arrived, while the widget mounts, repeatedly with equal values, and that
// connect and disconnect the element at will. Whatever was set last is what the widget shows;
// a value equal to the last one changes nothing; new answers are loaded into the running
// widget (no remount); only a new catalog remounts it, keeping the visitor's answers.
import { init, mount, LANGUAGES } from "./index.js";
import { paintInto, showFailure } from "./core.js";
import { painted, prefillIn } from "./screen.js";
// The attribute checks and their error texts are the Rust side's (src/bindings/options.rs).
import { checkAttribute } from "./messenger_check.js";

const TAG = "messenger-check";
const HTMLElementBase = globalThis.HTMLElement || class {};
const DEFAULTS = { lang: LANGUAGES[0].code, theme: "auto" };

const none = (v) => v === undefined || v === null;
/** The longest list (and the most keys) `sameJson` compares: as many as the widget reads at
 * most (engine/src/limits.rs `MAX_ENTRIES`); a longer one is refused by the widget anyway. */
const SAME_MAX = 2000;

/**
 * Whether two values hold the same JSON data (what answers and catalog overrides are). A
 * dozen lines instead of a dependency: the package has none, and these values are plain data.
 */
function sameJson(a, b) {
  if (a === b || (none(a) && none(b))) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    // Bounded, as the widget's own reader is: a list longer than any answer or override can
    // be (a sparse one of length 2^31, assigned afresh on each render) is "changed" at once,
    // and the widget then refuses it by its length, instead of a walk over 2^31 holes.
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || a.length > SAME_MAX) return false;
    return a.every((v, i) => sameJson(v, b[i]));
  }
  const keys = (o) => Object.keys(o).filter((k) => o[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  if (ka.length !== kb.length || ka.length > SAME_MAX) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/** The element's declarative shadow root (also a closed one), or null. */
function declaredShadow(element) {
  try {
    return typeof element.attachInternals === "function" ? element.attachInternals().shadowRoot : null;
  } catch {
    return null;
  }
}

export class MessengerCheckElement extends HTMLElementBase {
  static observedAttributes = ["lang", "theme"];

  #shadow = null;
  /** Counts mounts and unmounts: a mount that finds another number was overtaken. */
  #run = 0;
  /** Where the current widget renders (or is being mounted). */
  #point = null;
  #widget = null;
  /** The values last assigned to the properties. */
  #answers = undefined;
  #catalog = undefined;
  /** The visitor's answers, kept across a disconnect or a new catalog. */
  #kept = undefined;
  /** What the current widget was given (raw attribute values, property values). */
  #used = { lang: null, theme: null, answers: undefined, catalog: undefined };
  /** The bad attribute values reported last (each is reported once). */
  #reported = { lang: null, theme: null };
  #ready = null;
  #resolve = null;
  /** The server's first screen (if any) was taken. */
  #served = false;
  /** A painted screen left with its note after the WebAssembly failed to start: its release. */
  #failed = null;

  constructor() {
    super();
    // Closed: `element.shadowRoot` is null for the page's scripts. A declarative shadow root
    // the page's server sent (messenger-check/server: closed, with the first screen) is taken
    // over as it is: a closed one is reached through the element's internals (attachShadow
    // would empty it), an open one stays open, as the page chose.
    this.#shadow = this.shadowRoot || declaredShadow(this) || this.attachShadow({ mode: "closed" });
    this.#newReady();
  }

  #newReady() {
    this.#ready = new Promise((resolve) => (this.#resolve = resolve));
  }

  /** Resolves with the Widget once the widget has rendered (again after each remount). */
  get ready() {
    return this.#ready;
  }

  /** The mounted Widget, or null. */
  get widget() {
    return this.#widget;
  }

  /**
   * Answers to start with, or to load into the running widget (the visitor's answers are
   * replaced). Assigning answers equal to the last assigned ones changes nothing. Reading
   * gives the current answers.
   */
  get answers() {
    return this.#widget ? this.#widget.answers() : (this.#kept ?? this.#answers);
  }

  set answers(value) {
    if (sameJson(value, this.#answers)) return;
    this.#answers = value;
    this.#kept = undefined;
    if (this.#widget) this.#loadAnswers();
    else if (this.#point) {
      // A first screen painted (or being painted) before the WebAssembly shows them at once.
      const point = this.#point;
      painted(point).then(() => prefillIn(point, this.#answers));
    }
  }

  /** Catalog overrides (texts, alternatives, call_to_action); a different value remounts. */
  get catalog() {
    return this.#catalog;
  }

  set catalog(value) {
    if (sameJson(value, this.#catalog)) return;
    this.#catalog = value;
    if (this.#widget) this.#remount();
  }

  /** The assessment of the current answers, or null before the first render. */
  assessment() {
    return this.#widget ? this.#widget.assessment() : null;
  }

  /** Clears all answers. */
  reset() {
    if (this.#widget) this.#widget.reset();
  }

  connectedCallback() {
    if (!this.#point) this.#remount();
  }

  disconnectedCallback() {
    // Moving the element fires disconnect then connect: keep the widget across it.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount(true);
    });
  }

  attributeChangedCallback(name) {
    // Before the widget exists, the mount reads the attributes when it starts and looks again
    // when it is done (#sync).
    if (this.#widget) this.#applyAttribute(name);
  }

  /** An attribute's value to use: a bad one is reported and the default used instead. */
  #attribute(name) {
    const raw = this.getAttribute(name);
    this.#used[name] = raw;
    if (raw === null || raw === "") return DEFAULTS[name];
    try {
      checkAttribute(name, raw);
      return raw;
    } catch (error) {
      if (this.#reported[name] !== raw) this.#report(error);
      this.#reported[name] = raw;
      return DEFAULTS[name];
    }
  }

  #applyAttribute(name) {
    if (this.getAttribute(name) === this.#used[name]) return;
    const value = this.#attribute(name);
    try {
      if (name === "lang") this.#widget.setLang(value);
      else this.#widget.setTheme(value);
    } catch (error) {
      this.#report(error);
    }
  }

  #loadAnswers() {
    this.#used.answers = this.#answers;
    try {
      this.#widget.setAnswers(none(this.#answers) ? null : this.#answers);
    } catch (error) {
      this.#report(error);
    }
  }

  /** After a mount: applies what changed while it was under way. */
  #sync() {
    // Answers first: a remount for a new catalog keeps the widget's answers.
    if (!sameJson(this.#answers, this.#used.answers)) this.#loadAnswers();
    if (!sameJson(this.#catalog, this.#used.catalog)) {
      this.#remount();
      return;
    }
    this.#applyAttribute("lang");
    this.#applyAttribute("theme");
  }

  #report(error) {
    console.error(error);
    this.dispatchEvent(new ErrorEvent("error", { error, message: error && error.message ? error.message : String(error) }));
  }

  #unmount(keepAnswers) {
    this.#run++;
    if (this.#failed) {
      // The questions without a result (no WebAssembly): they go, and their stylesheet with them.
      this.#failed();
      this.#failed = null;
    }
    const widget = this.#widget;
    if (widget) {
      if (keepAnswers) {
        try {
          this.#kept = widget.answers();
        } catch {
          // keep what we had
        }
      }
      this.#widget = null;
      widget.destroy();
      this.#point?.remove();
      this.#newReady();
    } else if (this.#point) {
      // A mount under way: it finds the new run number, destroys what it made and removes
      // its point, and its screen gives the stylesheet back. Hidden meanwhile.
      this.#point.hidden = true;
    }
    this.#point = null;
  }

  async #remount(safe = false) {
    // A new catalog (or a retry) keeps the visitor's answers.
    if (this.#widget && !this.#kept) {
      try {
        this.#kept = this.#widget.answers();
      } catch {
        // keep what we had
      }
    }
    this.#unmount(false);
    const run = this.#run;
    // The first time, a server may have sent the first screen (declarative Shadow DOM:
    // messenger-check/server): its point is taken over as it is.
    let point = [...this.#shadow.children].find((c) => c.classList.contains("mc-host") && !c.hidden);
    if (!point || this.#served) {
      point = document.createElement("div");
      point.className = "mc-host";
      this.#shadow.appendChild(point);
    }
    this.#served = true;
    this.#point = point;
    // The questions at once, in the language the widget will start in, while the WebAssembly
    // loads (the attribute is checked by the WebAssembly later: an unknown one paints the
    // default language).
    const raw = this.getAttribute("lang");
    // (With the answers it will start with ticked. A retry without them follows a started
    // WebAssembly, when nothing is painted.)
    const paint = paintInto(point, LANGUAGES.some((l) => l.code === raw) ? raw : DEFAULTS.lang, this.#kept ?? this.#answers);
    // Without the WebAssembly the painted questions keep their styles; otherwise the paint's
    // hold on the stylesheet ends with this mount (the widget holds its own from then on).
    let keepStyles = false;
    let widget = null;
    let options = null;
    try {
      try {
        await init();
      } catch (error) {
        // No WebAssembly: the questions stay, with a note that says why there is no result.
        if (run === this.#run) {
          keepStyles = true;
          this.#failed = () => {
            point.remove();
            paint.release();
          };
          showFailure(point);
        }
        throw error;
      }
      if (run !== this.#run) return;
      // The values as they are now, not as they were when the mount was asked for.
      options = {
        lang: this.#attribute("lang"),
        theme: this.#attribute("theme"),
        onChange: (assessment) => {
          // On the element only: not bubbling, not composed (see the top of this file).
          this.dispatchEvent(new CustomEvent("change", { detail: assessment }));
        },
      };
      const answers = this.#kept ?? this.#answers;
      this.#used.answers = this.#answers;
      this.#used.catalog = this.#catalog;
      if (!safe && !none(answers)) options.answers = answers;
      if (!safe && !none(this.#catalog)) options.catalog = this.#catalog;
      widget = await mount(point, options);
      if (run !== this.#run || widget.destroyed) return;
      this.#widget = widget;
      this.#kept = undefined;
      widget = null;
      this.#resolve(this.#widget);
      this.#sync();
    } catch (error) {
      if (run !== this.#run) return;
      this.#report(error);
      // A bad answers or catalog value: the visitor still gets a working widget.
      if (!safe && options && (options.answers || options.catalog)) this.#remount(true);
    } finally {
      widget?.destroy();
      if (run !== this.#run) point.remove();
      if (!keepStyles) paint.release();
    }
  }
}

if (globalThis.customElements && !globalThis.customElements.get(TAG)) {
  globalThis.customElements.define(TAG, MessengerCheckElement);
}
