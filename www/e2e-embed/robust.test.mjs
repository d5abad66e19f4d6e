// mount() and <messenger-check> driven the way frameworks drive them (issue 12), on an empty
// page under the strict CSP: mount/destroy/mount in one tick (React's StrictMode), destroy
// before the WebAssembly arrived, attributes set right after appending, equal values assigned
// again and again, answers set from outside; `await mount()` means every question is in the
// DOM; ids are unique per widget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, SITE, foreignRequests, newContext, useSite, violations } from "./lib.mjs";

const PKG = "/node_modules/messenger-check/index.js";
const ELEMENT = "/node_modules/messenger-check/element.js";
const QUESTIONS = JSON.parse(readFileSync(join(REPO, "engine", "catalog", "questions.json"), "utf8")).questions;
const site = useSite();
/** A test that waits on the page gives up after a minute (a hang is a failure). */
const T = { timeout: 60_000 };

/** An empty page (nothing of the widget loaded yet), served from the example site. */
async function blank() {
  const dir = join(SITE(), "blank");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>blank</title></head><body><main></main></body></html>\n',
  );
  const { context, log } = await newContext(site.browser);
  const page = await context.newPage();
  await page.goto(site.server.url("/blank/"));
  return { context, log, page };
}

/** The page's trouble: CSP violations, page errors, console errors. */
async function clean(page, log) {
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.console, []);
  assert.deepEqual(foreignRequests(log, [site.server.origin]), []);
}

/**
 * Runs `fn(arg)` in a fresh empty page, checks that the page stayed clean (unless `check` says
 * otherwise), and returns what `fn` returned.
 */
async function inBlankPage(fn, arg, check = clean) {
  const { context, log, page } = await blank();
  try {
    const result = await page.evaluate(fn, arg);
    await check(page, log, result);
    return result;
  } finally {
    await context.close();
  }
}

test("React StrictMode's effect, cleanup, effect in one tick leaves one widget; a cancelled mount resolves destroyed", T, async () => {
  const r = await inBlankPage(async (pkg) => {
    const { mount } = await import(pkg);
    const settle = () => new Promise((ok) => setTimeout(ok, 300));
    const host = document.createElement("div");
    document.querySelector("main").append(host);
    const rejected = [];
    // The effect as React's documentation writes an async effect: an ignore flag.
    const mounted = [];
    function effect() {
      let widget = null;
      let gone = false;
      mount(host, { lang: "en" }).then(
        (w) => {
          mounted.push(w);
          if (gone) w.destroy();
          else widget = w;
        },
        (e) => rejected.push(e.message),
      );
      return () => {
        gone = true;
        widget?.destroy();
      };
    }
    // StrictMode (dev): effect, cleanup, effect, all before the WebAssembly has arrived.
    const cleanup1 = effect();
    cleanup1();
    const cleanup2 = effect();
    // Both mounts resolve (the cancelled one at once, the other once it has taken over the
    // screen the first one painted, which takes longer on a loaded machine than a fixed pause).
    for (let i = 0; i < 200 && mounted.length + rejected.length < 2; i++) await new Promise((ok) => setTimeout(ok, 50));
    await settle();
    const strict = {
      rejected: [...rejected],
      resolved: mounted.map((w) => w.destroyed),
      roots: host.querySelectorAll(".mc-root").length,
      widgets: host.querySelectorAll(".mc").length,
      lang: host.querySelector(".mc")?.lang,
      sheets: document.adoptedStyleSheets.length,
    };
    // Unmount for good: nothing left, the stylesheet released.
    cleanup2();
    await settle();
    const gone = { nodes: host.childNodes.length, sheets: document.adoptedStyleSheets.length };
    // Three mounts in one tick: the first two resolve destroyed, the last renders.
    const all = await Promise.all([mount(host), mount(host, { lang: "en" }), mount(host, { lang: "de" })]);
    const three = { destroyed: all.map((w) => w.destroyed), widgets: host.querySelectorAll(".mc").length, lang: host.querySelector(".mc")?.lang };
    // A widget that was handed out is not taken away.
    let again = "no error";
    try {
      await mount(host);
    } catch (e) {
      again = e.message;
    }
    all[2].destroy();
    await settle();
    return { strict, gone, three, again, left: host.childNodes.length, sheets: document.adoptedStyleSheets.length };
  }, PKG);
  assert.deepEqual(r.strict.rejected, [], "no mount was refused");
  assert.deepEqual(r.strict.resolved, [true, false], "the cancelled mount resolved destroyed, the second lives");
  assert.equal(r.strict.roots, 1, "one root");
  assert.equal(r.strict.widgets, 1, "one widget");
  assert.equal(r.strict.lang, "en");
  assert.equal(r.strict.sheets, 1, "one stylesheet adopted");
  assert.deepEqual(r.gone, { nodes: 0, sheets: 0 }, "cleanup removed the widget and released the stylesheet");
  assert.deepEqual(r.three.destroyed, [true, true, false]);
  assert.equal(r.three.widgets, 1);
  assert.equal(r.three.lang, "de", "the last mount's options win");
  assert.match(r.again, /this element already has a widget/);
  assert.equal(r.left, 0);
  assert.equal(r.sheets, 0);
});

