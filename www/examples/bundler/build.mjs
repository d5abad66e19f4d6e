// Bundles src/main.js with esbuild into public/build/, and copies the package's .wasm next to
// the bundle: the package finds it with `new URL("./messenger_check_bg.wasm", import.meta.url)`,
// which esbuild leaves as it is (Vite and webpack 5 copy the file themselves).
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "public", "build");
await mkdir(out, { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  outfile: join(out, "main.js"),
  logLevel: "info",
});

// The package's own path (its "exports" lists the .wasm file).
const require = createRequire(join(here, "package.json"));
const wasm = require.resolve("messenger-check/messenger_check_bg.wasm");
await copyFile(wasm, join(out, "messenger_check_bg.wasm"));
console.log(`copied ${wasm} -> public/build/`);
