// The privacy promise, tried as an attacker and as a careless host would (issue 21): "nothing
// typed into the widget leaves the browser".
//   - a theme link with var() and url() makes no request to another origin, with no CSP at all;
//   - a page on another origin that frames embed.html as shipped hears nothing, and a listed
//     one hears only heights in steps;
//   - nobody but the sites listed in embed.html can put a call to action into the frame;
//   - lists of length 2^31 and 10^8 are an Error at once, and the other widgets keep working;
//   - a panic replaces only the widget that panicked, which offers a reload, and the others go on;
//   - <messenger-check> shows the page nothing it was not asked for: closed shadow root, no
//     document-wide `change`, no answers in the address.
// Every page is checked for CSP violations, page errors and requests to other origins, as in
// the rest of the suite; an "other origin" here is a real server on another port that counts
// what it is asked.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ASSESS, DIST, SITE, STRICT_CSP, foreignRequests, launch, newContext, serve, until, violations } from "./lib.mjs";

const PKG = "/node_modules/messenger-check/index.js";
const ELEMENT = "/node_modules/messenger-check/element.js";
const T = { timeout: 120_000 };
/** The embed.html meta tag that lists the sites embedding the frame, as shipped. */
const SHIPPED_HOSTS = '<meta name="messenger-check-hosts" content="">';
const CSP_META = /\s*<!-- The policy the page is built for[\s\S]*?<meta http-equiv="Content-Security-Policy"[^>]*>/;

let browser;
/** Another origin, counting every request it gets. */
let other;
/** The npm package on an example site, with no Content-Security-Policy at all. */
let bare;
/** The same site with the strict policy. */
let strict;

before(async () => {
  const empty = mkdtempSync(join(tmpdir(), "mc-other-"));
  other = await serve({ root: empty, csp: () => null });
  bare = await serve({ root: SITE(), csp: () => null });
  strict = await serve({ root: SITE() });
  const blank = join(SITE(), "privacy");
  mkdirSync(blank, { recursive: true });
  writeFileSync(
    join(blank, "index.html"),
    '<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>privacy</title></head><body><main></main></body></html>\n',
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all([other?.close(), bare?.close(), strict?.close()]);
});

function cli(answers) {
  return JSON.parse(execFileSync(ASSESS(), ["--lang", "de"], { input: JSON.stringify(answers) }).toString());
}

/** Opens `path` on `server` in a fresh context (options go to newContext). */
async function open(server, path, options) {
  const { context, log } = await newContext(browser, options);
  const page = await context.newPage();
  await page.goto(server.url(path));
  return { context, log, page };
}

test("a theme with var() and url() makes no request to another origin, even with no CSP at all", T, async () => {
  const target = `//127.0.0.1:${new URL(other.origin).port}/theme.png`;
  const hostile = [
    `var(--x, red) url(${target})`,
    `red url(${target})`,
    `var(--mc-missing) image-set("${target}" 1x)`,
    `v\\61r(--x, red) u\\72l(${target})`,
  ];
  // 1. mount() on a page without any policy: each value is an Error naming its field; a value
  // the browser resolves (a real colour) is set as the colour it computed.
  const { context, log, page } = await open(bare, "/privacy/");
  try {
    const r = await page.evaluate(
      async ({ pkg, hostile }) => {
        const { mount } = await import(pkg);
        // The old check let these through: CSS.supports accepts anything with var().
        const supported = CSS.supports("color", hostile[0]);
        const errors = [];
        for (const value of hostile) {
          for (const field of ["background", "accent", "text"]) {
            const host = document.createElement("div");
            document.querySelector("main").append(host);
            try {
              (await mount(host, { theme: { [field]: value } })).destroy();
              errors.push(`accepted ${field}: ${value}`);
            } catch (e) {
              errors.push(e.message);
            }
          }
        }
        const host = document.createElement("div");
        document.querySelector("main").append(host);
        const w = await mount(host, { theme: { background: "#fffbe6", accent: "rebeccapurple" } });
        let later = "no error";
        try {
          w.setTheme({ background: hostile[0] });
        } catch (e) {
          later = e.message;
        }
        const style = host.querySelector(".mc-root").getAttribute("style");
        await new Promise((r) => setTimeout(r, 500));
        return { supported, errors, later, style, bg: getComputedStyle(host.querySelector(".mc")).backgroundColor };
      },
      { pkg: PKG, hostile },
    );
    assert.equal(r.supported, true, "CSS.supports alone would have let the attack through");
    for (const e of r.errors) assert.match(e, /^messenger-check: option `theme\.(background|accent|text)`: .* is not a valid CSS color value$/, e);
    assert.match(r.later, /setTheme: `theme\.background`/);
    assert.match(r.style, /--mc-bg: rgb\(255, 251, 230\)/, "the computed colour, not the text");
    assert.match(r.style, /--mc-accent: rgb\(102, 51, 153\)/);
    assert.equal(r.bg, "rgb(255, 251, 230)");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }

  // 2. embed.html, served without a CSP header and with its CSP meta tag taken out: a link
  // with the hostile colours in its query.
  const widget = await serve({
    root: DIST(),
    csp: () => null,
    rewrite: (path, text) => (path === "/embed.html" ? text.replace(CSP_META, "") : text),
  });
  const frame = await newContext(browser);
  try {
    const p = await frame.context.newPage();
    const q = new URLSearchParams({ lang: "en", background: hostile[0], accent: hostile[1], text: hostile[3] });
    await p.goto(widget.url(`/embed.html?${q}`));
    // The live widget (embed.html arrives with a prerendered screen per language).
    await p.locator(".mc-root output.mc-score").waitFor();
    assert.equal(await p.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')), null, "no policy at all");
    await p.locator('input[name="sector"][value="health"]').check();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector(".mc")).backgroundImage), "none");
    assert.deepEqual(foreignRequests(frame.log, [widget.origin]), []);
    assert.deepEqual(frame.log.pageErrors, []);
  } finally {
    await frame.context.close();
    await widget.close();
  }
  assert.deepEqual(other.requests, [], "the other origin was never asked");
});

