// Shared helpers of the end-to-end tests: a server for dist/ with the strict CSP header,
// Debian's Chromium through playwright-core, a page that records every console error, CSP
// violation, page error, dialog and request to another origin, and the CLI as the oracle.
import { execFileSync } from "node:child_process";
import { readFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { serve, STRICT_CSP } from "../serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "../..");
export const DIST = join(ROOT, "dist");
export const RESULTS = join(ROOT, "www/test-results");
export const ASSESS = process.env.ASSESS || join(ROOT, "target/release/assess");
const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** The contract's worst case, as engine/tests/common.rs `worst()` answers it. */
export const WORST = {
  sector: "trade",
  audience: ["customers"],
  broadcast: "no",
  messenger: "whatsapp",
  device: "private_phone",
  contact_access: "granted",
  address_book: "mixed",
  first_contact: "business",
  consent: "none",
  content: ["appointments"],
  chat_backup: "off",
  media_autosave: "off",
  usage_policy: "written",
  works_council: "none",
  hosting: "no_preference",
  budget: "small_fee",
};

/** The questions as the catalog defines them (titles in both languages). */
export const QUESTIONS = JSON.parse(readFileSync(join(ROOT, "engine/catalog/questions.json"), "utf8")).questions;

/** What the CLI says for these answers. */
export function cli(answers, lang = "de") {
  const out = execFileSync(ASSESS, ["--lang", lang], { input: JSON.stringify(answers) });
  return JSON.parse(out.toString());
}

/** The share-link fragment for answers, in catalog order (the documented format). */
export function fragment(answers) {
  const parts = ["v=1"];
  for (const q of QUESTIONS) {
    if (answers[q.id] !== undefined) parts.push(`${q.id}=${[].concat(answers[q.id]).join(",")}`);
  }
  return parts.join("&");
}

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts the server (strict CSP) and the browser; returns what the tests need. */
export async function setup() {
  const server = await serve({ root: DIST, port: 0, csp: STRICT_CSP });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ARGS });
  mkdirSync(RESULTS, { recursive: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a page that records trouble: console errors and warnings, page errors, CSP
 * violations, dialogs (an injected `alert`), failed requests and requests to other origins.
 * `page.trouble()` lists them; `page.assertClean()` fails the test on any.
 */
/** The demo page once the WebAssembly has taken over the prerendered questions (which are
 * there from the first byte): `start()` marks the host `data-mc-live`. */
export const LIVE = "#messenger-check[data-mc-live] fieldset:not([hidden]) legend";

export async function open(env, path = "", { width = 1280, height = 900, colorScheme = "light", locale = "de-DE", now } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme, locale });
  const page = await context.newPage();
  // The visitor's date, for what depends on it (the "facts may be out of date" note).
  if (now) await page.clock.setFixedTime(new Date(now));
  const origin = new URL(env.url).origin;
  const trouble = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") trouble.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => trouble.push(`page error: ${e.message}`));
  page.on("dialog", async (d) => {
    trouble.push(`dialog: ${d.type()} ${d.message()}`);
    await d.dismiss();
  });
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:")) trouble.push(`request to another origin: ${u}`);
  });
  page.on("requestfailed", (r) => trouble.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    if (r.status() >= 400) trouble.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.trouble = async () => {
    const csp = await page.evaluate(() => window.__csp || []).catch(() => []);
    return [...trouble, ...csp.map((c) => `CSP violation: ${c}`)];
  };
  page.assertClean = async () => assert.deepEqual(await page.trouble(), [], "no console error, CSP violation, dialog or foreign request");
  page.closeAll = () => context.close();
  await page.goto(env.url + path);
  // The prerendered questions are there at once; wait until the WebAssembly has taken over.
  await page.waitForSelector(LIVE);
  return page;
}

/** The score the page shows (the number in <output id="mc-score">). */
export async function score(page) {
  return Number(await page.textContent("#mc-score"));
}

/** Waits until the score differs from `before` (or up to `ms`), and returns it. */
export async function scoreChange(page, before, ms = 2000) {
  await page.waitForFunction((b) => document.querySelector("#mc-score")?.textContent !== String(b), before, { timeout: ms });
  return score(page);
}

/** Waits for the widget to render after a change (two animation frames). */
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Clicks `target` (a selector or a locator) and returns the download's file name and text.
 * Headless Chromium drops a download that starts within a few hundred milliseconds of the
 * previous one (measured: about one in twelve at no gap, none at 400 ms; the widget's click
 * handler ran every time), so the clicks keep a person's pace: at least 600 ms after the last
 * download began.
 */
let lastDownload = 0;
export async function download(page, target) {
  const wait = lastDownload + 600 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const click = typeof target === "string" ? page.click(target) : target.click();
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 10_000 }), click]);
  lastDownload = Date.now();
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), "utf8") };
}

/** Text without whitespace and hyphens: a PDF breaks lines anywhere, and pdftotext joins a
 * word broken after its hyphen without the hyphen. */
export const flat = (s) => s.replace(/[\s\u00ad-]+/g, "");

/** Answers by clicking, in the order the questions are asked (later ones appear on the way). */
export async function answerByClicking(page, answers) {
  for (const q of QUESTIONS) {
    const want = answers[q.id];
    if (want === undefined) continue;
    const group = page.locator(`fieldset input[name="${q.id}"]`);
    await group.first().waitFor({ timeout: 2000 });
    for (const id of [].concat(want)) {
      await page.locator(`input[name="${q.id}"][value="${id}"]`).check();
    }
    await settle(page);
  }
}

/** The legends of the questions on the page. */
export async function legends(page) {
  return page.$$eval("fieldset:not([hidden]) > legend", (ls) => ls.map((l) => l.textContent.trim()));
}

/** Runs axe-core with the WCAG 2.1 A and AA rules; returns the violations, readable. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    // Injected through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(readFileSync(AXE_PATH, "utf8"));
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  });
  return result;
}
