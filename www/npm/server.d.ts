import type { Lang, Scheme } from "./contract.js";

/** The first screen for `mount()`: HTML to put inside the element you mount on (same `lang`). */
export declare function mountHTML(options?: { lang?: Lang }): Promise<string>;

/**
 * `<messenger-check>` with its first screen in a declarative Shadow DOM, for a server to send.
 * `stylesheet`: the address of the package's `style.css` as your site serves it.
 */
export declare function elementHTML(options?: {
  lang?: Lang;
  theme?: Scheme;
  stylesheet?: string;
}): Promise<string>;
