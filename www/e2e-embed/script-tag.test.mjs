// The package from a plain <script type="module"> (www/examples/script-tag/), served with the
// strict CSP: mount, options, onChange, the handle (setLang, answers, assessment, reset,
// destroy), bad options, partial overrides, and 1,000 mounts and destroys without a leak.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { ASSESS, LIVE_SCORE, foreignRequests, newContext, until, useSite, violations } from "./lib.mjs";

const PKG = "/node_modules/messenger-check/index.js";
const site = useSite();

async function open(path = "/examples/script-tag/") {
  const { context, log } = await newContext(site.browser);
  const page = await context.newPage();
  await page.goto(site.server.url(path));
  return { context, log, page };
}

/** Polls in the page until the live widget's score <output> inside `selector` shows a number
 * (not the first screen's, painted before the WebAssembly took over). */
function rendered(page, selector) {
  return until(
    () => page.evaluate(([s, live]) => document.querySelector(s)?.querySelector(live)?.textContent, [selector, LIVE_SCORE]),
    `the widget in ${selector}`,
  );
}

test("script-tag example: renders with its options under the strict CSP, answers change the score, onChange fires", async () => {
  const { context, log, page } = await open();
  try {
    const first = await rendered(page, "#check");
    // Prefilled answers, the title override and the theme option are applied.
    assert.equal(await page.locator('#check input[name="sector"][value="health"]').isChecked(), true);
    assert.match(await page.locator("#check .mc-title").textContent(), /Unser Messenger-Check für Praxen/);
    // The colour the browser computed, not the text given (src/bindings/theme.rs).
    assert.equal(await page.evaluate(() => document.querySelector("#check > .mc-root").style.getPropertyValue("--mc-accent")), "rgb(22, 50, 79)");
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.querySelector("#check .mc-lang-button[aria-pressed=true]")).backgroundColor),
      "rgb(22, 50, 79)",
      "the accent colour from the theme",
    );
    const statusBefore = await page.locator("#status").textContent();
    assert.match(statusBefore, new RegExp(`^${first} / 100`), "onChange ran after the first render");

    await page.locator('#check input[name="messenger"][value="whatsapp"]').check();
    await page.locator('#check input[name="device"][value="private_phone"]').check();
    const after = await until(async () => {
      const s = await page.locator(`#check ${LIVE_SCORE}`).textContent();
      return s !== first && s;
    }, "the score to change");
    assert.ok(Number(after) > Number(first), `score ${first} -> ${after}`);
    await until(async () => (await page.locator("#status").textContent()).startsWith(`${after} / 100`), "onChange with the new score");
    const fromHandle = await page.evaluate(() => window.messengerCheck.assessment().score);
    assert.equal(String(fromHandle), after);

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreignRequests(log, [site.server.origin]), []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(
      log.console.filter((m) => !m.includes("favicon")),
      [],
    );
  } finally {
    await context.close();
  }
});

