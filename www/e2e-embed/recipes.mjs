// Shared by the framework recipes' tests (frameworks.test.mjs, ssr.test.mjs): install and build a
// recipe from the packed tarball with its committed lockfile, and check the app in the browser.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { SITE, foreignRequests, newContext, until, violations } from "./lib.mjs";

/** Runs a command in `cwd`; fails the test with its output when it fails. Returns output and seconds. */
export function run(cwd, command, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NG_CLI_ANALYTICS: "false", NO_COLOR: "1", FORCE_COLOR: "0", CI: "1", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${r.stdout}${r.stderr}`;
  assert.equal(r.status, 0, `${command} ${args.join(" ")} in ${cwd} failed:\n${output}`);
  return { output, seconds: (Date.now() - started) / 1000 };
}

/**
 * The committed lockfile names the tarball with the integrity it had when the lockfile was
 * written; the tarball is built anew for every test run. Without this, npm would take the old
 * tarball from its cache (by integrity) or refuse the new one.
 */
export function useFreshTarball(dir) {
  const file = join(dir, "package-lock.json");
  const lock = JSON.parse(readFileSync(file, "utf8"));
  const entry = lock.packages["node_modules/messenger-check"];
  assert.ok(entry && entry.resolved === "file:../../messenger-check.tgz", "the lockfile installs the tarball");
  const installed = JSON.parse(readFileSync(join(SITE(), "node_modules", "messenger-check", "package.json"), "utf8"));
  delete entry.integrity;
  entry.version = installed.version;
  writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
}

/** Every file under `dir`. */
export function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

/**
 * Installs and builds an example; returns timings and the builds' output. `npm install` with
 * the committed lockfile, not `npm ci`: the lockfiles were written against a registry mirror
 * that lacks some other platforms' optional binaries (rollup's, msgpackr-extract's), and
 * `npm ci` refuses a lockfile without them. `npm install` keeps every version the lockfile
 * pins (checked below) and only adds or skips those optional entries.
 */
export function installAndBuild(name, scripts) {
  const dir = join(SITE(), "examples", name);
  useFreshTarball(dir);
  const locked = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")).packages;
  const install = run(dir, "npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"]);
  for (const [path, entry] of Object.entries(locked)) {
    if (!path.startsWith("node_modules/") || entry.optional || entry.extraneous || path.includes("/node_modules/", 13)) continue;
    const installed = JSON.parse(readFileSync(join(dir, path, "package.json"), "utf8")).version;
    assert.equal(installed, entry.version, `${name}: ${path} as the lockfile pins it`);
  }
  const builds = scripts.map((script) => run(dir, "npm", ["run", "--silent", script]));
  return { dir, install: install.seconds, build: builds.reduce((s, b) => s + b.seconds, 0), outputs: builds.map((b) => b.output) };
}

/** No file of a build is the package's stylesheet (bundlers once emitted it, unused). */
export function assertNoStylesheetEmitted(outDir) {
  const css = readFileSync(join(SITE(), "node_modules", "messenger-check", "style.css"), "utf8");
  const emitted = files(outDir);
  assert.ok(
    emitted.some((f) => f.endsWith(".wasm")),
    `${outDir}: the .wasm is in the build`,
  );
  for (const f of emitted) {
    assert.notEqual(readFileSync(f, "utf8"), css, `${relative(SITE(), f)} is the package's unused style.css`);
  }
}

/** The shadow root's or host's widget, as seen from the page. */
export function widgetState(page, where) {
  return page.evaluate((where) => {
    const root = where === "element" ? document.querySelector("messenger-check")?.shadowRoot : document.querySelector(".messenger-check");
    if (!root) return null;
    const checked = (q, v) => !!root.querySelector(`input[name="${q}"][value="${v}"]`)?.checked;
    return {
      widgets: root.querySelectorAll(".mc").length,
      score: root.querySelector("output.mc-score")?.textContent ?? null,
      lang: root.querySelector(".mc")?.lang ?? null,
      trade: checked("sector", "trade"),
      whatsapp: checked("messenger", "whatsapp"),
      granted: checked("contact_access", "granted"),
    };
  }, where);
}

