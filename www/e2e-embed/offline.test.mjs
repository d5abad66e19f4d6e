// The standalone page (dist/) registers a service worker that precaches its own files: after
// one visit, with the network off, a reload still shows the widget. Also: the page and every
// example under the strict CSP header record no violation and no request to another origin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, SITE, STRICT_CSP, foreignRequests, launch, newContext, serve, until, violations, PAGE_LIVE } from "./lib.mjs";

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test("after one visit the standalone page works offline", async () => {
  const server = await serve({ root: DIST(), csp: () => STRICT_CSP });
  const { context, log } = await newContext(browser, { serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    await page.goto(server.url("/?lang=en"));
    await page.locator(`${PAGE_LIVE} output.mc-score`).waitFor();
    // The worker is installed (precache done) and controls the page.
    const cache = await until(
      () => page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller || reg.active?.state !== "activated") return null;
        const keys = await caches.keys();
        const cached = keys.length ? (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname) : [];
        return { keys, cached };
      }),
      "the service worker to take control",
      20000,
    );
    assert.equal(cache.keys.length, 1);
    assert.match(cache.keys[0], /^messenger-check-[0-9a-f]{16}$/, "a versioned cache");
    for (const f of ["/", "/index.html", "/pkg/messenger_check_bg.wasm", "/pkg/messenger_check.js", "/style.css", "/boot.js"]) {
      assert.ok(cache.cached.includes(f), `${f} is precached`);
    }
    // The version in dist/sw.js was filled in by the build.
    assert.doesNotMatch(readFileSync(join(DIST(), "sw.js"), "utf8"), /__MC_VERSION__/);

    await context.setOffline(true);
    const offlineRequests = log.requests.length;
    await page.reload();
    await page.locator(`${PAGE_LIVE} output.mc-score`).waitFor({ timeout: 10000 });
    assert.ok((await page.locator("legend").count()) >= 5, "questions rendered offline");
    await page.locator('input[name="messenger"][value="whatsapp"]').check();
    await until(async () => Number(await page.locator("output.mc-score").textContent()) > 0, "a score offline");
    // The server saw nothing of the offline reload, and a cold navigation offline works too.
    await server.close();
    const page2 = await context.newPage();
    await page2.goto(server.url("/?lang=de"));
    await page2.locator(`${PAGE_LIVE} output.mc-score`).waitFor({ timeout: 10000 });
    assert.ok(log.requests.length > offlineRequests);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreignRequests(log, [server.origin]), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});

test("a new build's worker replaces the old cache and leaves other caches alone", async () => {
  let version = null; // null: dist/sw.js as built; else the version a "new build" would have
  const server = await serve({
    root: DIST(),
    csp: () => STRICT_CSP,
    rewrite: (path, text) => (path === "/sw.js" && version ? text.replace(/const VERSION = "[^"]*"/, `const VERSION = "${version}"`) : text),
  });
  const { context } = await newContext(browser, { serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    await page.goto(server.url("/"));
    const first = await until(
      () => page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        await caches.open("someone-else"); // another app's cache on the same origin
        return navigator.serviceWorker.controller ? caches.keys() : null;
      }),
      "the first worker",
      20000,
    );
    const old = first.find((k) => k.startsWith("messenger-check-"));
    assert.ok(old, `a messenger-check cache: ${first}`);
    version = "0123456789abcdef";
    const keys = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
      const next = reg.installing || reg.waiting;
      if (!next) return ["no new worker"];
      await new Promise((r) => {
        if (next.state === "activated") return r();
        next.addEventListener("statechange", () => next.state === "activated" && r());
      });
      return caches.keys();
    });
    assert.deepEqual(keys.sort(), ["messenger-check-0123456789abcdef", "someone-else"], `caches after the update (old: ${old})`);
  } finally {
    await context.close();
    await server.close();
  }
});

test("every example and page, served with the strict CSP header: no violation, no other origin", async () => {
  const site = await serve({ root: SITE(), csp: () => STRICT_CSP });
  const dist = await serve({ root: DIST(), csp: () => STRICT_CSP });
  try {
    for (const [server, path, ready] of [
      [dist, "/", `${PAGE_LIVE} output.mc-score`],
      [dist, "/embed.html", "output.mc-score"],
      [site, "/examples/script-tag/", "#check output.mc-score"],
      [site, "/examples/custom-element/", "messenger-check output.mc-score"],
    ]) {
      const { context, log } = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(server.url(path));
        await page.locator(ready).first().waitFor();
        await page.locator("input[type=radio]").first().check();
        await new Promise((r) => setTimeout(r, 100));
        assert.deepEqual(await violations(page), [], `${path}: CSP violations`);
        assert.deepEqual(foreignRequests(log, [server.origin]), [], `${path}: requests to other origins`);
        assert.deepEqual(log.console.filter((m) => /Content Security Policy|Refused/.test(m)), [], `${path}: console`);
        assert.deepEqual(log.pageErrors, [], `${path}: errors`);
        // No storage: nothing in localStorage, sessionStorage or cookies.
        const stored = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
        assert.equal(stored, 0, `${path}: nothing stored`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await site.close();
    await dist.close();
  }
});
