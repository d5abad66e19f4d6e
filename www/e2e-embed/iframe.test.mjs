// The iframe way (www/examples/iframe/ + dist/embed.html): the host page's policy forbids
// WebAssembly; the frame comes from the widget's own origin (another port here) and the
// host page's helper (messenger-check-frame.js, from the widget's origin) sizes it to its content
// through origin-checked messages, for a host listed in embed.html (as the embed builder writes
// it; as shipped, no host is listed: www/e2e-embed/privacy.test.mjs), in steps of 1,000 px.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, SITE, STRICT_CSP, foreignRequests, launch, newContext, serve, until, violations } from "./lib.mjs";

let widgetServer;
let hostServer;
let browser;

/** The host's origin, listed in embed.html. */
let listed = "";

before(async () => {
  widgetServer = await serve({
    root: DIST(),
    rewrite: (path, text) =>
      path === "/embed.html"
        ? text.replace('<meta name="messenger-check-hosts" content="">', `<meta name="messenger-check-hosts" content="${listed}">`)
        : text,
  });
  hostServer = await serve({
    root: SITE(),
    // No 'wasm-unsafe-eval' for the host: only the frame runs WebAssembly.
    csp: () => `default-src 'self'; script-src 'self' ${widgetServer.origin}; style-src 'self'; frame-src ${widgetServer.origin}`,
    rewrite: (_path, text) => text.replaceAll("https://check.example.org", widgetServer.origin),
  });
  listed = hostServer.origin;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await hostServer?.close();
  await widgetServer?.close();
});

function frameHeight(page) {
  return page.evaluate(() => document.querySelector("iframe[data-messenger-check]").getBoundingClientRect().height);
}

test("the helper sizes the frame to its content (in steps of 1,000 px), and again after answering", async () => {
  const { context, log } = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(hostServer.url("/examples/iframe/"));
    const frame = page.frameLocator("iframe[data-messenger-check]");
    await frame.locator(".mc-root output.mc-score").waitFor();
    // The page's CSS gives 40rem (640px); the helper replaces it with the content's height,
    // rounded up to a step of 1,000 px (www/embed.js: what a listed host learns is coarse). The
    // content may still grow while the widget builds: wait until the frame has followed.
    const inner = () =>
      page
        .frames()
        .find((f) => f.url().includes("/embed.html"))
        .evaluate(() => document.documentElement.scrollHeight);
    const fits = async () => {
      const [h, c] = [await frameHeight(page), await inner()];
      return h !== 640 && h % 1000 === 0 && h >= c && h - c < 1000 && h;
    };
    const first = await until(fits, "the helper to size the frame to its content");

    // Answering opens more questions: the content grows and the frame follows.
    await frame.locator('input[name="audience"][value="customers"]').check();
    await frame.locator('input[name="messenger"][value="whatsapp"]').check();
    await frame.locator('input[name="contact_access"][value="granted"]').check();
    const second = await until(async () => {
      const h = await fits();
      return h !== first && h;
    }, "the frame height to follow the content after answering");
    assert.ok(second > first, `the frame grew: ${first}px -> ${second}px`);

    // Neither page broke its policy; the only other origin is the widget's own.
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreignRequests(log, [hostServer.origin, widgetServer.origin]), []);
    const hostRequests = log.requests.filter((u) => u.startsWith(hostServer.origin));
    assert.ok(
      hostRequests.every((u) => !u.endsWith(".wasm")),
      "the host page loads no WebAssembly",
    );
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("the frame answers only a hello from its parent, only to that origin, and only with the height", async () => {
  const { context } = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(hostServer.url("/examples/iframe/"));
    await page.frameLocator("iframe[data-messenger-check]").locator(".mc-root output.mc-score").waitFor();
    const messages = await page.evaluate(async () => {
      const frame = document.querySelector("iframe[data-messenger-check]");
      const seen = [];
      window.addEventListener("message", (e) => seen.push({ origin: e.origin, data: e.data }));
      // A hello addressed to the wrong origin is never delivered; the right one is answered.
      frame.contentWindow.postMessage({ type: "messenger-check:hello" }, "http://127.0.0.1:1");
      frame.contentWindow.postMessage({ type: "messenger-check:hello" }, new URL(frame.src).origin);
      await new Promise((r) => setTimeout(r, 300));
      return seen;
    });
    assert.ok(messages.length >= 1);
    for (const m of messages) {
      assert.equal(m.origin, new URL(widgetServer.origin).origin);
      assert.deepEqual(Object.keys(m.data).sort(), ["height", "type"], "only the height is sent");
      assert.equal(m.data.type, "messenger-check:height");
    }
    // A message from another window (a popup of another origin) does not size the frame.
    const before = await frameHeight(page);
    await page.evaluate(() => window.postMessage({ type: "messenger-check:height", height: 5 }, "*"));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await frameHeight(page), before, "a height from the wrong source is ignored");
  } finally {
    await context.close();
  }
});

test("embed.html itself runs under the strict CSP with ?lang=en&theme=dark", async () => {
  const strict = await serve({ root: DIST(), csp: () => STRICT_CSP });
  const { context, log } = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(strict.url("/embed.html?lang=en&theme=dark"));
    await page.locator("#messenger-check > .mc-root output.mc-score").waitFor();
    assert.equal(await page.locator(".mc").getAttribute("lang"), "en");
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".mc")).backgroundColor), "rgb(21, 24, 28)");
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreignRequests(log, [strict.origin]), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
    await strict.close();
  }
});