test("embed.html and index.html carry the strict policy themselves", T, async () => {
  const widget = await serve({ root: DIST(), csp: () => null });
  const { context, log } = await newContext(browser);
  try {
    for (const path of ["/embed.html", "/?lang=en"]) {
      const page = await context.newPage();
      await page.goto(widget.url(path));
      await page.locator("output.mc-score").first().waitFor();
      const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
      assert.equal(policy, STRICT_CSP, path);
      // An injected inline script and a request elsewhere are refused by the page's own policy.
      const blocked = await page.evaluate(async (target) => {
        const s = document.createElement("script");
        s.textContent = "window.__inline = true";
        document.head.append(s);
        const img = new Image();
        const done = new Promise((r) => {
          img.onerror = () => r("blocked");
          img.onload = () => r("loaded");
        });
        img.src = target;
        return { inline: window.__inline === true, img: await done };
      }, `${other.origin}/probe.png`);
      assert.deepEqual(blocked, { inline: false, img: "blocked" }, path);
      await page.close();
    }
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
    await widget.close();
  }
  assert.deepEqual(other.requests, []);
});

/** An attacker's page on another origin that frames embed.html and says hello, recording every message. */
async function attacker(widgetOrigin, query = "lang=en") {
  const dir = mkdtempSync(join(tmpdir(), "mc-attacker-"));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>a</title><script src="a.js" defer></script></head><body>
<iframe id="f" src="${widgetOrigin}/embed.html?${query}" title="x" style="width:800px;height:600px;border:0"></iframe></body></html>\n`,
  );
  writeFileSync(
    join(dir, "a.js"),
    `window.__seen = [];
window.addEventListener("message", (e) => window.__seen.push({ origin: e.origin, data: e.data }));
const f = document.getElementById("f");
const hello = () => f.contentWindow.postMessage({ type: "messenger-check:hello" }, "*");
f.addEventListener("load", hello);
setInterval(hello, 200);\n`,
  );
  return serve({ root: dir, csp: () => null });
}

/** Answers some questions inside the frame, as a visitor would. */
async function answerInFrame(page) {
  const frame = page.frameLocator("#f");
  await frame.locator(".mc-root output.mc-score").waitFor();
  await frame.locator('input[name="sector"][value="health"]').check();
  await frame.locator('input[name="audience"][value="customers"]').check();
  await frame.locator('input[name="messenger"][value="whatsapp"]').check();
  await frame.locator('input[name="contact_access"][value="granted"]').check();
  await new Promise((r) => setTimeout(r, 1000));
}

test("a page on another origin framing embed.html as shipped receives no message at all", T, async () => {
  const widget = await serve({ root: DIST() });
  const evil = await attacker(widget.origin);
  const { context, log } = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(evil.url("/"));
    assert.ok((await (await fetch(widget.url("/embed.html"))).text()).includes(SHIPPED_HOSTS), "embed.html as shipped: no site listed");
    await answerInFrame(page);
    assert.deepEqual(await page.evaluate(() => window.__seen), [], "not one message, whatever was answered");
    // Nor does the frame's own address get the answers (its history is the visitor's too).
    const inner = page.frames().find((f) => f.url().startsWith(widget.origin));
    assert.equal(inner.url(), widget.url("/embed.html?lang=en"), "the frame's address as it was given");
    assert.equal(await inner.evaluate(() => location.hash), "");
    // The frame keeps the height the page gave it; the widget scrolls inside.
    assert.equal(await page.evaluate(() => document.getElementById("f").getBoundingClientRect().height), 600);
    assert.deepEqual(foreignRequests(log, [widget.origin, evil.origin]), []);
  } finally {
    await context.close();
    await evil.close();
    await widget.close();
  }
});

test("a listed site hears only the frame's height, in steps of 1,000 px, and only the height", T, async () => {
  let listed = "";
  const widget = await serve({
    root: DIST(),
    rewrite: (path, text) => (path === "/embed.html" ? text.replace(SHIPPED_HOSTS, `<meta name="messenger-check-hosts" content="${listed}">`) : text),
  });
  const host = await attacker(widget.origin);
  listed = host.origin;
  const { context } = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(host.url("/"));
    await answerInFrame(page);
    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.length > 0, "the listed site hears the height");
    for (const m of seen) {
      assert.equal(m.origin, widget.origin);
      assert.deepEqual(Object.keys(m.data).sort(), ["height", "type"]);
      assert.equal(m.data.type, "messenger-check:height");
      assert.equal(m.data.height % 1000, 0, `a step, not the content's height: ${m.data.height}`);
    }
  } finally {
    await context.close();
    await host.close();
    await widget.close();
  }
});

