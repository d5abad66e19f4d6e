// The bundler way (www/examples/bundler/): esbuild bundles an app that imports
// "messenger-check" and "messenger-check/element" from the installed package; the built page
// runs under the strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, statSync } from "node:fs";
import { join } from "node:path";
import { LIVE_SCORE, REPO, SITE, foreignRequests, newContext, until, useSite, violations } from "./lib.mjs";

const site = useSite();

test("esbuild bundles the package; the bundle mounts, evaluates and registers the element", async () => {
  const example = join(SITE(), "examples", "bundler");
  // esbuild comes from www/'s devDependencies (the tarball is the only thing installed here).
  const esbuild = join(SITE(), "node_modules", "esbuild");
  if (!existsSync(esbuild)) symlinkSync(join(REPO, "www", "node_modules", "esbuild"), esbuild, "dir");
  const out = execFileSync(process.execPath, ["build.mjs"], { cwd: example, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  assert.match(out, /copied .*messenger_check_bg\.wasm/);
  const bundle = join(example, "public", "build", "main.js");
  const wasm = join(example, "public", "build", "messenger_check_bg.wasm");
  assert.ok(statSync(bundle).size > 10_000, "a bundle was written");
  assert.deepEqual(readFileSync(wasm), readFileSync(join(SITE(), "node_modules", "messenger-check", "messenger_check_bg.wasm")));
  // The browser build, not the Node one: no node: imports in the bundle.
  assert.doesNotMatch(readFileSync(bundle, "utf8"), /node:fs/);

  const { context, log } = await newContext(site.browser);
  try {
    const page = await context.newPage();
    await page.goto(site.server.url("/examples/bundler/public/"));
    await page.locator(`#check ${LIVE_SCORE}`).waitFor();
    await until(async () => /^\d+ \(/.test(await page.locator("#worst").textContent()), "evaluate() to fill #worst");
    assert.match(await page.locator("#worst").textContent(), /^\d+ \(Critical\)$/);
    assert.equal(await page.locator("#check .mc").getAttribute("lang"), "en");
    await page.locator('#check input[name="messenger"][value="telegram"]').check();
    await until(
      async () => (await page.locator("#my-score").textContent()) === (await page.locator(`#check ${LIVE_SCORE}`).textContent()),
      "onChange",
    );
    // The element from the same bundle: dark, in its shadow root.
    await until(
      () => page.evaluate((live) => !!document.querySelector("messenger-check").shadowRoot?.querySelector(live), LIVE_SCORE),
      "the element",
    );
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector("messenger-check").shadowRoot.querySelector(".mc")).backgroundColor);
    assert.equal(bg, "rgb(21, 24, 28)");
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreignRequests(log, [site.server.origin]), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
