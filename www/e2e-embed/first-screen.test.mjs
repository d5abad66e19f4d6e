// The first screen before the WebAssembly in every embedding (issue 19): <messenger-check>,
// mount(), embed.html and a server's HTML (messenger-check/server, declarative Shadow DOM)
// show the questions while the .wasm response is held back; a click made then is scored once
// the WebAssembly has taken the same nodes over; without 'wasm-unsafe-eval' the questions stay
// with a note. Under the strict policy with Trusted Types, with no request to another origin
// and no console error. Not timed: the benchmarks measure how fast (make bench).
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { DIST, SITE, STRICT_CSP, foreignRequests, launch, newContext, serve, until, violations } from "./lib.mjs";

const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types messenger-check`;
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const T = { timeout: 90_000 };
const PKG = "/node_modules/messenger-check";

/** Host pages of our own (no inline script), served from the test site beside the package. */
const PAGES = {
  "/first/element.html": `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>element</title>
    <script type="module" src="/first/element.js"></script></head>
    <body><main><h1>Host</h1><messenger-check lang="de"></messenger-check></main></body></html>`,
  "/first/element.js": `import "${PKG}/element.js";`,
  "/first/mount.html": `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>mount</title>
    <script type="module" src="/first/mount.js"></script></head>
    <body><main><h1>Host</h1><div id="check"></div></main></body></html>`,
  "/first/mount.js": `import { mount } from "${PKG}/index.js";
    window.mounted = mount(document.getElementById("check"), { lang: "en" }).then((w) => (window.widget = w), (e) => { window.failure = String(e); });`,
  "/first/prefill-mount.html": `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>mount, prefilled</title>
    <script type="module" src="/first/prefill-mount.js"></script></head>
    <body><main><h1>Host</h1><div id="check"></div></main></body></html>`,
  "/first/prefill-mount.js": `import { mount } from "${PKG}/index.js";
    import { PREFILL } from "/first/prefill.js";
    window.mounted = mount(document.getElementById("check"), { lang: "de", answers: PREFILL }).then((w) => (window.widget = w), (e) => { window.failure = String(e); });`,
  "/first/prefill-element.html": `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>element, prefilled</title>
    <script type="module" src="/first/prefill-element.js"></script></head>
    <body><main><h1>Host</h1></main></body></html>`,
  "/first/prefill-element.js": `import "${PKG}/element.js";
    import { PREFILL } from "/first/prefill.js";
    const el = document.createElement("messenger-check");
    el.setAttribute("lang", "de");
    el.answers = PREFILL;
    document.querySelector("main").append(el);`,
  "/first/prefill.js": `export const PREFILL = ${JSON.stringify({ sector: "health", audience: ["customers", "internal"], messenger: "whatsapp", usage_policy: "written" })};`,
};

/** Serves the test site (the package installed from the tarball) under `csp`; the pages above
 * are routed in each test (`routePages`). */
function site(csp) {
  return serve({ root: SITE(), csp: () => csp });
}

/** Fulfils /first/* with PAGES (or `html` for other paths there), under `csp`. */
async function routePages(page, csp, html = null, hold = null) {
  await page.route("**/first/*", async (route) => {
    const p = new URL(route.request().url()).pathname;
    const js = p.endsWith(".js");
    if (js && hold) await hold;
    await route.fulfill({
      status: 200,
      contentType: js ? "text/javascript" : "text/html; charset=utf-8",
      headers: { "Content-Security-Policy": csp },
      body: PAGES[p] ?? html,
    });
  });
}

/** A page whose .wasm responses wait until `release()` is called. */
async function heldPage(context) {
  const page = await context.newPage();
  let release;
  const released = new Promise((r) => (release = r));
  let asked = 0;
  await page.route("**/*.wasm", async (route) => {
    asked++;
    await released;
    await route.continue();
  });
  return { page, release, asked: () => asked };
}

/** The root the widget lives in (run in the page): the element's shadow root, or the document. */
const rootOf = (kind) => (kind === "element" ? document.querySelector("messenger-check")?.shadowRoot : document);

/**
 * Opens `path` (a page of PAGES) under the strict policy with Trusted Types, with the .wasm held
 * back until `release()`, runs `body({ page, release, asked })`, and then checks that there was
 * no violation, no console message, no error and no request to another origin.
 */
async function onHeldPage(path, body) {
  const server = await site(TRUSTED_TYPES_CSP);
  const browser = await launch();
  const { context, log } = await newContext(browser);
  try {
    const held = await heldPage(context);
    const { page } = held;
    await page.addInitScript(`window.rootOf = ${rootOf.toString()};`);
    await routePages(page, TRUSTED_TYPES_CSP);
    await page.goto(server.url(path));
    await body(held);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(foreignRequests(log, [server.origin]), []);
  } finally {
    await context.close();
    await browser.close();
    await server.close();
  }
}

async function firstScreenThenTakeover(kind, path, lang) {
  return onHeldPage(path, async ({ page, release, asked }) => {
    const root = kind;
    // The questions are there while the WebAssembly is held back.
    await until(
      () =>
        page.evaluate((r) => {
          const root = window.rootOf(r);
          return root && root.querySelectorAll("fieldset").length > 5;
        }, root),
      "the painted questions",
    );
    assert.ok(asked() >= 1, "the .wasm was asked for (and is held back)");
    const painted = await page.evaluate((r) => {
      const root = window.rootOf(r);
      const screen = root.querySelector(".mc-pre");
      const input = root.querySelector('input[name="messenger"][value="whatsapp"]');
      input.__mark = "painted";
      input.click();
      input.focus();
      return {
        screen: !!screen,
        lang: screen?.lang,
        live: !!root.querySelector(".mc-root"),
        checked: input.checked,
        legend: root.querySelector("legend")?.textContent,
      };
    }, root);
    assert.deepEqual(
      { screen: painted.screen, lang: painted.lang, live: painted.live, checked: painted.checked },
      { screen: true, lang, live: false, checked: true },
    );
    assert.ok(painted.legend && painted.legend.length > 5, "the questions have their text");
    // The WebAssembly arrives and takes the same nodes over: the click is scored.
    release();
    const after = await until(
      () =>
        page.evaluate((r) => {
          const root = window.rootOf(r);
          const live = root.querySelector(".mc-root");
          const score = live?.querySelector("output.mc-score")?.textContent;
          const input = root.querySelector('input[name="messenger"][value="whatsapp"]');
          const answers = document.querySelector("messenger-check")?.answers ?? window.widget?.answers();
          return live && answers && answers.messenger
            ? {
                score,
                kept: input.__mark,
                checked: input.checked,
                answers,
                focused: (root.activeElement || document.activeElement) === input,
                screens: root.querySelectorAll(".mc-pre").length,
              }
            : null;
        }, root),
      "the takeover to score the click",
      30000,
    );
    assert.equal(after.kept, "painted", "the painted input is the live one (adopted, not replaced)");
    assert.equal(after.checked, true);
    assert.equal(after.focused, true, "the focus stayed");
    assert.equal(after.answers.messenger, "whatsapp", "the click made before the WebAssembly is an answer");
    assert.equal(after.screens, 0);
    assert.ok(Number(after.score) > 0, `scored: ${after.score}`);
  });
}

test("<messenger-check> paints the questions before the WebAssembly and keeps a click made then", T, () =>
  firstScreenThenTakeover("element", "/first/element.html", "de"),
);

test("mount() paints the questions before the WebAssembly and keeps a click made then", T, () =>
  firstScreenThenTakeover("mount", "/first/mount.html", "en"),
);

/** Prefilled answers on the first screen: checked before the WebAssembly arrives, and after the
 * takeover the answers are the prefilled ones with the visitor's changes (a list unticked
 * completely stays unticked), scored by the engine. With `reassign`, the element's answers are
 * set again before the WebAssembly arrives: the new ones win over the prefilled ticks the
 * visitor left alone, and the ticks on the screen follow the answers. */
async function prefilledThenTakeover(kind, path, reassign = null, untick = ["customers", "internal"], expected = null) {
  return onHeldPage(path, async ({ page, release }) => {
    const checked = () =>
      page.evaluate((r) => {
        const root = window.rootOf(r);
        if (!root || root.querySelectorAll(".mc-pre fieldset").length < 5) return null;
        return [...root.querySelectorAll(".mc-pre input:checked")].map((i) => `${i.name}=${i.value}`).sort();
      }, kind);
    const before = await until(checked, "the painted, prefilled questions");
    assert.deepEqual(before, ["audience=customers", "audience=internal", "messenger=whatsapp", "sector=health", "usage_policy=written"]);
    // The visitor unticks boxes of a prefilled list and answers another question.
    await page.evaluate(
      ([r, untick]) => {
        const root = window.rootOf(r);
        for (const v of untick) root.querySelector(`.mc-pre input[name="audience"][value="${v}"]`).click();
        root.querySelector('.mc-pre input[name="content"][value="appointments"]').click();
      },
      [kind, untick],
    );
    if (reassign) {
      await page.evaluate((a) => (document.querySelector("messenger-check").answers = a), reassign);
      // The screen shows them at once (where the visitor has not changed a question).
      if (reassign.sector)
        await until(
          () =>
            page.evaluate(([r, v]) => window.rootOf(r).querySelector(`.mc-pre input[name="sector"][value="${v}"]`)?.checked, [kind, reassign.sector]),
          "the new answers on the first screen",
        );
    }
    release();
    const after = await until(
      () =>
        page.evaluate(
          async ([r, pkg]) => {
            const root = window.rootOf(r);
            const live = root.querySelector(".mc-root");
            const answers = document.querySelector("messenger-check")?.answers ?? window.widget?.answers();
            if (!live || !answers || !answers.content) return null;
            const { evaluate } = await import(`${pkg}/index.js`);
            return {
              answers,
              score: live.querySelector("output.mc-score")?.textContent,
              expected: String((await evaluate(answers, { lang: "de" })).score),
              audience: [...root.querySelectorAll('input[name="audience"]:checked')].length,
            };
          },
          [kind, PKG],
        ),
      "the takeover with the prefilled answers",
      30000,
    );
    expected ??= reassign
      ? { ...reassign, content: ["appointments"] }
      : { sector: "health", messenger: "whatsapp", usage_policy: "written", content: ["appointments"] };
    assert.deepEqual(after.answers, expected);
    assert.equal(after.audience, [expected.audience ?? []].flat().length, "the visitor's unticking stays");
    // What is ticked is what is answered (no prefilled tick left over from before).
    await until(
      async () =>
        JSON.stringify(
          await page.evaluate(
            (r) => [...window.rootOf(r).querySelectorAll(".mc-root input:checked")].map((i) => `${i.name}=${i.value}`).sort(),
            kind,
          ),
        ) ===
        JSON.stringify(
          Object.entries(expected)
            .flatMap(([q, v]) => [v].flat().map((o) => `${q}=${o}`))
            .sort(),
        ),
      "the ticks to follow the answers",
    );
    await until(
      async () => (await page.evaluate((r) => window.rootOf(r).querySelector(".mc-root output.mc-score")?.textContent, kind)) === after.expected,
      `the engine's score ${after.expected}`,
    );
  });
}

