// The widget's reader of an embedder's overrides as JavaScript gives them (the `catalog` option
// of mount(), src/bindings/options.rs `read_overrides`, a reader of its own beside the engine's
// JSON one that engine/tests/fuzz.rs fuzzes), fuzzed with fast-check in headless Chromium
// (issue 21): catalogs built from the real field names, ids and text keys, mixed with junk and
// with what a careless or hostile caller can pass (sparse and huge arrays, throwing getters and
// proxies, revoked proxies, symbols, BigInts, a million characters, escape codes, `__proto__`).
//
// What must hold for every input: a result or an `Error` ("messenger-check: …", short, no
// control character), never a trap (`RuntimeError`) and no panic; at once (the reader's
// bound is 100 ms, see privacy.test.mjs; here 250 ms over many calls on a shared machine); the
// page's other widget keeps working. An accepted catalog also mounts for real (the first few).
//
// Budget: MC_FUZZ_RUNS inputs (default 2,000 in `make test`; `make fuzz` runs 50,000). Prints the
// inputs tried, the panics (0, or the test fails with the smallest input fast-check finds) and
// the slowest call.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO, SITE, launch, newContext, serve, violations } from "./lib.mjs";

const fc = createRequire(import.meta.url)("fast-check");
const PKG = "/node_modules/messenger-check/index.js";
const RUNS = Number(process.env.MC_FUZZ_RUNS || 2000);

const catalog = (f) => JSON.parse(readFileSync(join(REPO, "engine/catalog", f), "utf8"));
const MESSENGERS = catalog("messengers.json").map((m) => m.id);
const QUESTIONS = catalog("questions.json").questions;
const TEXT_KEYS = [
  ...Object.keys(catalog("ui.json"))
    .slice(0, 40)
    .map((k) => `ui.${k}`),
  ...QUESTIONS.flatMap((q) => [`question.${q.id}.title`, ...q.options.slice(0, 2).map((o) => `option.${q.id}.${o.id}.label`)]),
  ...MESSENGERS.map((m) => `messenger.${m}.cost`),
];
const TEMPLATES = ["policy", "consent", "record", "checklist"];

