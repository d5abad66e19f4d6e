// Types of the messenger-check API. What crosses the boundary (the options, the theme and the
// overrides; answers with this catalog's ids, the assessment and its parts, the filled
// templates) is generated from the engine's types and catalog into contract.d.ts (`assess
// --schema typescript`) and re-exported here; this file declares the functions and the Widget.

import type {
  Answers,
  Assessment,
  DocumentId,
  DocumentsOptions,
  EvaluateOptions,
  Lang,
  MountOptions,
  Scheme,
  TemplateDocument,
  Theme,
} from "./contract.js";
// Also Lang, LANGUAGES and THEME_PROPERTIES (whose values generated.js takes from the wasm).
export * from "./contract.js";

/**
 * What the API throws (or rejects with) for bad input: an Error whose message starts
 * "messenger-check: " and, when it is about an option, whose `field` names it
 * ("catalog.call_to_action.url", "answers.sector", "theme.accent").
 */
export interface MessengerCheckError extends Error {
  field?: string;
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
  /** The assessment of the current answers (also of answers just given to `setAnswers`, before they are rendered). */
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
export declare function evaluate(answers: Answers, options?: EvaluateOptions): Promise<Assessment>;

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

/**
 * The templates that fit the answers (none while no messenger is chosen; the consent template
 * only when customers are in the audience), in the order policy, consent, record, checklist.
 * A bad option or id rejects with an Error that names it.
 */
export declare function documents(answers: Answers, options?: DocumentsOptions & { format?: "json" }): Promise<TemplateDocument[]>;
export declare function documents(answers: Answers, options: DocumentsOptions & { format: "markdown" | "html" }): Promise<WrittenDocument[]>;
export declare function documents(answers: Answers, options?: DocumentsOptions): Promise<TemplateDocument[] | WrittenDocument[]>;