test("a component unmounted while the WebAssembly loads leaves nothing behind", T, async () => {
  const r = await inBlankPage(async (pkg) => {
    const { mount } = await import(pkg);
    const host = document.createElement("div");
    document.querySelector("main").append(host);
    // The effect runs, and its cleanup too (the component goes away) before anything arrived.
    let gone = false;
    const done = mount(host).then((w) => {
      if (gone) w.destroy();
      return w;
    });
    gone = true;
    host.remove();
    const widget = await done;
    await new Promise((ok) => setTimeout(ok, 300));
    return { destroyed: widget.destroyed, nodes: host.childNodes.length, sheets: document.adoptedStyleSheets.length };
  }, PKG);
  assert.deepEqual(r, { destroyed: true, nodes: 0, sheets: 0 });
});

test("await mount() resolves with every question in the DOM", T, async () => {
  const r = await inBlankPage(async (pkg) => {
    const { mount } = await import(pkg);
    const host = document.createElement("div");
    document.querySelector("main").append(host);
    const w = await mount(host);
    const out = {
      fieldsets: host.querySelectorAll("fieldset.mc-question").length,
      score: host.querySelector("output.mc-score")?.textContent,
    };
    w.destroy();
    return out;
  }, PKG);
  assert.equal(r.fieldsets, QUESTIONS.length, "one fieldset per question, also those that do not apply yet");
  assert.equal(r.score, "0");
});

test("ids are prefixed and unique per widget: no bare #score, none shared", T, async () => {
  const r = await inBlankPage(
    async ([pkg, element]) => {
      const { mount } = await import(pkg);
      await import(element);
      const main = document.querySelector("main");
      // The host page's own #score.
      const own = document.createElement("output");
      own.id = "score";
      own.textContent = "host";
      main.append(own);
      const a = document.createElement("div");
      const b = document.createElement("div");
      main.append(a, b);
      const [wa, wb] = [await mount(a), await mount(b)];
      const el = document.createElement("messenger-check");
      main.append(el);
      await el.ready;
      const ids = (root) => [...root.querySelectorAll("[id]")].map((e) => e.id);
      const out = {
        page: ids(document),
        shadow: ids(el.shadowRoot),
        scoreIds: [a, b].map((h) => h.querySelector("output.mc-score").id),
        hostScore: document.getElementById("score").textContent,
      };
      wa.destroy();
      wb.destroy();
      return out;
    },
    [PKG, ELEMENT],
  );
  assert.equal(r.hostScore, "host", "the page's own #score is still the page's");
  assert.deepEqual(
    r.page.filter((id) => id === "score"),
    ["score"],
    "only the host's element has the id score",
  );
  const widgetIds = r.page.filter((id) => id !== "score");
  assert.ok(widgetIds.length > 40, `ids in the page: ${widgetIds.length}`);
  assert.equal(new Set(widgetIds).size, widgetIds.length, "no id twice in the page");
  assert.ok(
    widgetIds.every((id) => /^mc\d*-/.test(id)),
    "every widget id is prefixed",
  );
  assert.equal(r.scoreIds[0], "mc-score");
  assert.notEqual(r.scoreIds[1], r.scoreIds[0]);
  assert.ok(r.shadow.length > 40 && r.shadow.every((id) => /^mc\d*-/.test(id)));
});

