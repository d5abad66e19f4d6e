// Property tests of <messenger-check> (issue 12): fast-check draws random sequences of what a
// framework does to an element — connect, disconnect, move, set or remove the `lang` and
// `theme` attributes, assign `answers` and `catalog` (often equal to the last value), with
// random pauses (none, a microtask, a task, a frame, a while) — and runs each in headless
// Chromium on an empty page under the strict CSP. Afterwards, once the element has settled:
// exactly one widget when connected (none when not), in the last language and theme set,
// with the last answers and catalog assigned, its stylesheet only in its own shadow root
// (none when disconnected, never in the document), and no console error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { SITE, newContext, useSite, violations } from "./lib.mjs";

const site = useSite();
const RUNS = Number(process.env.MC_PROPERTY_RUNS || 40);

/** Answers a framework might assign (in catalog order, so the widget gives them back as they are). */
const ANSWERS = [
  null,
  {},
  { sector: "trade" },
  { sector: "health", audience: ["customers", "internal"] },
  { messenger: "whatsapp", device: "private_phone" },
];
/** Catalog overrides: none, or another title. */
const CATALOGS = [
  null,
  { texts: { de: { "ui.title": "Titel A" }, en: { "ui.title": "Title A" } } },
  { texts: { de: { "ui.title": "Titel B" }, en: { "ui.title": "Title B" } } },
];

test(`random sequences of connect, disconnect, attribute and property changes (${RUNS} runs)`, { timeout: 900_000 }, async () => {
  // The languages as the package itself lists them (generated from the wasm).
  const { LANGUAGES } = await import(pathToFileURL(join(SITE(), "node_modules", "messenger-check", "generated.js")).href);
  const codes = LANGUAGES.map((l) => l.code);
  const dir = join(SITE(), "element-properties");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>properties</title>\n<script type="module" src="/node_modules/messenger-check/element.js"></script></head><body><main></main></body></html>\n',
  );

  const { context, log } = await newContext(site.browser);
  const page = await context.newPage();
  await page.goto(site.server.url("/element-properties/"));
  await page.waitForFunction(() => !!customElements.get("messenger-check"));

  const op = fc.oneof(
    { arbitrary: fc.constant({ op: "connect" }), weight: 3 },
    { arbitrary: fc.constant({ op: "disconnect" }), weight: 2 },
    { arbitrary: fc.constant({ op: "move" }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant("lang"), value: fc.constantFrom(...codes, null) }), weight: 3 },
    { arbitrary: fc.record({ op: fc.constant("theme"), value: fc.constantFrom("light", "dark", "auto", null) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant("answers"), value: fc.nat(ANSWERS.length - 1) }), weight: 3 },
    { arbitrary: fc.record({ op: fc.constant("catalog"), value: fc.nat(CATALOGS.length - 1) }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant("wait"), value: fc.constantFrom("microtask", "task", "frame", "later") }), weight: 4 },
  );

  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      runs++;
      const errorsBefore = log.console.length + log.pageErrors.length;
      const result = await page.evaluate(
        async ([ops, ANSWERS, CATALOGS, defaultLang]) => {
          const main = document.querySelector("main");
          const el = document.createElement("messenger-check");
          const want = { lang: null, theme: null, answers: null, catalog: null };
          const pause = {
            microtask: () => Promise.resolve(),
            task: () => new Promise((ok) => setTimeout(ok, 0)),
            frame: () => new Promise((ok) => requestAnimationFrame(() => ok())),
            later: () => new Promise((ok) => setTimeout(ok, 40)),
          };
          for (const { op, value } of ops) {
            if (op === "connect" && !el.isConnected) main.append(el);
            if (op === "disconnect") el.remove();
            if (op === "move" && el.isConnected) {
              el.remove();
              main.append(el);
            }
            if (op === "lang" || op === "theme") {
              if (value === null) el.removeAttribute(op);
              else el.setAttribute(op, value);
              want[op] = value;
            }
            // A copy: equal, never the same object (as a framework's inline value).
            if (op === "answers") el.answers = want.answers = structuredClone(ANSWERS[value]);
            if (op === "catalog") el.catalog = want.catalog = structuredClone(CATALOGS[value]);
            if (op === "wait") await pause[value]();
          }
          const root = el.shadowRoot;
          const state = () => ({
            connected: el.isConnected,
            widgets: root.querySelectorAll(".mc").length,
            points: root.querySelectorAll(".mc-host").length,
            hidden: root.querySelectorAll(".mc-host[hidden]").length,
            sheets: root.adoptedStyleSheets.length,
            documentSheets: document.adoptedStyleSheets.length,
            lang: root.querySelector(".mc")?.lang ?? null,
            scheme: root.querySelector(".mc-root")?.getAttribute("data-mc-scheme") ?? null,
            title: root.querySelector(".mc-title")?.textContent ?? null,
            answers: el.widget ? JSON.stringify(el.widget.answers()) : null,
          });
          // Settled: the same state for 300 ms (at most 10 s).
          let last = "";
          let same = 0;
          for (let i = 0; i < 500 && same < 15; i++) {
            await new Promise((ok) => setTimeout(ok, 20));
            const now = JSON.stringify(state());
            same = now === last ? same + 1 : 0;
            last = now;
          }
          const out = { ...state(), want, defaultLang };
          el.remove();
          return out;
        },
        [ops, ANSWERS, CATALOGS, codes[0]],
      );

      const lang = result.want.lang ?? result.defaultLang;
      const label = JSON.stringify(ops);
      assert.equal(result.documentSheets, 0, `no stylesheet in the document: ${label}`);
      if (!result.connected) {
        assert.deepEqual(
          { widgets: result.widgets, points: result.points, sheets: result.sheets },
          { widgets: 0, points: 0, sheets: 0 },
          `disconnected: no widget and no stylesheet left: ${label}`,
        );
      } else {
        assert.deepEqual(
          { widgets: result.widgets, points: result.points, hidden: result.hidden, sheets: result.sheets },
          { widgets: 1, points: 1, hidden: 0, sheets: 1 },
          `connected: exactly one widget and one stylesheet: ${label}`,
        );
        assert.equal(result.lang, lang, `the last language set: ${label}`);
        assert.equal(result.scheme, result.want.theme ?? "auto", `the last theme set: ${label}`);
        const title = result.want.catalog?.texts?.[lang]?.["ui.title"];
        if (title) assert.equal(result.title, title, `the last catalog assigned: ${label}`);
        else assert.doesNotMatch(result.title, /Tit(el|le) [AB]/, `no catalog override: ${label}`);
        assert.deepEqual(JSON.parse(result.answers), result.want.answers ?? {}, `the last answers assigned: ${label}`);
      }
      assert.equal(
        log.console.length + log.pageErrors.length,
        errorsBefore,
        `no console error: ${label}: ${log.console.slice(errorsBefore).join("; ")}`,
      );
    }),
    { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
  );
  assert.equal(runs >= RUNS, true);
  assert.deepEqual(await violations(page), []);
  await context.close();
});
