// messenger-check for browsers and bundlers. The .wasm file sits next to this file; bundlers
// that understand `new URL("…", import.meta.url)` (Vite, webpack 5, Parcel, Rollup with a
// plugin) copy it for you; with esbuild copy it next to your bundle, or call
// `init({ wasm: url })` first. Node 20+ gets node.js instead (package.json "exports").
import load from "./messenger_check.js";
import { createApi } from "./core.js";

let ready = null;

function loadWasm(options) {
  if (!ready) {
    const source = options.wasm !== undefined ? options.wasm : new URL("./messenger_check_bg.wasm", import.meta.url);
    ready = load({ module_or_path: source }).catch((e) => {
      ready = null;
      throw new Error(
        `messenger-check: could not load the WebAssembly module (${e && e.message ? e.message : e}). ` +
          "Is messenger_check_bg.wasm served next to the script, with Content-Type application/wasm, " +
          "and does the Content-Security-Policy allow 'wasm-unsafe-eval'?",
      );
    });
  }
  return ready;
}

const api = createApi(loadWasm);

/** Loads the WebAssembly module now (optional: mount and evaluate load it on first use). */
export const init = api.init;
/** Mounts the widget on an element. */
export const mount = api.mount;
/** The assessment of answers, without a widget. */
export const evaluate = api.evaluate;
/** The templates that fit the answers (usage rules, consent and privacy information, the record
 * entry, the setup checklist), structured or as Markdown or HTML: the CLI's `assess --document`. */
export const documents = api.documents;
export { Widget, LANGUAGES, THEME_PROPERTIES } from "./core.js";