test("mount() with prefilled answers paints them checked before the WebAssembly; the visitor's changes meanwhile are kept", T, () =>
  prefilledThenTakeover("mount", "/first/prefill-mount.html"),
);

test("<messenger-check> with prefilled answers paints them checked before the WebAssembly; the visitor's changes meanwhile are kept", T, () =>
  prefilledThenTakeover("element", "/first/prefill-element.html"),
);

test("<messenger-check> given new answers before the WebAssembly: they win over the prefilled ticks, the visitor's changes are kept", T, () =>
  prefilledThenTakeover("element", "/first/prefill-element.html", { sector: "trade", usage_policy: "none" }),
);

test("a prefilled list changed by the visitor and then given anew before the WebAssembly: the visitor's unticking applies to the new list", T, () =>
  prefilledThenTakeover("element", "/first/prefill-element.html", { sector: "trade", audience: ["customers", "partners"] }, ["customers"], {
    sector: "trade",
    audience: ["partners"],
    content: ["appointments"],
  }),
);

test("<messenger-check> removed before the WebAssembly arrives leaves no screen and no stylesheet; connected again, one widget", T, async () => {
  const server = await site(TRUSTED_TYPES_CSP);
  const browser = await launch();
  const { context, log } = await newContext(browser);
  try {
    const { page, release } = await heldPage(context);
    await routePages(page, TRUSTED_TYPES_CSP);
    await page.goto(server.url("/first/element.html"));
    await until(
      () => page.evaluate(() => document.querySelector("messenger-check")?.shadowRoot?.querySelectorAll("fieldset").length > 5),
      "the painted questions",
    );
    const painted = await page.evaluate(() => {
      const el = document.querySelector("messenger-check");
      window.el = el;
      window.root = el.shadowRoot;
      const sheets = window.root.adoptedStyleSheets.length;
      el.remove();
      return sheets;
    });
    assert.equal(painted, 1, "the painted screen has the widget's stylesheet");
    // The WebAssembly arrives after the element has gone: its mount is dropped, with its styles.
    release();
    const state = () =>
      page.evaluate(() => ({
        sheets: window.root.adoptedStyleSheets.length,
        points: window.root.querySelectorAll(".mc-host").length,
        widgets: window.root.querySelectorAll(".mc-root").length,
        documentSheets: document.adoptedStyleSheets.length,
      }));
    await until(async () => (await state()).points === 0, "the dropped mount", 30000);
    await page.waitForTimeout(300);
    assert.deepEqual(await state(), { sheets: 0, points: 0, widgets: 0, documentSheets: 0 });
    // Connected again: one live widget with one stylesheet.
    await page.evaluate(() => document.querySelector("main").append(window.el));
    await until(async () => (await state()).widgets === 1, "the widget after the new connect", 30000);
    await page.waitForTimeout(300);
    assert.deepEqual(await state(), { sheets: 1, points: 1, widgets: 1, documentSheets: 0 });
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
    await browser.close();
    await server.close();
  }
});