test("only this site and the listed sites can be a call to action's address, and // or /\\ never", T, async () => {
  let listed = "";
  const widget = await serve({
    root: DIST(),
    rewrite: (path, text) => (path === "/embed.html" ? text.replace(SHIPPED_HOSTS, `<meta name="messenger-check-hosts" content="${listed}">`) : text),
  });
  const { context, log } = await newContext(browser);
  try {
    const page = await context.newPage();
    const cta = async (url) => {
      await page.goto(widget.url(`/embed.html?${new URLSearchParams({ lang: "de", cta_de: "Jetzt Daten eingeben", cta_url: url })}`));
      await page.locator(".mc-root output.mc-score").waitFor();
      await page.waitForSelector(".mc-alternatives, .mc-keep");
      return page.evaluate(() => [...document.querySelectorAll(".mc-cta a")].map((a) => a.href));
    };
    assert.deepEqual(await cta("https://evil.example/phish"), [], "an unlisted site: no button");
    assert.deepEqual(await cta("//evil.example/phish"), []);
    assert.deepEqual(await cta("/\\evil.example/phish"), []);
    assert.deepEqual(await cta("mailto:someone@evil.example"), []);
    assert.deepEqual(await cta("/kontakt"), [widget.url("/kontakt")], "a path on this site");
    listed = "https://www.innung.example";
    assert.deepEqual(await cta("https://www.innung.example/beratung"), ["https://www.innung.example/beratung"], "a listed site");
    assert.ok(
      log.console.some((m) => m.includes("the call to action is left out")),
      "the embedder is told why",
    );
  } finally {
    await context.close();
    await widget.close();
  }
  // mount(): the same check in the engine (engine/src/overrides.rs).
  const { context: c2, page } = await open(strict, "/privacy/");
  try {
    const errors = await page.evaluate(async (pkg) => {
      const { mount } = await import(pkg);
      const out = [];
      for (const url of ["//evil.example", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)"]) {
        const host = document.createElement("div");
        document.body.append(host);
        try {
          (await mount(host, { catalog: { call_to_action: { label: { de: "x" }, url } } })).destroy();
          out.push(`accepted ${url}`);
        } catch (e) {
          out.push(e.message);
        }
      }
      return out;
    }, PKG);
    for (const e of errors) assert.match(e, /call_to_action, field `url`/, e);
  } finally {
    await c2.close();
  }
});

