// messenger-check for Node 20+ (selected by the "node" condition of package.json "exports").
// `evaluate` and `documents` work as in the browser; `mount` needs a DOM and says so.
import { readFile } from "node:fs/promises";
import load from "./messenger_check.js";
import { createApi } from "./core.js";

let ready = null;

function loadWasm(options) {
  if (!ready) {
    const source = options.wasm !== undefined ? Promise.resolve(options.wasm) : readFile(new URL("./messenger_check_bg.wasm", import.meta.url));
    ready = source
      .then((bytes) => load({ module_or_path: bytes }))
      .catch((e) => {
        ready = null;
        throw new Error(`messenger-check: could not load the WebAssembly module (${e && e.message ? e.message : e})`);
      });
  }
  return ready;
}

const api = createApi(loadWasm);

export const init = api.init;
export const mount = api.mount;
export const evaluate = api.evaluate;
export const documents = api.documents;
export { Widget, LANGUAGES, THEME_PROPERTIES } from "./core.js";