test("embed.html: prerendered questions before the WebAssembly, the click kept", T, async () => {
  const server = await serve({ root: DIST(), csp: () => TRUSTED_TYPES_CSP });
  const browser = await launch();
  const { context, log } = await newContext(browser);
  try {
    const { page, release } = await heldPage(context);
    await page.goto(server.url("/embed.html?lang=en"));
    // Before any WebAssembly: the English screen shows, the German one is hidden.
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll(".mc-pre")].filter((s) => getComputedStyle(s).display !== "none").map((s) => s.lang),
    );
    assert.deepEqual(shown, ["en"]);
    await page.locator('.mc-pre[lang="en"] input[name="messenger"][value="whatsapp"]').check();
    release();
    await page.locator("#messenger-check > .mc-root output.mc-score").waitFor();
    const after = await until(
      () =>
        page.evaluate(() => {
          const input = document.querySelector('#messenger-check input[name="messenger"][value="whatsapp"]');
          const score = document.querySelector("#messenger-check output.mc-score")?.textContent;
          return input?.checked && Number(score) > 0
            ? { score, screens: document.querySelectorAll(".mc-pre").length, lang: document.querySelector("#messenger-check .mc")?.lang }
            : null;
        }),
      "the click to be scored",
    );
    assert.deepEqual({ screens: after.screens, lang: after.lang }, { screens: 0, lang: "en" });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.console, []);
    assert.deepEqual(foreignRequests(log, [server.origin]), []);
  } finally {
    await context.close();
    await browser.close();
    await server.close();
  }
});