/** A page with three widgets (mount) and two elements, each with its own answers. */
async function manyWidgets(options) {
  const { context, log, page } = await open(strict, "/privacy/", options);
  await page.evaluate(
    async ({ pkg, element }) => {
      const { mount } = await import(pkg);
      await import(element);
      const answers = [{ sector: "trade" }, { sector: "health", messenger: "threema_work" }, { messenger: "signal" }];
      window.widgets = [];
      for (const a of answers) {
        const host = document.createElement("div");
        host.className = "w";
        document.querySelector("main").append(host);
        window.widgets.push(await mount(host, { answers: a }));
      }
      window.elements = [];
      for (const a of [{ sector: "legal_tax" }, { messenger: "telegram" }]) {
        const el = document.createElement("messenger-check");
        el.answers = a;
        document.querySelector("main").append(el);
        window.elements.push(el);
        await el.ready;
      }
    },
    { pkg: PKG, element: ELEMENT },
  );
  return { context, log, page };
}

/** Clicks an option in widget `i` (a mount) and returns its score once it changed. */
async function clickIn(page, i, question, option) {
  const before = await page.evaluate((i) => document.querySelectorAll(".w")[i].querySelector("output.mc-score").textContent, i);
  await page.locator(".w").nth(i).locator(`input[name="${question}"][value="${option}"]`).check();
  return until(async () => {
    const s = await page.evaluate((i) => document.querySelectorAll(".w")[i].querySelector("output.mc-score")?.textContent, i);
    return s !== before && Number(s);
  }, `widget ${i} to answer`);
}

test("lists of length 2^31 and 10^8 are an Error within 100 ms everywhere, and the other widgets keep working", T, async () => {
  const { context, log, page } = await manyWidgets();
  try {
    const r = await page.evaluate(async (pkg) => {
      const { evaluate, documents, mount } = await import(pkg);
      const lists = {
        "2^31": () => {
          const a = [];
          a.length = 2 ** 31;
          return a;
        },
        "10^8 sparse": () => {
          const a = [];
          a.length = 1e8;
          a[5e7] = "appointments";
          return a;
        },
      };
      const calls = {
        evaluate: (list) => evaluate({ content: list }),
        documents: (list) => documents({ messenger: "whatsapp", content: list }),
        mount: (list) => {
          const h = document.createElement("div");
          document.body.append(h);
          return mount(h, { answers: { content: list } });
        },
        setAnswers: (list) => window.widgets[0].setAnswers({ content: list }),
        element: (list) =>
          new Promise((resolve, reject) => {
            const el = window.elements[0];
            el.addEventListener("error", (e) => reject(e.error), { once: true });
            el.answers = { content: list };
            setTimeout(() => resolve("no error event"), 500);
          }),
        // The same bad answers assigned afresh, as a framework does on each render: compared
        // by length, not walked item by item (2^31 holes took 33 s).
        "element again": (list) =>
          new Promise((resolve, reject) => {
            const el = window.elements[0];
            el.addEventListener("error", (e) => reject(e.error), { once: true });
            const copy = [];
            copy.length = list.length;
            copy[5e7] = list[5e7];
            el.answers = { content: copy };
            setTimeout(() => resolve("no error event"), 500);
          }),
        // A new element given the list before it is on the page.
        "new element": (list) =>
          new Promise((resolve, reject) => {
            const el = document.createElement("messenger-check");
            el.addEventListener(
              "error",
              (e) => {
                el.remove();
                reject(e.error);
              },
              { once: true },
            );
            el.answers = { content: list };
            document.querySelector("main").append(el);
            setTimeout(() => resolve("no error event"), 2000);
          }),
      };
      const out = [];
      for (const [what, make] of Object.entries(lists)) {
        for (const [call, fn] of Object.entries(calls)) {
          const list = make();
          const started = performance.now();
          let message;
          let kind;
          try {
            await fn(list);
            message = "accepted";
          } catch (e) {
            message = e.message;
            kind = e.constructor.name;
          }
          out.push({ what, call, ms: performance.now() - started, message, kind });
        }
      }
      return out;
    }, PKG);
    for (const x of r) {
      assert.equal(x.kind, "Error", `${x.call} with ${x.what}: ${x.message}`);
      assert.match(x.message, /question `content` takes at most 64 option ids \(got a list of (2147483648|100000000)\)/, `${x.call}: ${x.message}`);
      assert.ok(x.message.length < 200, x.message);
      assert.ok(x.ms < 100, `${x.call} with ${x.what}: ${x.ms.toFixed(1)} ms`);
    }
    for (const x of r) console.log(`arrays: ${x.call} with ${x.what}: Error after ${x.ms.toFixed(1)} ms`);
    console.log(`arrays: slowest error ${Math.max(...r.map((x) => x.ms)).toFixed(1)} ms`);
    // The other widgets are untouched and work.
    assert.equal(
      await clickIn(page, 1, "device", "private_phone"),
      cli({ sector: "health", messenger: "threema_work", device: "private_phone" }).score,
    );
    assert.equal(
      await clickIn(page, 0, "messenger", "whatsapp"),
      cli({ sector: "trade", messenger: "whatsapp" }).score,
      "the one given the bad list too",
    );
    assert.deepEqual(await page.evaluate(() => window.elements[1].answers), { messenger: "telegram" });
    assert.ok(!log.console.some((m) => m.includes("panicked")), "no panic");
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(await violations(page), []);
  } finally {
    await context.close();
  }
});

