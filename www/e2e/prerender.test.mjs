// The prerendered first screen (issue 9), in Debian's Chromium under the strict CSP: the
// questions are in the page's markup before any script runs, in German and (with ?lang=en, by
// lang.js) in English; what the visitor does before the WebAssembly arrives — answering,
// focusing, scrolling, switching the language — survives the takeover, which adopts the
// nodes (no layout shift); a screen changed meanwhile is rendered afresh with the same
// answers; and a browser or host that blocks WebAssembly leaves the questions readable with a
// note instead of a spinner.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "../serve.mjs";
import { DIST, LIVE, QUESTIONS, ROOT, axe, cli, score, settle, setup } from "./lib.mjs";

const UI = JSON.parse(readFileSync(join(ROOT, "engine/catalog/ui.json"), "utf8"));
const FIRST = QUESTIONS[0];
const T = { timeout: 60_000 };

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/**
 * A page whose WebAssembly is held back until `release()`: the visitor meets the prerendered
 * screen. Records console errors, page errors and CSP violations like lib.mjs's `open`.
 */
async function held(path, { url = env.url, javaScriptEnabled = true, init } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE", javaScriptEnabled });
  const page = await context.newPage();
  const trouble = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") trouble.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => trouble.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    // Layout shifts, as Lighthouse counts them (no input in the last 500 ms): all of them, and
    // those that move anything outside the results column (the questions the visitor works in).
    // A node the shift removed is judged by where it was.
    window.__cls = 0;
    window.__clsOutside = 0;
    const inResults = (s) => {
      const results = document.querySelector(".mc-results")?.getBoundingClientRect();
      if (s.node?.isConnected) return !!s.node.parentElement?.closest(".mc-results");
      const r = s.previousRect;
      return !!results && r.left >= results.left - 1 && r.right <= results.right + 1;
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__cls += e.value;
        if (!e.sources.every(inResults)) window.__clsOutside += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  if (init) await page.addInitScript(init);
  let release;
  const gate = new Promise((r) => {
    release = r;
  });
  await page.route("**/pkg/messenger_check_bg.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(url + path);
  return {
    page,
    trouble: async () => [...trouble, ...(await page.evaluate(() => window.__csp).catch(() => [])).map((c) => `CSP: ${c}`)],
    /** Lets the WebAssembly through and waits until the page is live. */
    release: async () => {
      release();
      await page.waitForSelector(LIVE);
      await settle(page);
    },
    /** Lets it through without waiting (when it cannot start). */
    open: () => release(),
    close: () => context.close(),
  };
}

/** The visible prerendered screen's language, or null. */
const shown = (page) => page.evaluate(() => [...document.querySelectorAll(".mc-pre")].find((s) => s.checkVisibility())?.lang ?? null);

test("the built index.html has the first question in its markup, in German and in English", T, async () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  for (const lang of ["de", "en"]) {
    const screen = html.split(`<div class="mc-pre" lang="${lang}"`)[1];
    assert.ok(screen, `a ${lang} screen`);
    assert.ok(screen.includes(`>${FIRST.title[lang]}</legend>`), `the first question in ${lang}`);
  }
  assert.ok(html.indexOf('class="mc-pre"') < html.indexOf("</main>"));

  // Without JavaScript at all: the German screen and the noscript note.
  const off = await held("", { javaScriptEnabled: false });
  assert.equal(await off.page.locator("legend").first().textContent(), FIRST.title.de);
  assert.equal(await off.page.locator("legend").first().isVisible(), true);
  assert.equal(await shown(off.page), "de");
  await off.close();
});

test("before the WebAssembly: German by default, English with ?lang=en or an English browser, nothing live", T, async () => {
  for (const [path, locale, lang] of [
    ["", "de-DE", "de"],
    ["?lang=en", "de-DE", "en"],
    ["", "en-GB", "en"],
    ["?lang=de", "en-GB", "de"],
  ]) {
    const context = await env.browser.newContext({ locale });
    const page = await context.newPage();
    const csp = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.route("**/pkg/**", (route) => route.abort()); // no WebAssembly yet, ever
    await page.goto(env.url + path);
    assert.equal(await shown(page), lang, `${path || "/"} in ${locale}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.locator(`.mc-pre[lang="${lang}"] legend`).first().textContent(), FIRST.title[lang]);
    assert.equal(await page.locator(`.mc-pre[lang="${lang}"] .mc-score`).textContent(), "0");
    assert.equal(await page.locator("[data-mc-live]").count(), 0, "not live");
    assert.deepEqual(csp, [], "lang.js's stylesheet is allowed by style-src 'self'");
    await context.close();
  }
});

test("answers clicked, focus and scroll before the WebAssembly arrives survive the takeover; the nodes are adopted", T, async () => {
  const h = await held("?lang=de");
  const { page } = h;
  await page.locator(`.mc-pre[lang="de"] input[name="sector"][value="health"]`).check();
  await page.locator(`.mc-pre[lang="de"] input[name="audience"][value="customers"]`).check();
  await page.locator(`.mc-pre[lang="de"] input[name="audience"][value="internal"]`).check();
  await page.locator(`.mc-pre[lang="de"] input[name="messenger"][value="whatsapp"]`).check();
  await page.locator(`.mc-pre[lang="de"] input[name="messenger"][value="whatsapp"]`).focus();
  await page.evaluate(() => {
    window.scrollTo(0, 180);
    window.__marked = document.querySelector("#mc-score");
    window.__marked.dataset.before = "yes";
  });
  // The WebAssembly arrives late, as on a slow phone: more than the 500 ms after the last click
  // in which a browser forgives a shift. The results column then fills with what the clicks
  // gave (that is the answer to them); nothing else may move.
  await page.waitForTimeout(700);
  await h.release();

  const answers = { sector: "health", audience: ["customers", "internal"], messenger: "whatsapp" };
  const expected = cli(answers, "de");
  assert.equal(await score(page), expected.score, "the clicks count");
  assert.ok((await page.textContent(".mc-band-label")).includes(expected.band_label));
  for (const id of ["sector-health", "audience-customers", "audience-internal", "messenger-whatsapp"]) {
    assert.equal(await page.isChecked(`#mc-${id}`), true, id);
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), "mc-messenger-whatsapp", "focus stays");
  assert.equal(await page.evaluate(() => window.scrollY), 180, "scroll stays");
  assert.equal(await page.evaluate(() => window.__marked === document.querySelector("#mc-score")), true, "the same node, adopted");
  assert.equal(await page.locator(".mc-pre").count(), 0, "no screen left behind");
  assert.ok((await page.evaluate(() => window.__clsOutside)) <= 0.02, "no layout shift outside the results");
  // The address holds no answers: the visitor has not asked for a link.
  await settle(page);
  assert.equal(await page.evaluate(() => location.hash), "");
  // It is the live widget now: one more answer updates the score.
  await page.locator('input[name="device"][value="private_phone"]').check();
  await settle(page);
  assert.equal(await score(page), cli({ ...answers, device: "private_phone" }, "de").score);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(await h.trouble(), []);
  await h.close();
});

test("a takeover with nothing clicked moves nothing at all, however late the WebAssembly arrives", T, async () => {
  for (const path of ["?lang=de", "?lang=en"]) {
    const h = await held(path);
    await h.page.waitForTimeout(700);
    await h.release();
    assert.equal(await h.page.locator(".mc-pre").count(), 0, "adopted");
    assert.equal(await h.page.evaluate(() => window.__cls), 0, `no layout shift (${path})`);
    assert.deepEqual(await h.trouble(), []);
    await h.close();
  }
});

test("in English: the English screen is adopted with the live ids; a language switched before the WebAssembly holds", T, async () => {
  const h = await held("?lang=en");
  const { page } = h;
  await page.locator(`.mc-pre[lang="en"] input[name="sector"][value="legal_tax"]`).check();
  await h.release();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.equal(await page.locator("legend").first().textContent(), FIRST.title.en);
  assert.equal(await page.isChecked("#mc-sector-legal_tax"), true, "the live ids (mc-…), not the screen's (mcen-…)");
  assert.equal(await page.locator('[id^="mcen-"]').count(), 0);
  assert.equal(await score(page), cli({ sector: "legal_tax" }, "en").score);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(await h.trouble(), []);
  await h.close();

  // German page, the visitor switches to English before the WebAssembly arrives.
  const s = await held("");
  await s.page.locator('.mc-pre[lang="de"] .mc-lang-button[data-lang="en"]').click();
  assert.equal(await shown(s.page), "en");
  assert.equal(await s.page.evaluate(() => document.activeElement?.closest(".mc-pre")?.lang), "en", "focus follows to the English screen");
  await s.page.locator('.mc-pre[lang="en"] input[name="messenger"][value="signal"]').check();
  await s.release();
  assert.equal(await s.page.evaluate(() => document.documentElement.lang), "en");
  assert.equal((await s.page.textContent(".mc-title")).trim(), UI.title.en);
  assert.equal(await s.page.isChecked("#mc-messenger-signal"), true);
  assert.equal(await s.page.evaluate(() => location.hash), "", "no answers in the address unasked");
  assert.deepEqual(await s.trouble(), []);
  await s.close();
});

test("a share link, or the remembered answers, arrive with the takeover; a click before it is one step to undo", T, async () => {
  const link = { audience: ["customers"], messenger: "whatsapp" };
  const h = await held(`?lang=de#v=1&audience=customers&messenger=whatsapp`);
  // The prerendered screen shows the first state; what the visitor clicks there wins.
  await h.page.locator('.mc-pre[lang="de"] input[name="sector"][value="health"]').check();
  await h.release();
  const all = { ...link, sector: "health" };
  assert.equal(await score(h.page), cli(all).score, "the link's answers and the click");
  const undo = h.page.locator(".mc-undo");
  assert.equal(await undo.count(), 1, "undo is offered");
  await undo.click();
  await settle(h.page);
  assert.equal(await score(h.page), cli(link).score, "undo takes back the click, not the link");
  assert.equal(await h.page.isChecked("#mc-sector-health"), false);
  assert.equal(await h.page.locator(".mc-undo").count(), 0, "nothing older to undo");
  assert.deepEqual(await h.trouble(), []);
  await h.close();

  // Answers this device remembers (the visitor asked for it on an earlier visit).
  const r = await held("?lang=de", { init: () => localStorage.setItem("messenger-check:v1", "v=1&messenger=whatsapp&device=private_phone") });
  await r.page.locator('.mc-pre[lang="de"] input[name="sector"][value="trade"]').check();
  await r.release();
  const remembered = { sector: "trade", messenger: "whatsapp", device: "private_phone" };
  assert.equal(await score(r.page), cli(remembered).score);
  assert.equal(await r.page.isChecked("#mc-remember"), true, "shown as remembered");
  await settle(r.page);
  assert.match(await r.page.evaluate(() => localStorage.getItem("messenger-check:v1")), /sector=trade/, "and the click is remembered too");
  assert.deepEqual(await r.trouble(), []);
  await r.close();
});

test("a screen changed before the takeover (a translator, say) is rendered afresh with the same answers and focus", T, async () => {
  // What a page translator does: wraps text in <font>.
  const h = await held("?lang=de", {
    init: () =>
      document.addEventListener("DOMContentLoaded", () => {
        const legend = document.querySelector('.mc-pre[lang="de"] legend');
        const font = document.createElement("font");
        font.append(...legend.childNodes);
        legend.append(font);
      }),
  });
  const { page } = h;
  await page.locator('.mc-pre[lang="de"] input[name="messenger"][value="threema"]').check();
  await page.locator('.mc-pre[lang="de"] input[name="messenger"][value="threema"]').focus();
  await h.release();
  assert.equal(await score(page), cli({ messenger: "threema" }).score);
  assert.equal(await page.isChecked("#mc-messenger-threema"), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "mc-messenger-threema");
  assert.equal(await page.locator("font").count(), 0, "rendered afresh");
  assert.deepEqual(await h.trouble(), []);
  await h.close();
});

test("without WebAssembly the questions stay readable with a note in the page's language", T, async () => {
  // A browser without WebAssembly.
  for (const lang of ["de", "en"]) {
    const h = await held(`?lang=${lang}`, {
      init: () => {
        delete globalThis.WebAssembly;
      },
    });
    h.open();
    const note = h.page.locator('#messenger-check > p[role="alert"]');
    await note.waitFor();
    assert.equal((await note.textContent()).trim(), UI.no_start[lang]);
    assert.equal(await note.getAttribute("lang"), lang);
    assert.equal(await h.page.locator(`.mc-pre[lang="${lang}"] legend`).first().isVisible(), true, "the questions stay");
    assert.deepEqual(await axe(h.page), []);
    await h.close();
  }
  // A host whose policy has no 'wasm-unsafe-eval'.
  const strict = await serve({ root: DIST, port: 0, csp: "default-src 'self'; script-src 'self'; style-src 'self'" });
  try {
    const h = await held("", { url: strict.url });
    h.open();
    const note = h.page.locator('#messenger-check > p[role="alert"]');
    await note.waitFor();
    assert.equal((await note.textContent()).trim(), UI.no_start.de);
    assert.equal(await h.page.locator('.mc-pre[lang="de"] legend').first().isVisible(), true);
    await h.close();
  } finally {
    await strict.close();
  }
});