/**
 * The checks every recipe passes. `parts`: which widgets the page has: "element" (with
 * answers { sector: "trade" } and an <output id="score-element">), "mount" (in .messenger-check,
 * with <output id="score-mount">).
 */
export async function checkApp(browser, url, parts) {
  const path = url;
  const origin = new URL(url).origin;
  const started = Date.now();
  const { context, log } = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    for (const part of parts) {
      await until(async () => (await widgetState(page, part))?.score, `${path}: the ${part} widget`, 20000);
      const state = await widgetState(page, part);
      assert.equal(state.widgets, 1, `${path}: exactly one ${part} widget`);
      assert.equal(state.lang, "de", `${path}: ${part} starts in German`);
    }
    if (parts.includes("element")) {
      const prefix = "messenger-check ";
      await until(async () => (await widgetState(page, "element")).trade, `${path}: answers given as a property`);
      await page.locator(`${prefix}input[name="messenger"][value="whatsapp"]`).check();
      await page.locator(`${prefix}input[name="contact_access"][value="granted"]`).check();
      const score = await until(async () => {
        const s = await widgetState(page, "element");
        const shown = await page.locator("#score-element").textContent();
        return s.granted && s.score !== "0" && shown === s.score && s.score;
      }, `${path}: the element's change event to reach the app`);
      assert.ok(Number(score) > 0);
      // The app re-rendered with the new score (and, in React, a new `answers` object): the
      // visitor's answers are still there.
      await page.waitForTimeout(300);
      const after = await widgetState(page, "element");
      assert.deepEqual(
        { widgets: after.widgets, trade: after.trade, whatsapp: after.whatsapp, granted: after.granted, score: after.score },
        { widgets: 1, trade: true, whatsapp: true, granted: true, score },
        `${path}: re-renders keep the visitor's answers`,
      );
    }
    if (parts.includes("mount")) {
      await page.locator('.messenger-check input[name="messenger"][value="whatsapp"]').check();
      const score = await until(async () => {
        const s = await widgetState(page, "mount");
        return s.score !== "0" && (await page.locator("#score-mount").textContent()) === s.score && s.score;
      }, `${path}: onChange to reach the app`);
      assert.ok(Number(score) > 0);
    }
    await page.locator("#switch-lang").click();
    for (const part of parts) {
      await until(async () => (await widgetState(page, part)).lang === "en", `${path}: ${part} in English`);
      const state = await widgetState(page, part);
      assert.equal(state.widgets, 1);
      assert.equal(state.whatsapp, true, `${path}: ${part} keeps its answers across the language switch`);
    }
    // The page's stylesheet count: one adopted sheet for a mount() widget, none for the element.
    const sheets = await page.evaluate(() => document.adoptedStyleSheets.length);
    assert.equal(sheets, parts.includes("mount") ? 1 : 0, `${path}: document.adoptedStyleSheets`);
    assert.deepEqual(await violations(page), [], `${path}: CSP violations`);
    assert.deepEqual(log.pageErrors, [], `${path}: page errors`);
    assert.deepEqual(log.console, [], `${path}: console errors and warnings`);
    assert.deepEqual(foreignRequests(log, [origin]), [], `${path}: requests to other origins`);
  } finally {
    await context.close();
  }
  return (Date.now() - started) / 1000;
}

/** Type-checks `source` (a file in the example) with the example's own compiler; returns its output. */
export function typeErrors(dir, file, source, compiler, config) {
  mkdirSync(join(dir, "wrong"), { recursive: true });
  writeFileSync(join(dir, "wrong", file), source);
  writeFileSync(join(dir, "tsconfig.wrong.json"), JSON.stringify(config));
  const r = spawnSync(process.execPath, [join(dir, "node_modules", ...compiler), "-p", "tsconfig.wrong.json"], { cwd: dir, encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export function timing(name, t) {
  console.log(`# timing ${JSON.stringify({ example: name, ...t })}`);
}