test("a panic in one widget's render replaces that widget only, with a reload; the others go on with their answers", T, async () => {
  const { context, log, page } = await manyWidgets();
  try {
    const before = await page.evaluate(() => ({
      answers: window.widgets.map((w) => w.answers()),
      element: window.elements.map((e) => e.answers),
    }));
    // A panic inside yew's render loop of widget 1, the hard case (src/bindings/panic.rs).
    await page.evaluate(() => window.widgets[1].__panicForTests());
    await page.waitForSelector(".w:nth-child(2) .mc-crashed .mc-reload");
    const crashed = page.locator(".w").nth(1);
    assert.match(await crashed.locator(".mc-crashed[role=alert] .mc-error").textContent(), /Fehler/);
    assert.equal(await crashed.locator("fieldset").count(), 0);
    // The others: mounted again in the fresh instance, as they were.
    await until(
      () =>
        page.evaluate(
          () =>
            document.querySelectorAll(".w:not(:nth-child(2)) .mc-root .mc fieldset").length > 0 &&
            window.widgets[0].answers &&
            (() => {
              try {
                return window.widgets[0].answers();
              } catch {
                return null;
              }
            })(),
        ),
      "the other widgets to come back",
    );
    const after = await page.evaluate(() => ({
      answers: [window.widgets[0].answers(), window.widgets[2].answers()],
      element: window.elements.map((e) => e.answers),
    }));
    assert.deepEqual(after.answers, [before.answers[0], before.answers[2]], "their answers kept");
    assert.deepEqual(after.element, before.element);
    assert.equal(await clickIn(page, 0, "messenger", "whatsapp"), cli({ sector: "trade", messenger: "whatsapp" }).score, "widget 0 works");
    assert.equal(await clickIn(page, 2, "device", "private_phone"), cli({ messenger: "signal", device: "private_phone" }).score, "widget 2 works");
    await page.evaluate(() => {
      window.elements[1].answers = { messenger: "whatsapp" };
    });
    await until(
      () =>
        page.evaluate(
          () =>
            window.elements[1].shadowRoot.querySelector("output.mc-score")?.textContent === String(window.elements[1].assessment().score) &&
            window.elements[1].assessment().score > 0,
        ),
      "the element to take new answers",
    );
    // The crashed one reloads itself, with the answers it was mounted with.
    await crashed.locator(".mc-reload").click();
    await until(() => page.evaluate(() => !!document.querySelectorAll(".w")[1].querySelector(".mc fieldset")), "the reload");
    assert.deepEqual(await page.evaluate(() => window.widgets[1].answers()), before.answers[1]);
    assert.equal(
      await clickIn(page, 1, "device", "private_phone"),
      cli({ sector: "health", messenger: "threema_work", device: "private_phone" }).score,
    );
    // The package's other calls go on, and an API call that ends in a panic is an Error.
    assert.equal(
      await page.evaluate(async (pkg) => (await import(pkg)).evaluate({ sector: "trade" }).then((a) => a.score), PKG),
      cli({ sector: "trade" }).score,
    );
    assert.ok(
      log.console.some((m) => m.includes("panicked") && m.includes("panic requested by the test suite")),
      "the panic is logged",
    );
    // The trap itself, uncaught in yew's render task; no callback of the dead instance ran.
    assert.deepEqual(log.pageErrors, ["RuntimeError: unreachable"]);
    assert.deepEqual(await violations(page), []);
  } finally {
    await context.close();
  }
});