test(
  "the element: attributes and properties set before it exists apply; equal values change nothing; answers load without a remount",
  T,
  async () => {
    const r = await inBlankPage(async (element) => {
      await import(element);
      const wait = async (fn) => {
        for (let i = 0; i < 500; i++) {
          const v = fn();
          if (v) return v;
          await new Promise((ok) => setTimeout(ok, 10));
        }
        return null;
      };
      const settle = () => new Promise((ok) => setTimeout(ok, 200));
      const main = document.querySelector("main");
      // As issue 12 found it: append, then set the language (German was rendered).
      const el = document.createElement("messenger-check");
      main.append(el);
      el.setAttribute("lang", "en");
      el.setAttribute("theme", "dark");
      const events = [];
      el.addEventListener("change", (e) => events.push(e.detail.score));
      el.answers = { sector: "trade" };
      el.catalog = { texts: { en: { "ui.title": "Our check" } } };
      const widget = await el.ready;
      await settle();
      const root = el.shadowRoot;
      const first = {
        lang: root.querySelector(".mc").lang,
        scheme: root.querySelector(".mc-root").getAttribute("data-mc-scheme"),
        title: root.querySelector(".mc-title").textContent,
        trade: root.querySelector('input[name="sector"][value="trade"]').checked,
        widgets: root.querySelectorAll(".mc").length,
        events: events.length,
      };
      // The visitor answers.
      root.querySelector('input[name="messenger"][value="whatsapp"]').click();
      await wait(() => el.answers.messenger === "whatsapp");
      const form = root.querySelector("form");
      const before = events.length;
      // A framework assigns equal values on every render: nothing happens.
      for (let i = 0; i < 5; i++) {
        el.answers = { sector: "trade" };
        el.catalog = { texts: { en: { "ui.title": "Our check" } } };
        el.setAttribute("lang", "en");
      }
      await settle();
      const equal = {
        sameForm: root.querySelector("form") === form,
        sameWidget: el.widget === widget,
        whatsapp: root.querySelector('input[name="messenger"][value="whatsapp"]').checked,
        events: events.length - before,
      };
      // Other answers from outside: loaded into the same widget.
      el.answers = { sector: "health", audience: ["customers"] };
      await wait(() => root.querySelector('input[name="sector"][value="health"]').checked);
      const loaded = {
        sameForm: root.querySelector("form") === form,
        whatsapp: root.querySelector('input[name="messenger"][value="whatsapp"]').checked,
        answers: el.answers,
      };
      // Another catalog: a remount that keeps the answers.
      el.catalog = { texts: { en: { "ui.title": "Our other check" } } };
      await wait(() => root.querySelector(".mc-title")?.textContent === "Our other check" && el.widget !== widget && el.widget);
      await settle();
      const remounted = {
        sameForm: root.querySelector("form") === form,
        health: root.querySelector('input[name="sector"][value="health"]').checked,
        lang: root.querySelector(".mc").lang,
        widgets: root.querySelectorAll(".mc").length,
        sheets: root.adoptedStyleSheets.length,
      };
      el.remove();
      await settle();
      return {
        first,
        equal,
        loaded,
        remounted,
        afterRemove: { widgets: root.querySelectorAll(".mc").length, sheets: root.adoptedStyleSheets.length + document.adoptedStyleSheets.length },
      };
    }, ELEMENT);
    assert.deepEqual(r.first, { lang: "en", scheme: "dark", title: "Our check", trade: true, widgets: 1, events: 1 });
    assert.deepEqual(r.equal, { sameForm: true, sameWidget: true, whatsapp: true, events: 0 });
    assert.deepEqual(r.loaded, { sameForm: true, whatsapp: false, answers: { sector: "health", audience: ["customers"] } });
    assert.deepEqual(r.remounted, { sameForm: false, health: true, lang: "en", widgets: 1, sheets: 1 });
    assert.deepEqual(r.afterRemove, { widgets: 0, sheets: 0 });
  },
);

test("the element: a bad attribute or property is reported once, and the widget still shows", T, async () => {
  // Here the errors are the point: each reported once, on the console and as an error event.
  const reported = async (page, log, r) => {
    assert.equal(log.console.length, r.errors.length, JSON.stringify(log.console));
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(await violations(page), []);
  };
  const r = await inBlankPage(
    async (element) => {
      await import(element);
      const el = document.createElement("messenger-check");
      const errors = [];
      el.addEventListener("error", (e) => errors.push(e.message));
      el.setAttribute("lang", "fr");
      el.answers = { sector: "bakery" };
      document.querySelector("main").append(el);
      await el.ready;
      return { errors, lang: el.shadowRoot.querySelector(".mc").lang, widgets: el.shadowRoot.querySelectorAll(".mc").length };
    },
    ELEMENT,
    reported,
  );
  assert.equal(r.errors.length, 2, JSON.stringify(r.errors));
  assert.match(r.errors[0], /attribute `lang`: unknown language `fr` \(use de or en\)/);
  assert.match(r.errors[1], /option `answers`: unknown option `bakery` for question `sector`/);
  assert.equal(r.lang, "de", "the default language");
  assert.equal(r.widgets, 1, "a working widget, not a blank one");
});