test("without 'wasm-unsafe-eval' the painted questions stay, with a note why there is no result", T, async () => {
  const server = await site(NO_WASM_CSP);
  const browser = await launch();
  const { context, log } = await newContext(browser);
  try {
    for (const [path, root] of [
      ["/first/element.html", "element"],
      ["/first/mount.html", "mount"],
    ]) {
      const page = await context.newPage();
      await page.addInitScript(`window.rootOf = ${rootOf.toString()};`);
      await routePages(page, NO_WASM_CSP);
      await page.goto(server.url(path));
      const seen = await until(
        () =>
          page.evaluate((r) => {
            const root = window.rootOf(r);
            const note = root?.querySelector('.mc-error[role="alert"]');
            return note ? { note: note.textContent, fieldsets: root.querySelectorAll(".mc-pre fieldset").length } : null;
          }, root),
        `the note on ${path}`,
      );
      assert.match(seen.note, /WebAssembly/);
      assert.ok(seen.fieldsets > 5, "the questions stay readable");
      await page.close();
    }
    // The only errors are the refused WebAssembly's, reported as such.
    assert.ok(
      log.console.every((m) => /WebAssembly|wasm|Content Security Policy|messenger-check/i.test(m)),
      JSON.stringify(log.console),
    );
    assert.deepEqual(foreignRequests(log, [server.origin]), []);
  } finally {
    await context.close();
    await browser.close();
    await server.close();
  }
});

