// webpack 5 copies messenger_check_bg.wasm into dist/ by itself (the package refers to it with
// `new URL("./messenger_check_bg.wasm", import.meta.url)`, an asset module).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export default {
  mode: "production",
  entry: "./src/main.js",
  output: { path: join(here, "dist"), filename: "main.js", clean: true },
  performance: {
    // webpack warns about every asset over 244 KiB, and the widget's .wasm is ~850 KB (~320 KB
    // gzip). It is not JavaScript the page must parse before it runs: the browser compiles it
    // while it streams in, once, and caches it. So the size hints stay on for the JavaScript
    // and leave the .wasm out (rather than raising the limit for everything).
    assetFilter: (file) => !file.endsWith(".wasm"),
  },
};
