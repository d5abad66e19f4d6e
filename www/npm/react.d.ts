// Opt-in JSX types for React 19: <messenger-check> in .tsx files. Use once in your app:
//
//   import type {} from "messenger-check/react";
//
// React 19 sets `answers` and `catalog` as properties (objects) and `lang`, `theme` as
// attributes. Listen to `change` with a ref (`el.addEventListener("change", …)`): the event's
// `detail` is the assessment. Needs @types/react 19 (types only; nothing is imported at run time).
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { Answers, CatalogOverrides, Lang, Scheme } from "./index.js";
import type { MessengerCheckElement } from "./element.js";

/** The props of <messenger-check> in React's JSX. */
export interface MessengerCheckProps
  extends Omit<DetailedHTMLProps<HTMLAttributes<MessengerCheckElement>, MessengerCheckElement>, "lang"> {
  /** "de" (default) or "en". */
  lang?: Lang;
  /** "light", "dark" or "auto" (default: the page's color-scheme). */
  theme?: Scheme;
  /** Answers to start with, or to load; equal values change nothing. */
  answers?: Answers | null;
  /** Catalog overrides: texts, alternatives, call to action. */
  catalog?: CatalogOverrides | null;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "messenger-check": MessengerCheckProps;
    }
  }
}