test("the handle: setLang switches the legends, answers/assessment/reset, destroy removes everything", async () => {
  const { context, log, page } = await open();
  try {
    await rendered(page, "#check");
    const result = await page.evaluate(async (pkg) => {
      const { mount } = await import(pkg);
      const sheetsBefore = document.adoptedStyleSheets.length;
      const host = document.createElement("section");
      host.id = "second";
      document.body.append(host);
      const changes = [];
      const widget = await mount(host, { lang: "de", theme: "dark", onChange: (a) => changes.push(`${a.lang}:${a.score}`) });
      const wait = async (fn) => {
        for (let i = 0; i < 200; i++) {
          const v = fn();
          if (v) return v;
          await new Promise((r) => setTimeout(r, 10));
        }
        return null;
      };
      await wait(() => host.querySelector("output.mc-score"));
      const legends = () => [...host.querySelectorAll("legend")].map((l) => l.textContent);
      // The widget may render the later questions after the first paint: wait until it settles.
      const settled = async () => {
        let last = -1;
        for (let i = 0; i < 100; i++) {
          await new Promise((r) => setTimeout(r, 50));
          const n = legends().length;
          if (n === last) return;
          last = n;
        }
      };
      await settled();
      const de = legends();
      widget.setLang("en");
      await wait(() => host.querySelector(".mc")?.lang === "en" && legends()[0] !== de[0]);
      await settled();
      const en = legends();
      widget.setLang("de");
      await wait(() => host.querySelector(".mc")?.lang === "de");
      await settled();
      const deAgain = legends();
      const bg = getComputedStyle(host.querySelector(".mc")).backgroundColor;
      host.querySelector('input[name="sector"][value="trade"]').click();
      await wait(() => widget.answers().sector === "trade");
      const answers = widget.answers();
      const assessment = widget.assessment();
      widget.reset();
      await wait(() => Object.keys(widget.answers()).length === 0);
      const afterReset = widget.answers();
      const changesSeen = changes.join(",");
      widget.destroy();
      await new Promise((r) => setTimeout(r, 50));
      let afterDestroy = "no error";
      try {
        widget.assessment();
      } catch (e) {
        afterDestroy = e.message;
      }
      widget.destroy(); // twice is fine
      return {
        de,
        en,
        deAgain,
        bg,
        answers,
        score: assessment.score,
        afterReset,
        changesSeen,
        afterDestroy,
        children: host.childNodes.length,
        mcLeft: document.querySelectorAll("#second .mc, #second legend").length,
        attrs: [...host.attributes].map((a) => a.name),
        sheetsDelta: document.adoptedStyleSheets.length - sheetsBefore,
      };
    }, PKG);
    assert.ok(result.de.length >= 5, "legends rendered");
    assert.notDeepEqual(result.en, result.de, "setLang('en') changed the legends");
    assert.deepEqual(result.deAgain, result.de, "setLang('de') brought them back");
    assert.equal(result.bg, "rgb(21, 24, 28)", "theme 'dark' gives the dark background");
    assert.equal(result.answers.sector, "trade");
    assert.equal(typeof result.score, "number");
    assert.deepEqual(result.afterReset, {});
    assert.ok(result.changesSeen.split(",").length >= 5, `onChange fired on render, language and answer changes (${result.changesSeen})`);
    assert.match(result.afterDestroy, /messenger-check: assessment: the widget was destroyed/);
    assert.equal(result.children, 0, "destroy removed the widget's nodes");
    assert.equal(result.mcLeft, 0);
    assert.deepEqual(result.attrs, ["id"], "destroy removed the theme from the host element");
    assert.equal(result.sheetsDelta, 0, "the script-tag widget still holds the stylesheet; this one's use was released");
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreignRequests(log, [site.server.origin]), []);
  } finally {
    await context.close();
  }
});

test("evaluate() in the browser equals the CLI", async () => {
  const { context, page } = await open();
  try {
    const answers = { sector: "legal_tax", audience: ["customers"], messenger: "signal", content: ["confidential"], usage_policy: "none" };
    for (const lang of ["de", "en"]) {
      const got = await page.evaluate(async ([pkg, a, l]) => (await import(pkg)).evaluate(a, { lang: l }), [PKG, answers, lang]);
      const cli = JSON.parse(execFileSync(ASSESS(), ["--lang", lang], { input: JSON.stringify(answers), encoding: "utf8" }));
      assert.deepStrictEqual(got, cli);
    }
  } finally {
    await context.close();
  }
});

