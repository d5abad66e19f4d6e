// Types of `import "messenger-check/element"`: the <messenger-check> custom element.
// JSX types: `messenger-check/react` (React 19) and `messenger-check/vue` (Vue's GlobalComponents).
import type { Answers, Assessment, CatalogOverrides, Widget } from "./index.js";

export type { Answers, Assessment, CatalogOverrides, Widget } from "./index.js";

/**
 * <messenger-check lang="de" theme="auto">: the widget in a closed Shadow DOM.
 * Attributes: `lang` ("de" | "en"), `theme` ("light" | "dark" | "auto"), applied whenever they
 * change, also before the widget has rendered.
 * Events: `change` (CustomEvent<Assessment>, on the element only: it does not bubble), `error`
 * (ErrorEvent; `.error` is the Error). The shadow root is closed.
 */
export declare class MessengerCheckElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves with the Widget once the widget has rendered (again after each remount). */
  readonly ready: Promise<Widget>;
  /** The mounted Widget, or null. */
  readonly widget: Widget | null;
  /**
   * Answers to start with, or to load into the running widget (no remount). Assigning answers
   * equal to the last assigned ones changes nothing. Reading gives the current answers.
   */
  answers: Answers | null | undefined;
  /** Catalog overrides; assigning a different value remounts, keeping the visitor's answers. */
  catalog: CatalogOverrides | null | undefined;
  /** The assessment of the current answers, or null before the first render. */
  assessment(): Assessment | null;
  /** Clears all answers. */
  reset(): void;
  addEventListener<K extends keyof MessengerCheckEventMap>(
    type: K,
    listener: (this: MessengerCheckElement, event: MessengerCheckEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof MessengerCheckEventMap>(
    type: K,
    listener: (this: MessengerCheckElement, event: MessengerCheckEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface MessengerCheckEventMap extends HTMLElementEventMap {
  change: CustomEvent<Assessment>;
  error: ErrorEvent;
}

declare global {
  interface HTMLElementTagNameMap {
    "messenger-check": MessengerCheckElement;
  }
}
