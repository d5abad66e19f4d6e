// The stylesheets as shipped, from www/css/ (issue 10), in cascade order and without comments
// (the sources keep them; the public custom properties are documented in README.md):
//   node scripts/css.mjs page      dist/style.css: index.html and embed.html (scripts/build.sh)
//   node scripts/css.mjs package   the npm package's style.css and styles.js (scripts/package.sh)
//   node scripts/css.mjs embed     the npm package's embed.css (its embed.html: the page around the widget)
// Also importable (www/e2e/css.test.mjs compares dist/ with it).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CSS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../www/css");

/** Which files, in cascade order: the reset (the host's CSS stays out), the palette and
 * scheme, the widget, the pages around it (not in the package), the printed report. */
export const BUNDLES = {
  page: ["reset.css", "tokens.css", "widget.css", "page.css", "print.css"],
  package: ["reset.css", "tokens.css", "widget.css", "print.css"],
  // The npm package's embed.html: the page around the widget, next to the package's style.css.
  embed: ["page.css"],
};

/** The CSS of a bundle: the files joined, comments and blank-line runs removed. */
export function bundle(name) {
  const files = BUNDLES[name];
  if (!files) throw new Error(`css.mjs: unknown bundle \`${name}\` (use ${Object.keys(BUNDLES).join(" or ")})`);
  return files
    .map((file) => readFileSync(join(CSS_DIR, file), "utf8"))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(bundle(process.argv[2]));
}
