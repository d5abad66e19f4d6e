// Types of the messenger-check API. The data it exchanges (answers with this catalog's ids, the
// assessment and its parts, the filled templates) are generated from the engine's types and
// catalog into contract.d.ts (`assess --schema typescript`) and re-exported here; this file
// declares the functions and their options.

import type { Lang } from "./generated.js";
import type { Answers, Assessment, BlankId, DocumentId, MessengerId, TemplateDocument } from "./contract.js";
export * from "./contract.js";
/** A language of the widget and of the assessment's texts (generated from the wasm). */
export type { Lang } from "./generated.js";
/** The languages, the main one first, with their names in themselves (generated from the wasm). */
export { LANGUAGES, THEME_PROPERTIES } from "./generated.js";

/** Text in one or both languages; one is enough, it stands in for the other. */
export type LangTexts = Partial<Record<Lang, string>>;

/**
 * An embedder's changes to the catalog. A bad override throws an Error naming the field;
 * nothing is half-applied.
 */
export interface CatalogOverrides {
  /**
   * Language to text key to text. Keys: `ui.<key>`, `disclaimer`, `formula`, `section.<id>`,
   * `question.<id>.title|why`, `option.<question>.<option>.label|hint`, `rule.<id>.title|text`,
   * `measure.<id>.title|text`, `messenger.<id>.summary|operator|cost`, `band.<id>.label|advice`.
   */
  texts?: Partial<Record<Lang, Record<string, string>>>;
  alternatives?: {
    /** Exactly these are recommended (in the catalog's order of fit). */
    recommend?: MessengerId[];
    /** These are never recommended. */
    hide?: MessengerId[];
  };
  /** A link such as "Beratung anfragen" to the embedder's contact page. */
  call_to_action?: {
    label: LangTexts;
    /** https://, http://, mailto: or a path starting with / */
    url: string;
  };
  /** The templates (`documents()`, the widget's section): switch some or `"all"` off, or add a
   * note under each template's title (one language is enough; at most 500 characters). */
  templates?: {
    hide?: (DocumentId | "all")[];
    note?: LangTexts;
  };
}

/** The colour scheme: fixed, or `auto`: the host page's `color-scheme` (light if it declares none; the system's with `light dark`). */
export type Scheme = "light" | "dark" | "auto";

/**
 * The theme: a scheme, or CSS values for the documented custom properties (set on the element
 * the widget is mounted on; the host page's CSS may set the same `--mc-*` properties).
 */
export interface Theme {
  scheme?: Scheme;
  /** --mc-accent: buttons, selected options, links. */
  accent?: string;
  /** --mc-text */
  text?: string;
  /** --mc-bg */
  background?: string;
  /** --mc-font: a font-family list (no web fonts are loaded). */
  font?: string;
  /** --mc-radius: corner radius. */
  radius?: string;
  /** --mc-space: the base spacing unit. */
  spacing?: string;
}

export interface MountOptions {
  /** The language to start in; "de" by default. */
  lang?: Lang;
  /** Answers to start with (prefilled). */
  answers?: Answers;
  /** Overrides: texts, recommended or hidden alternatives, a call to action. */
  catalog?: CatalogOverrides;
  /** The theme: "light" | "dark" | "auto", or colours, font, radius, spacing. */
  theme?: Scheme | Theme;
  /** Called after the first render and after every change of answers or language. */
  onChange?: (assessment: Assessment) => void;
  /** Adopt the widget's stylesheet into the element's document or shadow root (default true). */
  styles?: boolean;
  /**
   * Read a share link from `location.hash`, and offer the visitor a link with the answers, which
   * goes into the page's address only once the visitor asks for it (until "forget").
   */
  shareLink?: boolean;
}

/** A mounted widget. */
export declare class Widget {
  private constructor();
  /** The element the widget is mounted on. */
  readonly element: Element;
  /** Whether destroy() was called. */
  readonly destroyed: boolean;
  /** Switches the language. Throws on an unknown language. */
  setLang(lang: Lang): void;
  /** Changes the theme. Throws an Error naming the field on a bad value. */
  setTheme(theme: Scheme | Theme): void;
  /**
   * Replaces the answers without remounting (the visitor's answers and undo history go);
   * answers equal to the current ones change nothing; `null` clears them. Throws an Error
   * naming an unknown question or option.
   */
  setAnswers(answers: Answers | null): void;
  /** The current answers. */
  answers(): Answers;
  /** The assessment of the current answers. */
  assessment(): Assessment;
  /** Clears all answers. */
  reset(): void;
  /** Unmounts the widget and frees its memory; calling it again does nothing. */
  destroy(): void;
}

export interface InitOptions {
  /**
   * Where to get messenger_check_bg.wasm: a URL, a Response, the bytes, or a compiled
   * WebAssembly.Module. By default the file next to the package's index.js.
   */
  wasm?: string | URL | Request | Response | BufferSource | WebAssembly.Module;
}

/** Loads the WebAssembly module now (optional; mount and evaluate load it on first use). */
export declare function init(options?: InitOptions): Promise<void>;

/**
 * Mounts the widget on `element` (in a root of its own appended to it) and resolves once the
 * widget is complete: every part is built, every question in the DOM. Rejects with an Error
 * naming the option and field when an option is bad; the element is then unchanged.
 *
 * Frameworks may call it as they like: a mount() that has not resolved yet is cancelled by a
 * later mount() of the same element (React's StrictMode: effect, cleanup, effect) and then
 * resolves with a destroyed Widget (`widget.destroyed`); only the later one renders. Mounting
 * on an element whose widget was handed out rejects until that widget is destroyed.
 */
export declare function mount(element: Element, options?: MountOptions): Promise<Widget>;

/**
 * The assessment of `answers`, without a widget: in browsers and in Node 20+, the same JSON as
 * the `assess` command line. Rejects with an Error naming an unknown question or option.
 */
export declare function evaluate(answers: Answers, options?: { lang?: Lang }): Promise<Assessment>;

// ---------------------------------------------------------------------------------------
// Templates: documents(). Mirrors engine/src/documents/mod.rs.

/** A template written out (`format: "markdown" | "html"`): the text `assess --document` prints. */
export interface WrittenDocument {
  id: DocumentId;
  lang: Lang;
  title: string;
  format: "markdown" | "html";
  text: string;
}

export interface DocumentsOptions {
  lang?: Lang;
  /** Blank id to text, e.g. `{ company: "Müller GmbH" }`. */
  blanks?: Partial<Record<BlankId, string>>;
  format?: "json" | "markdown" | "html";
}

/**
 * The templates that fit the answers (none while no messenger is chosen; the consent template
 * only when customers are in the audience), in the order policy, consent, record, checklist.
 * A bad option or id rejects with an Error that names it.
 */
export declare function documents(answers: Answers, options?: DocumentsOptions & { format?: "json" }): Promise<TemplateDocument[]>;
export declare function documents(answers: Answers, options: DocumentsOptions & { format: "markdown" | "html" }): Promise<WrittenDocument[]>;
export declare function documents(answers: Answers, options?: DocumentsOptions): Promise<TemplateDocument[] | WrittenDocument[]>;