// The server's shadow root is closed, as the element's own is; the tests look inside an open
// copy of it (as a page that chose an open root: the element takes that over too), and check
// the closed one as shipped from outside.
test("a server's HTML (messenger-check/server) shows the questions before any script; the element takes them over", T, async () => {
  const server = await import(pathToFileURL(join(SITE(), "node_modules", "messenger-check", "server.js")).href);
  const html = await server.elementHTML({ lang: "de", stylesheet: `${PKG}/style.css` });
  assert.match(html, /^<messenger-check lang="de"><template shadowrootmode="closed"><link rel="stylesheet"/);
  assert.ok(!/<script|style=/.test(html), "no script, no style attribute");
  const inner = await server.mountHTML({ lang: "en" });
  assert.match(inner, /^<div class="mc-pre" lang="en"/);
  await assert.rejects(server.elementHTML({ lang: "fr" }), /option `lang`/);
  const page = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>ssr</title>
    <script type="module" src="/first/element.js"></script></head><body><main>${html.replace('shadowrootmode="closed"', 'shadowrootmode="open"')}</main></body></html>`;
  const http = await site(TRUSTED_TYPES_CSP);
  const browser = await launch();
  const { context, log } = await newContext(browser);
  try {
    const { page: p, release } = await heldPage(context);
    let scriptsHeld;
    const scripts = new Promise((r) => (scriptsHeld = r));
    await routePages(p, TRUSTED_TYPES_CSP, page, scripts);
    // (A held module script holds DOMContentLoaded back too: wait for the response only.)
    await p.goto(http.url("/first/ssr.html"), { waitUntil: "commit" });
    // No script has run: the server's questions are there, styled by the linked stylesheet.
    const before = await until(
      () =>
        p.evaluate(() => {
          const root = document.querySelector("messenger-check").shadowRoot;
          const legend = root?.querySelector("legend");
          return (
            legend && {
              fieldsets: root.querySelectorAll("fieldset").length,
              defined: !!customElements.get("messenger-check"),
              styled: getComputedStyle(root.querySelector(".mc")).display !== "inline",
            }
          );
        }),
      "the server's questions",
    );
    assert.equal(before.defined, false, "before any script");
    assert.ok(before.fieldsets > 5);
    await p.evaluate(() => document.querySelector("messenger-check").shadowRoot.querySelector('input[name="messenger"][value="signal"]').click());
    scriptsHeld();
    release();
    const answers = await until(
      () =>
        p.evaluate(() => {
          const el = document.querySelector("messenger-check");
          return el.widget && el.shadowRoot.querySelector(".mc-root") && el.answers.messenger ? el.answers : null;
        }),
      "the takeover to bring in the click",
    );
    assert.equal(answers.messenger, "signal");
    assert.equal(
      await p.evaluate(() => document.querySelector("messenger-check").shadowRoot.querySelectorAll(".mc-pre, .mc-host").length),
      1,
      "the server's point is used, no second widget",
    );
    assert.deepEqual(await violations(p), []);
    assert.deepEqual(log.console, []);
    assert.deepEqual(foreignRequests(log, [http.origin]), []);
  } finally {
    await context.close();
    await browser.close();
    await http.close();
  }
});

test(
  "a server's closed declarative shadow root: the questions before any script, a click then kept by the element's takeover, still closed",
  T,
  async () => {
    const server = await import(pathToFileURL(join(SITE(), "node_modules", "messenger-check", "server.js")).href);
    const html = await server.elementHTML({ lang: "de", stylesheet: `${PKG}/style.css` });
    const pageOf = (h) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>ssr</title>
    <script type="module" src="/first/element.js"></script></head><body><main>${h}</main></body></html>`;
    const http = await site(TRUSTED_TYPES_CSP);
    const browser = await launch();
    // (Tall enough that the option is in view without scrolling.)
    const { context, log } = await newContext(browser, { closedShadow: true, viewport: { width: 1200, height: 2400 } });
    try {
      // Where the "Signal" option is: the same HTML with an open root lays out the same, before
      // any script (scripts held back on both pages).
      const never = new Promise(() => {});
      const open = await context.newPage();
      await routePages(open, TRUSTED_TYPES_CSP, pageOf(html.replace('shadowrootmode="closed"', 'shadowrootmode="open"')), never);
      await open.goto(http.url("/first/ssr.html"), { waitUntil: "commit" });
      const spot = await until(
        () =>
          open.evaluate(() => {
            const el = document.querySelector("messenger-check");
            const input = el.shadowRoot?.querySelector('input[name="messenger"][value="signal"]');
            const label = input && (input.closest("label") || el.shadowRoot.querySelector(`label[for="${input.id}"]`));
            const r = label && label.getBoundingClientRect();
            return r && r.height > 0 && getComputedStyle(el.shadowRoot.querySelector(".mc")).display !== "inline"
              ? { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2, height: el.getBoundingClientRect().height }
              : null;
          }),
        "the option's place",
      );
      await open.close();

      const { page: p, release } = await heldPage(context);
      let scriptsHeld;
      const scripts = new Promise((r) => (scriptsHeld = r));
      await routePages(p, TRUSTED_TYPES_CSP, pageOf(html), scripts);
      await p.goto(http.url("/first/ssr.html"), { waitUntil: "commit" });
      // Closed: the page sees no shadow root, but the questions take their room, laid out alike.
      const before = await until(
        () =>
          p.evaluate((h) => {
            const el = document.querySelector("messenger-check");
            const height = el && el.getBoundingClientRect().height;
            return Math.abs(height - h) < 1 && { open: el.shadowRoot !== null, defined: !!customElements.get("messenger-check") };
          }, spot.height),
        "the server's questions",
      );
      assert.equal(before.defined, false, "before any script");
      assert.equal(before.open, false, "closed");
      await p.mouse.click(spot.x, spot.y);
      scriptsHeld();
      release();
      const after = await until(
        () =>
          p.evaluate(() => {
            const el = document.querySelector("messenger-check");
            return el.widget && el.answers.messenger
              ? { answers: el.answers, open: el.shadowRoot !== null, score: typeof el.assessment().score }
              : null;
          }),
        "the takeover to bring in the click",
      );
      assert.equal(after.answers.messenger, "signal", "the click on the closed root's screen was kept");
      assert.equal(after.open, false, "still closed");
      assert.equal(after.score, "number", "scored");
      assert.deepEqual(await violations(p), []);
      assert.deepEqual(log.console, []);
      assert.deepEqual(foreignRequests(log, [http.origin]), []);
    } finally {
      await context.close();
      await browser.close();
      await http.close();
    }
  },
);
