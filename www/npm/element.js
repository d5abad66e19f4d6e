// `import "messenger-check/element"` registers <messenger-check>: the widget in an open
// Shadow DOM with its stylesheet inside, so the host page's CSS cannot break it and its CSS
// cannot leak out. CSS custom properties (--mc-*) and the host's color-scheme still inherit in.
//
//   <messenger-check lang="de" theme="auto"></messenger-check>
//
// Attributes: lang ("de" | "en"), theme ("light" | "dark" | "auto"). Properties: answers,
// catalog (overrides), widget, ready. Methods: assessment(), reset(). Events: "change"
// (CustomEvent, detail: the assessment), "error" (ErrorEvent, e.g. a bad catalog override).
import { mount } from "./index.js";

const TAG = "messenger-check";
const HTMLElementBase = globalThis.HTMLElement || class {};

export class MessengerCheckElement extends HTMLElementBase {
  static observedAttributes = ["lang", "theme"];

  #root = null;
  #point = null;
  #widget = null;
  #answers = undefined;
  #catalog = undefined;
  #run = 0;
  #ready = null;
  #resolve = null;

  constructor() {
    super();
    this.#root = this.shadowRoot || this.attachShadow({ mode: "open" });
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

  /** Answers to start with; setting them remounts the widget. Reading gives the current ones. */
  get answers() {
    return this.#widget ? this.#widget.answers() : this.#answers;
  }

  set answers(value) {
    this.#answers = value;
    if (this.isConnected) this.#remount();
  }

  /** Catalog overrides (texts, alternatives, call_to_action); setting them remounts. */
  get catalog() {
    return this.#catalog;
  }

  set catalog(value) {
    this.#catalog = value;
    if (this.isConnected) this.#remount();
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
    if (!this.#widget && !this.#point) this.#remount();
  }

  disconnectedCallback() {
    // Moving the element fires disconnect then connect: keep the answers across it.
    queueMicrotask(() => {
      if (!this.isConnected) this.#unmount(true);
    });
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value || !this.#widget) return;
    try {
      if (name === "lang") this.#widget.setLang(this.#lang());
      if (name === "theme") this.#widget.setTheme(this.#scheme());
    } catch (error) {
      this.#report(error);
    }
  }

  // A bad attribute is reported (console and an "error" event) and the default used, so the
  // visitor still gets a working widget.
  #lang() {
    const value = this.getAttribute("lang") || "de";
    if (value === "de" || value === "en") return value;
    this.#report(new Error(`messenger-check: attribute \`lang\`: unknown language \`${value}\` (use de or en)`));
    return "de";
  }

  #scheme() {
    const value = this.getAttribute("theme") || "auto";
    if (value === "light" || value === "dark" || value === "auto") return value;
    this.#report(new Error(`messenger-check: attribute \`theme\`: unknown scheme \`${value}\` (use light, dark or auto)`));
    return "auto";
  }

  #report(error) {
    console.error(error);
    this.dispatchEvent(new ErrorEvent("error", { error, message: error && error.message ? error.message : String(error) }));
  }

  #unmount(keepAnswers) {
    this.#run++;
    if (this.#widget) {
      if (keepAnswers) {
        try {
          this.#answers = this.#widget.answers();
        } catch {
          // keep what we had
        }
      }
      this.#widget.destroy();
      this.#widget = null;
      this.#newReady();
    }
    if (this.#point) {
      this.#point.remove();
      this.#point = null;
    }
  }

  async #remount() {
    this.#unmount(false);
    const run = this.#run;
    const point = document.createElement("div");
    point.className = "mc-host";
    this.#root.appendChild(point);
    this.#point = point;
    const options = {
      lang: this.#lang(),
      theme: this.#scheme(),
      onChange: (assessment) => {
        this.dispatchEvent(new CustomEvent("change", { detail: assessment, bubbles: true, composed: true }));
      },
    };
    if (this.#answers !== undefined && this.#answers !== null) options.answers = this.#answers;
    if (this.#catalog !== undefined && this.#catalog !== null) options.catalog = this.#catalog;
    try {
      const widget = await mount(point, options);
      if (run !== this.#run) {
        widget.destroy();
        return;
      }
      this.#widget = widget;
      this.#resolve(widget);
    } catch (error) {
      if (run === this.#run) this.#report(error);
    }
  }
}

if (globalThis.customElements && !globalThis.customElements.get(TAG)) {
  globalThis.customElements.define(TAG, MessengerCheckElement);
}
