// Opt-in template types for Vue 3 (vue-tsc, Volar): <messenger-check> in your templates. Use
// once in your app, e.g. in env.d.ts:
//
//   import type {} from "messenger-check/vue";
//
// Tell Vue's compiler that it is a custom element (vite.config: `vue({ template: {
// compilerOptions: { isCustomElement: (tag) => tag === "messenger-check" } } })`). Vue sets
// `answers` and `catalog` as properties, `lang` and `theme` as attributes; `@change` gets a
// CustomEvent whose `detail` is the assessment. Types only; nothing is imported at run time.
import type { AllowedComponentProps, HTMLAttributes, VNodeProps } from "vue";
import type { Answers, Assessment, CatalogOverrides, Lang, Scheme } from "./index.js";
import type { MessengerCheckElement } from "./element.js";

/** The props and events of <messenger-check> in Vue templates. */
export interface MessengerCheckVueProps {
  lang?: Lang;
  theme?: Scheme;
  answers?: Answers | null;
  catalog?: CatalogOverrides | null;
  onChange?: (event: CustomEvent<Assessment>) => void;
  onError?: (event: ErrorEvent) => void;
}

declare module "vue" {
  interface GlobalComponents {
    "messenger-check": new () => MessengerCheckElement & {
      $props: Omit<HTMLAttributes, "lang" | "onChange" | "onError"> & MessengerCheckVueProps & AllowedComponentProps & VNodeProps;
    };
  }
}
