// The framework recipes (www/examples/{react,vue,svelte,angular,webpack}): each is a minimal app
// with its own package.json and committed package-lock.json that installs messenger-check from
// the packed tarball (`file:../../messenger-check.tgz`, which scripts/test-embed.sh puts into
// the site). Here each is installed (the lockfile's versions), built with its own script, served
// under the strict CSP and checked in headless Chromium: the widget renders (exactly once),
// answers given as a property are applied and survive the framework's re-renders, a click
// changes the score the app shows, the language switch reaches the widget, and there is no
// console error, CSP violation or request to another origin. React is checked as a
// production build and as a development build (StrictMode runs every effect twice there).
// Also: no build emits the package's stylesheet as a file, webpack and Angular build without
// warnings, and the opt-in JSX types for React and Vue reject a wrong prop.
//
// Timings of install, build and browser run are printed as `# timing {...}` lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useSite } from "./lib.mjs";
import { assertNoStylesheetEmitted, checkApp as check, files, installAndBuild, timing, typeErrors } from "./recipes.mjs";

const site = useSite();
const T = { timeout: 900_000 };
const checkApp = (path, parts) => check(site.browser, site.server.url(path), parts);

test("React 19 (Vite, TypeScript): StrictMode in a development build and a production build", T, async () => {
  const { dir, install, build } = installAndBuild("react", ["build", "build:dev"]);
  assertNoStylesheetEmitted(join(dir, "dist"));
  // The development build really is React's development build (StrictMode runs effects twice).
  const devJs = files(join(dir, "dist-dev"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(f, "utf8"))
    .join("");
  assert.match(devJs, /react-dom\.development|Download the React DevTools/);
  const browser =
    (await checkApp("/examples/react/dist-dev/", ["mount", "element"])) + (await checkApp("/examples/react/dist/", ["mount", "element"]));
  // The JSX types reject what is wrong.
  const wrong = typeErrors(
    dir,
    "wrong.tsx",
    `import "messenger-check/element";
import type {} from "messenger-check/react";
export const a = <messenger-check lang="fr" />;
export const b = <messenger-check answers={{ sector: "bakery" }} />;
export const c = <messenger-check theme="sepia" />;
`,
    ["typescript", "bin", "tsc"],
    {
      compilerOptions: {
        strict: true,
        noEmit: true,
        jsx: "react-jsx",
        module: "esnext",
        moduleResolution: "bundler",
        target: "es2022",
        lib: ["es2022", "dom"],
        types: [],
      },
      files: ["wrong/wrong.tsx"],
    },
  );
  assert.equal(wrong.ok, false, "wrong.tsx must not type-check");
  assert.match(wrong.output, /"fr"/);
  assert.match(wrong.output, /"bakery"/);
  assert.match(wrong.output, /"sepia"/);
  timing("react", { install, build, browser });
});

test("Vue 3 (Vite, vue-tsc): <messenger-check> in a template, isCustomElement, GlobalComponents types", T, async () => {
  const { dir, install, build } = installAndBuild("vue", ["build"]);
  assertNoStylesheetEmitted(join(dir, "dist"));
  const browser = await checkApp("/examples/vue/dist/", ["element"]);
  const wrong = typeErrors(
    dir,
    "Wrong.vue",
    `<script setup lang="ts">
import type {} from "messenger-check/vue";
</script>
<template>
  <messenger-check lang="fr" :answers="{ sector: 'bakery' }" />
</template>
`,
    ["vue-tsc", "bin", "vue-tsc.js"],
    {
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: "esnext",
        moduleResolution: "bundler",
        target: "es2022",
        lib: ["es2022", "dom"],
        types: [],
        jsx: "preserve",
      },
      include: ["wrong/*.vue"],
    },
  );
  assert.equal(wrong.ok, false, "Wrong.vue must not type-check");
  assert.match(wrong.output, /"fr"/);
  timing("vue", { install, build, browser });
});

test("Svelte 5 (Vite): <messenger-check> in a component", T, async () => {
  const { dir, install, build } = installAndBuild("svelte", ["build"]);
  assertNoStylesheetEmitted(join(dir, "dist"));
  const browser = await checkApp("/examples/svelte/dist/", ["element"]);
  timing("svelte", { install, build, browser });
});

test("Angular 20: <messenger-check> with CUSTOM_ELEMENTS_SCHEMA, the .wasm copied by an assets entry", T, async () => {
  const { dir, install, build, outputs } = installAndBuild("angular", ["build"]);
  assert.doesNotMatch(outputs[0], /WARNING|Warning:/, "ng build without warnings");
  assertNoStylesheetEmitted(join(dir, "dist", "browser"));
  const browser = await checkApp("/examples/angular/dist/browser/", ["element"]);
  timing("angular", { install, build, browser });
});

test("webpack 5: mount() and <messenger-check>, the .wasm emitted as an asset, no size warning", T, async () => {
  const { dir, install, build, outputs } = installAndBuild("webpack", ["build"]);
  assert.doesNotMatch(outputs[0], /WARNING|exceed the recommended size/, "webpack builds without warnings");
  assertNoStylesheetEmitted(join(dir, "dist"));
  const browser = await checkApp("/examples/webpack/", ["mount", "element"]);
  timing("webpack", { install, build, browser });
});