test(
  "<messenger-check> shows the page only what it asks for: closed shadow root, change on the element only, nothing in the address",
  T,
  async () => {
    const { context, log, page } = await open(strict, "/privacy/", { closedShadow: true });
    try {
      const r = await page.evaluate(async (element) => {
        await import(element);
        const seen = { bubbling: 0, window: 0, element: [] };
        document.addEventListener("change", () => seen.bubbling++);
        window.addEventListener("change", () => seen.window++);
        const el = document.createElement("messenger-check");
        el.addEventListener("change", (e) => seen.element.push(e.detail.score));
        document.querySelector("main").append(el);
        await el.ready;
        el.answers = { sector: "health", messenger: "whatsapp", device: "private_phone" };
        await new Promise((r) => setTimeout(r, 500));
        // What a script walking the page (a session recorder) finds: no question, no answer.
        const found = [];
        const walk = (root) => {
          for (const n of root.querySelectorAll("*")) {
            if (n.matches("input, fieldset, output")) found.push(n.tagName);
            if (n.shadowRoot) walk(n.shadowRoot);
          }
        };
        walk(document);
        return {
          shadowRoot: el.shadowRoot,
          seen,
          found,
          text: document.body.innerText.includes("WhatsApp"),
          hash: location.hash,
          score: el.assessment().score,
        };
      }, ELEMENT);
      assert.equal(r.shadowRoot, null, "closed");
      assert.deepEqual(r.found, [], "nothing of the widget for a DOM walker");
      // Not bubbling: a listener on the document or the window (a form tracker, say) never hears
      // it; only one that listens in the capture phase sees that the element changed (README).
      assert.equal(r.seen.bubbling, 0, "no change event bubbles up to the document");
      assert.equal(r.seen.window, 0);
      assert.ok(r.seen.element.includes(r.score), "the element's own listener gets the assessment");
      assert.equal(r.hash, "");
      assert.deepEqual(foreignRequests(log, [strict.origin]), []);
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  },
);

test("mount() with shareLink: the host's address gets the answers only when the visitor asks, and loses them on forget", T, async () => {
  const { context, log, page } = await open(strict, "/privacy/?from=host");
  try {
    await page.evaluate(async (pkg) => {
      const { mount } = await import(pkg);
      const host = document.createElement("div");
      host.className = "w";
      document.querySelector("main").append(host);
      window.w = await mount(host, { shareLink: true, lang: "en" });
    }, PKG);
    await page.locator('.w input[name="messenger"][value="whatsapp"]').check();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await page.evaluate(() => location.href), strict.url("/privacy/?from=host"), "answering: the host's address unchanged");
    await page.click(".w .mc-share-button");
    await until(() => page.evaluate(() => location.hash === "#v=1&messenger=whatsapp"), "the link in the address");
    assert.equal(await page.inputValue(".w .mc-share-link"), strict.url("/privacy/?from=host#v=1&messenger=whatsapp"));
    await page.click(".w .mc-forget");
    await until(() => page.evaluate(() => location.href === `${location.origin}/privacy/?from=host`), "the answers out of the address");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("1,000 widgets on one page all finish mounting and work", { timeout: 900_000 }, async () => {
  const { context, log, page } = await open(strict, "/privacy/");
  try {
    const r = await page.evaluate(async (pkg) => {
      const { mount } = await import(pkg);
      await mount(document.createElement("div")).then((w) => w.destroy());
      const started = performance.now();
      const hosts = Array.from({ length: 1000 }, () => {
        const h = document.createElement("div");
        h.className = "w";
        document.querySelector("main").append(h);
        return h;
      });
      const widgets = await Promise.all(hosts.map((h) => mount(h)));
      const seconds = (performance.now() - started) / 1000;
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      return {
        seconds,
        widgets: widgets.filter((w) => !w.destroyed).length,
        questions: document.querySelectorAll(".w fieldset").length,
        unique: new Set(ids).size === ids.length,
      };
    }, PKG);
    console.log(`1,000 widgets mounted in ${r.seconds.toFixed(1)} s`);
    assert.equal(r.widgets, 1000);
    assert.ok(r.unique, "every id once");
    assert.equal(r.questions % 1000, 0);
    assert.equal(await clickIn(page, 999, "messenger", "whatsapp"), cli({ messenger: "whatsapp" }).score, "the last one works");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
