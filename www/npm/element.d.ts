// Types of `import "messenger-check/element"`: the <messenger-check> custom element.
import type { Answers, Assessment, CatalogOverrides, Widget } from "./index.js";

export type { Answers, Assessment, CatalogOverrides, Widget } from "./index.js";

/**
 * <messenger-check lang="de" theme="auto">: the widget in an open Shadow DOM.
 * Attributes: `lang` ("de" | "en"), `theme` ("light" | "dark" | "auto").
 * Events: `change` (CustomEvent<Assessment>), `error` (ErrorEvent; `.error` is the Error).
 */
export declare class MessengerCheckElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves with the Widget once the widget has rendered. */
  readonly ready: Promise<Widget>;
  /** The mounted Widget, or null. */
  readonly widget: Widget | null;
  /** Answers to start with; setting them remounts. Reading gives the current answers. */
  answers: Answers | undefined;
  /** Catalog overrides; setting them remounts. */
  catalog: CatalogOverrides | undefined;
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
