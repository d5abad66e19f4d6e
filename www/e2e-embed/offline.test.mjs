// The standalone page (dist/) offers offline use: only when the visitor ticks it does it
// register a service worker, scoped to its folder, that precaches its own files; with the
// network off, a reload still shows the widget. The worker answers only its own files, keeps to
// its own caches, and goes when unticked. Also: the page and every example under the strict
// CSP header record no violation and no request to another origin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, LIVE_SCORE, SITE, STRICT_CSP, foreignRequests, launch, newContext, serve, until, violations, PAGE_LIVE } from "./lib.mjs";

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The caches and the worker of the page, once the worker controls it (or null). */
function cacheState(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!navigator.serviceWorker.controller || reg?.active?.state !== "activated") return null;
    const keys = await caches.keys();
    const ours = keys.filter((k) => k.startsWith("messenger-check "));
    const cached = ours.length ? (await (await caches.open(ours[0])).keys()).map((r) => new URL(r.url).pathname) : [];
    return { keys, cached, scope: reg.scope };
  });
}

test("offline use only when the visitor asks: nothing installed or cached before; then the page works offline; unticked, it is gone", async () => {
  const server = await serve({ root: DIST(), csp: () => STRICT_CSP });
  const { context, log } = await newContext(browser, { serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    await page.goto(server.url("/?lang=en"));
    await page.locator(`${PAGE_LIVE} output.mc-score`).waitFor();
    await page.locator('input[name="messenger"][value="whatsapp"]').check();
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(
      await page.evaluate(async () => ({ workers: (await navigator.serviceWorker.getRegistrations()).length, caches: await caches.keys() })),
      { workers: 0, caches: [] },
      "a first visit installs nothing and caches nothing",
    );
    assert.ok(!log.requests.some((u) => u.endsWith("/sw.js")), "the worker is not even fetched");

    // The visitor asks: the worker, scoped to the page's folder, precaches the page's own files.
    await page.check(".mc-offline input[type=checkbox]");
    const state = await until(() => cacheState(page), "the service worker to take control", 20000);
    assert.equal(state.scope, server.url("/"));
    assert.equal(state.keys.length, 1);
    assert.match(
      state.keys[0],
      new RegExp(`^messenger-check ${server.url("/").replace(/[.]/g, "\\.")} [0-9a-f]{16}$`),
      "a cache named after its scope and build",
    );
    for (const f of ["/", "/index.html", "/pkg/messenger_check_bg.wasm", "/pkg/messenger_check.js", "/style.css", "/boot.js"]) {
      assert.ok(state.cached.includes(f), `${f} is precached`);
    }
    // The version in dist/sw.js was filled in by the build.
    assert.doesNotMatch(readFileSync(join(DIST(), "sw.js"), "utf8"), /__MC_VERSION__/);

    await context.setOffline(true);
    const offlineRequests = log.requests.length;
    await page.reload();
    await page.locator(`${PAGE_LIVE} output.mc-score`).waitFor({ timeout: 10000 });
    assert.ok((await page.locator("legend").count()) >= 5, "questions rendered offline");
    assert.equal(await page.isChecked(".mc-offline input[type=checkbox]"), true, "the box says it is on");
    await page.locator('input[name="messenger"][value="whatsapp"]').check();
    await until(async () => Number(await page.locator("output.mc-score").textContent()) > 0, "a score offline");
    // The server saw nothing of the offline reload, and a cold navigation offline works too.
    await server.close();
    const page2 = await context.newPage();
    await page2.goto(server.url("/?lang=de"));
    await page2.locator(`${PAGE_LIVE} output.mc-score`).waitFor({ timeout: 10000 });
    assert.ok(log.requests.length > offlineRequests);
    await page2.close();

    // Unticked: the worker and its cache are gone.
    await page.uncheck(".mc-offline input[type=checkbox]");
    await until(
      () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0),
      "the worker and its cache to go",
    );
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreignRequests(log, [server.origin]), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});

test("deployed at a site's root, the worker answers only its own files: the site's other pages, other deployments' and other caches are left alone", async () => {
  // A site with its own page next to the widget, and the widget deployed at its root.
  const root = mkdtempSync(join(tmpdir(), "mc-site-root-"));
  cpSync(DIST(), root, { recursive: true });
  writeFileSync(
    join(root, "kontakt.html"),
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Kontakt</title></head><body><h1>Kontakt</h1></body></html>\n',
  );
  let version = null; // null: sw.js as built; else the version a "new build" would have
  const server = await serve({
    root,
    csp: () => STRICT_CSP,
    rewrite: (path, text) => (path === "/sw.js" && version ? text.replace(/const VERSION = "[^"]*"/, `const VERSION = "${version}"`) : text),
  });
  const { context } = await newContext(browser, { serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    await page.goto(server.url("/kontakt.html"));
    const other = `messenger-check ${server.url("/zwei/")} 0000000000000000`;
    await page.evaluate(async (other) => {
      await caches.open("someone-else"); // another app's cache on the same origin
      await caches.open(other); // another deployment of the widget on the same origin
    }, other);
    await page.goto(server.url("/"));
    await page.locator(`${PAGE_LIVE} output.mc-score`).waitFor();
    await page.check(".mc-offline input[type=checkbox]");
    const first = await until(() => cacheState(page), "the first worker", 20000);
    const ours = first.keys.find((k) => k.startsWith(`messenger-check ${server.url("/")} `));
    assert.ok(ours, `our cache: ${first.keys}`);
    // A new build: its worker replaces our old cache, and only that.
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
    assert.deepEqual(
      keys.sort(),
      [`messenger-check ${server.url("/")} 0123456789abcdef`, other, "someone-else"].sort(),
      `caches after the update (old: ${ours})`,
    );

    // Offline, the site's own page is not answered with the widget: the browser's own error.
    await context.setOffline(true);
    const contact = await context.newPage();
    const failed = await contact.goto(server.url("/kontakt.html")).then(
      () => null,
      (e) => e.message,
    );
    assert.match(failed ?? "loaded", /ERR_INTERNET_DISCONNECTED|ERR_FAILED/, "not the widget in place of the site's page");
    assert.equal(await contact.locator(".mc").count(), 0);
    await contact.close();
    // Its own page still works offline.
    const own = await context.newPage();
    await own.goto(server.url("/?lang=de"));
    await own.locator(`${PAGE_LIVE} output.mc-score`).waitFor({ timeout: 10000 });
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
      [dist, "/embed.html", LIVE_SCORE],
      [site, "/examples/script-tag/", `#check ${LIVE_SCORE}`],
      [site, "/examples/custom-element/", `messenger-check ${LIVE_SCORE}`],
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
        assert.deepEqual(
          log.console.filter((m) => /Content Security Policy|Refused/.test(m)),
          [],
          `${path}: console`,
        );
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