test("bad options throw an Error naming the option and field; the element stays usable", async () => {
  const { context, log, page } = await open();
  try {
    await rendered(page, "#check");
    const results = await page.evaluate(async (pkg) => {
      const { mount } = await import(pkg);
      const host = document.createElement("div");
      document.body.append(host);
      const cases = {
        lang: { lang: "fr" },
        langType: { lang: 3 },
        unknown: { colour: "red" },
        answersId: { answers: { sector: "bakery" } },
        answersType: { answers: "sector=trade" },
        catalogField: { catalog: { texts: { de: { "ui.nope": "x" } } } },
        catalogShape: { catalog: { alternatives: { recommend: "wire" } } },
        catalogUnknown: { catalog: { colours: {} } },
        catalogHide: { catalog: { alternatives: { hide: ["signal", "icq"] } } },
        ctaUrl: { catalog: { call_to_action: { label: { de: "Beratung" }, url: "javascript:alert(1)" } } },
        ctaLabel: { catalog: { call_to_action: { url: "https://example.org" } } },
        onChange: { onChange: "console.log" },
        themeField: { theme: { colour: "red" } },
        themeValue: { theme: { accent: "banana" } },
        themeScheme: { theme: "sepia" },
        themeType: { theme: 5 },
        styles: { styles: "no" },
        notObject: "de",
      };
      const out = {};
      for (const [name, options] of Object.entries(cases)) {
        try {
          await mount(host, options);
          out[name] = "no error";
        } catch (e) {
          out[name] = `${e instanceof Error ? "Error" : typeof e}: ${e.message}`;
        }
        out[name + ":children"] = host.childNodes.length + host.attributes.length;
      }
      try {
        await mount(null, {});
      } catch (e) {
        out.element = e.message;
      }
      // After all that, a good mount on the same element works, and a second one is refused.
      const w = await mount(host, { lang: "en" });
      for (let i = 0; i < 200 && !host.querySelector("output.mc-score"); i++) await new Promise((r) => setTimeout(r, 10));
      out.works = !!host.querySelector("output.mc-score");
      try {
        await mount(host, {});
      } catch (e) {
        out.twice = e.message;
      }
      try {
        w.setLang("fr");
      } catch (e) {
        out.setLang = e.message;
      }
      w.destroy();
      return out;
    }, PKG);
    const expect = {
      lang: /^Error: messenger-check: option `lang`: unknown language `fr`/,
      langType: /^Error: messenger-check: option `lang`: must be a string/,
      unknown: /^Error: messenger-check: unknown option `colour` \(known: lang, answers, catalog, theme, onChange/,
      answersId: /^Error: messenger-check: option `answers`: unknown option `bakery` for question `sector`/,
      answersType: /^Error: messenger-check: option `answers`: must be an object/,
      catalogField: /^Error: messenger-check: option `catalog`: .*ui\.nope.*unknown text key/,
      catalogShape: /^Error: messenger-check: option `catalog`: .*alternatives\.recommend/,
      catalogUnknown: /^Error: messenger-check: option `catalog`: .*colours/,
      catalogHide: /^Error: messenger-check: option `catalog`: .*hide\[1\].*unknown messenger `icq`/,
      ctaUrl: /^Error: messenger-check: option `catalog`: .*call_to_action.*url/,
      ctaLabel: /^Error: messenger-check: option `catalog`: .*call_to_action.*label/,
      onChange: /^Error: messenger-check: option `onChange`: must be a function/,
      themeField:
        /^Error: messenger-check: option `theme`: unknown field `colour` \(known: scheme, accent, text, background, font, radius, spacing\)/,
      themeValue: /^Error: messenger-check: option `theme\.accent`: `banana` is not a valid CSS color value/,
      themeScheme: /^Error: messenger-check: option `theme`: unknown scheme `sepia`/,
      themeType: /^Error: messenger-check: option `theme`: must be an object or/,
      styles: /^Error: messenger-check: option `styles`: must be true or false/,
      notObject: /^Error: messenger-check: mount: options must be an object/,
    };
    for (const [name, re] of Object.entries(expect)) {
      assert.match(results[name], re, name);
      assert.equal(results[name + ":children"], 0, `${name}: the element is left as it was`);
    }
    assert.match(results.element, /mount: the first argument must be a DOM element/);
    assert.equal(results.works, true, "a good mount after the bad ones works");
    assert.match(results.twice, /this element already has a widget/);
    assert.match(results.setLang, /setLang: `lang`: unknown language `fr`/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("a partial override changes what it names and leaves a working widget", async () => {
  const { context, log, page } = await open();
  try {
    await rendered(page, "#check");
    const r = await page.evaluate(async (pkg) => {
      const { mount } = await import(pkg);
      const host = document.createElement("div");
      document.body.append(host);
      const wait = async (fn) => {
        for (let i = 0; i < 300; i++) {
          const v = fn();
          if (v) return v;
          await new Promise((r) => setTimeout(r, 10));
        }
        return null;
      };
      const w = await mount(host, {
        lang: "de",
        catalog: {
          texts: { en: { "ui.title": "Our messenger check" } },
          alternatives: { hide: ["telegram"] },
          call_to_action: { label: { de: "Beratung anfragen" }, url: "https://beratung.example/kontakt" },
        },
      });
      await wait(() => host.querySelector("output.mc-score"));
      const titleDe = host.querySelector(".mc-title").textContent;
      const legendsDe = host.querySelectorAll("legend").length;
      w.setLang("en");
      await wait(() => host.querySelector(".mc")?.lang === "en");
      const titleEn = host.querySelector(".mc-title").textContent;
      host.querySelector('input[name="messenger"][value="whatsapp"]').click();
      await wait(() => w.answers().messenger === "whatsapp");
      const cta = [...host.querySelectorAll("a")].find((a) => a.href === "https://beratung.example/kontakt");
      const out = { titleDe, titleEn, legendsDe, score: w.assessment().score, cta: cta ? cta.textContent.trim() : null };
      w.destroy();
      return out;
    }, PKG);
    assert.ok(r.legendsDe >= 5);
    assert.notEqual(r.titleDe, "Our messenger check", "German keeps the catalog's title");
    assert.equal(r.titleEn, "Our messenger check", "English uses the override");
    assert.ok(r.score > 0, "answering works");
    assert.equal(r.cta, "Beratung anfragen", "the call to action links to the consultancy (German label stands in for English)");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("mount and destroy 1,000 times: JS heap, DOM nodes, listeners and wasm memory stay flat", { timeout: 600_000 }, async () => {
  const { context, page } = await open();
  try {
    await rendered(page, "#check");
    const cdp = await context.newCDPSession(page);
    const cycles = (n) =>
      page.evaluate(
        async ([pkg, n]) => {
          const { mount } = await import(pkg);
          const host = document.createElement("div");
          document.body.append(host);
          let changes = 0;
          for (let i = 0; i < n; i++) {
            // Until the first render's onChange (every 10th cycle also an answer and its onChange).
            const seen = changes;
            const w = await mount(host, {
              lang: i % 2 ? "en" : "de",
              answers: { sector: "trade" },
              theme: { accent: "#333" },
              onChange: () => changes++,
            });
            for (let k = 0; k < 1000 && changes === seen; k++) await new Promise((r) => setTimeout(r, 0));
            if (i % 10 === 0) {
              const again = changes;
              host.querySelector('input[name="messenger"][value="whatsapp"]').click();
              for (let k = 0; k < 1000 && changes === again; k++) await new Promise((r) => setTimeout(r, 0));
            }
            w.destroy();
          }
          host.remove();
          return changes;
        },
        [PKG, n],
      );
    const measure = async () => {
      // Collect, let the FinalizationRegistry callbacks run (they free wasm closures), repeat.
      for (let i = 0; i < 4; i++) {
        await cdp.send("HeapProfiler.collectGarbage");
        await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
      }
      const heap = await cdp.send("Runtime.getHeapUsage");
      const dom = await cdp.send("Memory.getDOMCounters");
      const wasm = await page.evaluate(
        async () => (await (await import("/node_modules/messenger-check/messenger_check.js")).default()).memory.buffer.byteLength,
      );
      return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, wasm };
    };
    await cdp.send("HeapProfiler.enable");
    assert.ok((await cycles(50)) >= 55, "warm-up cycles rendered and answered");
    const before = await measure();
    const started = Date.now();
    const changes = await cycles(1000);
    const seconds = (Date.now() - started) / 1000;
    const after = await measure();
    const report = {
      cycles: 1000,
      seconds,
      heapBefore: before.heap,
      heapAfter: after.heap,
      heapGrowth: after.heap - before.heap,
      nodesBefore: before.nodes,
      nodesAfter: after.nodes,
      listenersBefore: before.listeners,
      listenersAfter: after.listeners,
      wasmBefore: before.wasm,
      wasmAfter: after.wasm,
    };
    console.log(`# heap ${JSON.stringify(report)}`);
    assert.ok(changes >= 1100, `every mount rendered and called onChange, every 10th twice (${changes})`);
    // Tolerance: 512 KiB of JS heap over 1,000 cycles (a leak of one widget per cycle would be
    // tens of MB), 100 DOM nodes (one widget is ~600), no new listeners, and at most two
    // 64 KiB pages of wasm memory.
    assert.ok(report.heapGrowth < 512 * 1024, `JS heap grew by ${report.heapGrowth} bytes`);
    assert.ok(after.nodes - before.nodes < 100, `DOM nodes ${before.nodes} -> ${after.nodes}`);
    assert.ok(after.listeners <= before.listeners, `listeners ${before.listeners} -> ${after.listeners}`);
    assert.ok(after.wasm - before.wasm <= 2 * 65536, `wasm memory ${before.wasm} -> ${after.wasm}`);
  } finally {
    await context.close();
  }
});