let browser;
let site;
before(async () => {
  const blank = join(SITE(), "overrides-fuzz");
  mkdirSync(blank, { recursive: true });
  writeFileSync(
    join(blank, "index.html"),
    '<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>overrides</title></head><body></body></html>\n',
  );
  site = await serve({ root: SITE() });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

// Hostile values are made in the page (they cannot be sent to it): fast-check draws a marker.
const special = fc
  .constantFrom(
    "huge",
    "sparse",
    "lying",
    "proxyThrows",
    "arrayThrows",
    "revoked",
    "getter",
    "bigint",
    "symbol",
    "fn",
    "date",
    "typed",
    "longString",
    "escapes",
    "proto",
    "many",
  )
  .map((k) => ({ __hostile: k }));
const junkValue = fc.oneof({ arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 }, { arbitrary: special, weight: 2 });

/**
 * Overrides built from the real field names, ids and text keys. With `junk`, any value may
 * (rarely) be junk or hostile and a record may have an unknown field; without, only the
 * contents vary (ids, strings, addresses), so that a good part of them is accepted and the
 * reader's whole way through (and the engine's checks after it) is tried too.
 */
function overridesOf(junk) {
  /** `arb`, or now and then junk. */
  const or = (arb, weight = 20) => (junk ? fc.oneof({ arbitrary: arb, weight }, { arbitrary: junkValue, weight: 1 }) : arb);
  /** `arb` in about one draw of ten (with junk), else null. */
  const sometimes = (arb) => (junk ? fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: arb, weight: 1 }) : fc.constant(null));
  const lang = fc.oneof(
    { arbitrary: fc.constantFrom("de", "en"), weight: 20 },
    { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
    { arbitrary: fc.constant("__proto__"), weight: 1 },
  );
  const text = or(
    fc.oneof({ arbitrary: fc.string({ maxLength: 60 }), weight: 4 }, { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 1 }),
    60,
  );
  const byLang = or(fc.dictionary(lang, text, { maxKeys: 3 }));
  const key = fc.oneof({ arbitrary: fc.constantFrom(...TEXT_KEYS), weight: 20 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 });
  const ids = (known) =>
    or(
      fc.array(or(fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 30 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 }), 60), {
        maxLength: 8,
      }),
    );
  const url = or(
    fc.oneof(
      {
        arbitrary: fc.constantFrom(
          "/kontakt",
          "https://example.org/kontakt",
          "//evil.example",
          "/\\evil.example",
          "/\t/evil.example",
          "javascript:alert(1)",
          "mailto:a@b.example",
          "data:text/html,x",
          "",
        ),
        weight: 3,
      },
      { arbitrary: fc.webUrl(), weight: 1 },
      { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
    ),
  );
  /** A record of the known fields (those in `required` nearly always there), with an unknown one now and then. */
  const rec = (fields, required = []) =>
    fc
      .tuple(fc.record(fields, { requiredKeys: junk ? [] : required }), sometimes(junkValue))
      .map(([r, other]) => (other === null ? r : { ...r, other }));
  const field = (name, value) =>
    fc.option(
      or(value).map((v) => [name, v]),
      { nil: null },
    );
  return fc
    .tuple(
      field("texts", fc.dictionary(lang, or(fc.dictionary(key, text, { maxKeys: 6 })), { maxKeys: 3 })),
      field("alternatives", rec({ recommend: ids(MESSENGERS), hide: ids(MESSENGERS) })),
      field("call_to_action", rec({ label: byLang, url }, ["label", "url"])),
      field("templates", rec({ hide: ids(TEMPLATES), note: byLang })),
      sometimes(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor")), junkValue)),
    )
    .map((entries) => Object.fromEntries(entries.filter(Boolean)));
}
const overrides = fc.oneof(
  { arbitrary: overridesOf(false), weight: 3 },
  { arbitrary: overridesOf(true), weight: 6 },
  { arbitrary: junkValue, weight: 1 },
);

test("the JavaScript overrides reader survives random and hostile catalogs (fast-check): a result or an Error, never a trap, each at once", {
  timeout: 900_000,
}, async () => {
  const { context, log } = await newContext(browser);
  const page = await context.newPage();
  try {
    await page.goto(site.url("/overrides-fuzz/"));
    await page.evaluate(async (pkg) => {
      window.__pkg = await import(pkg);
      const host = document.createElement("div");
      host.id = "bystander";
      document.body.append(host);
      window.__bystander = await window.__pkg.mount(host, { answers: { sector: "trade" } });
      const hostile = {
        huge: () => {
          const a = [];
          a.length = 2 ** 32 - 1;
          return a;
        },
        sparse: () => {
          const a = [];
          a.length = 1e8;
          a[12345] = "threema_work";
          return a;
        },
        lying: () => new Proxy([], { get: (_t, k) => (k === "length" ? 1e9 : undefined) }),
        proxyThrows: () =>
          new Proxy(
            {},
            {
              ownKeys() {
                throw new Error("ownKeys");
              },
              get() {
                throw new Error("get");
              },
            },
          ),
        arrayThrows: () =>
          new Proxy(["wire"], {
            get(_t, k) {
              if (k === "length") return 1;
              throw new Error("item");
            },
          }),
        revoked: () => {
          const r = Proxy.revocable({}, {});
          r.revoke();
          return r.proxy;
        },
        getter: () =>
          Object.defineProperty({}, "de", {
            enumerable: true,
            get() {
              throw new Error("getter");
            },
          }),
        bigint: () => 10n,
        symbol: () => Symbol("x"),
        fn: () => () => "x",
        date: () => new Date(0),
        typed: () => new Uint8Array(8),
        longString: () => "x".repeat(1e6),
        escapes: () => "\u001b[2J\u001b[31m" + "y".repeat(500),
        proto: () => JSON.parse('{"__proto__": {"de": "x"}, "de": "Titel"}'),
        many: () => Object.fromEntries(Array.from({ length: 5000 }, (_, i) => ["k" + i, "v"])),
      };
      const make = (v) => {
        if (v && typeof v === "object" && typeof v.__hostile === "string" && hostile[v.__hostile]) return hostile[v.__hostile]();
        if (Array.isArray(v)) return v.map(make);
        if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, make(x)]));
        return v;
      };
      window.__accepted = 0;
      // One input: the overrides are read, then the answers (a string: always an error), so a
      // catalog the reader accepts ends in the answers' error and nothing renders; the first
      // few accepted ones are mounted for real.
      window.__try = async (drawn) => {
        const catalog = make(drawn);
        const host = document.createElement("div");
        document.body.append(host);
        const started = performance.now();
        let outcome;
        try {
          await window.__pkg.mount(host, { catalog, answers: "not answers" });
          outcome = { bad: "accepted answers that are a string" };
        } catch (e) {
          const ms = performance.now() - started;
          if (!(e instanceof Error) || e instanceof WebAssembly.RuntimeError)
            outcome = { bad: `not our Error: ${e && e.constructor && e.constructor.name}: ${String(e)}` };
          else if (!e.message.startsWith("messenger-check: ")) outcome = { bad: `unprefixed: ${e.message.slice(0, 200)}` };
          else if (e.message.length > 600 || /[\u0000-\u001f]/.test(e.message))
            outcome = { bad: `a long or unclean message: ${JSON.stringify(e.message.slice(0, 300))}` };
          else outcome = { ms, accepted: /option `answers`/.test(e.message), message: e.message };
        }
        if (outcome.accepted && window.__accepted++ < 8) {
          try {
            (await window.__pkg.mount(host, { catalog })).destroy();
          } catch (e) {
            outcome = { bad: `read, then refused when mounted: ${e.message}` };
          }
        }
        host.remove();
        return outcome;
      };
    }, PKG);

    let tried = 0,
      slowest = 0,
      slowestMessage = "",
      accepted = 0;
    await fc.assert(
      fc.asyncProperty(overrides, async (drawn) => {
        tried++;
        const r = await page.evaluate((d) => window.__try(d), drawn);
        if (r.bad) throw new Error(r.bad);
        if (r.accepted) accepted++;
        if (r.ms > slowest) [slowest, slowestMessage] = [r.ms, r.message];
        if (r.ms > 250) throw new Error(`took ${r.ms.toFixed(1)} ms: ${r.message}`);
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
    console.log(
      `JS overrides reader: ${tried} inputs tried (${accepted} accepted), 0 panics, slowest call ${slowest.toFixed(1)} ms (${slowestMessage.slice(0, 80)})`,
    );
    assert.equal(tried, RUNS);
    assert.ok(accepted > 0 && accepted < tried, `both accepted and refused catalogs were tried (${accepted} of ${tried})`);
    // The widget beside it never noticed.
    const after = await page.evaluate(async () => {
      window.__bystander.setAnswers({ sector: "trade", messenger: "whatsapp" });
      await new Promise((r) => setTimeout(r, 300));
      return { answers: window.__bystander.answers(), score: document.querySelector("#bystander output.mc-score")?.textContent };
    });
    assert.deepEqual(after.answers, { sector: "trade", messenger: "whatsapp" });
    assert.match(after.score, /^\d+$/);
    assert.ok(!log.console.some((m) => m.includes("panicked")), "no panic");
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(await violations(page), []);
  } finally {
    await context.close();
  }
});
