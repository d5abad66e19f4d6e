// Strict hosts that also enforce Trusted Types (`require-trusted-types-for 'script'`): the
// standalone page (whose service worker registration needs a TrustedScriptURL, made by the
// policy named `messenger-check`), embed.html, and the package's mount() and element render,
// answer and score with no violation, no console error and no request to another origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, SITE, STRICT_CSP, foreignRequests, launch, newContext, serve, until, violations, PAGE_LIVE } from "./lib.mjs";

/** The strict policy plus Trusted Types, allowing only our own policy name. */
export const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types messenger-check`;
const T = { timeout: 60_000 };

/** Answers two questions (inside `prefix`, a CSS selector prefix) and waits for the score to change. */
async function answerChangesScore(page, prefix = "") {
  const score = () => page.locator(`${prefix}output.mc-score`).first().textContent();
  const before = await score();
  await page.locator(`${prefix}input[name="messenger"][value="whatsapp"]`).first().check();
  await page.locator(`${prefix}input[name="contact_access"][value="granted"]`).first().check();
  return until(async () => {
    const now = await score();
    return now !== before && now;
  }, "the score to change");
}

test("the standalone page under Trusted Types: renders, scores, registers its service worker when the visitor asks", T, async () => {
  const server = await serve({ root: DIST(), csp: () => TRUSTED_TYPES_CSP });
  const browser = await launch();
  const { context, log } = await newContext(browser, { serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    await page.goto(server.url("/?lang=en"));
    await page.locator(`${PAGE_LIVE} output.mc-score`).waitFor();
    assert.ok(Number(await answerChangesScore(page)) > 0);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r ?? null)), null, "no worker unasked");
    await page.check(".mc-offline input[type=checkbox]");
    const worker = await until(
      () =>
        page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return reg && reg.active ? new URL(reg.active.scriptURL).pathname : null;
        }),
      "the service worker to be registered",
      20000,
    );
    assert.equal(worker, "/sw.js");
    // Trusted Types are really enforced here: a string where a script URL belongs is refused.
    const enforced = await page.evaluate(() => {
      try {
        document.createElement("script").src = "/boot.js";
        return "accepted";
      } catch (e) {
        return e.name;
      }
    });
    assert.equal(enforced, "TypeError");
    // The test's own probe above is the only violation.
    assert.deepEqual((await violations(page)).filter((v) => !v.startsWith("require-trusted-types-for")).length, 0);
    assert.equal((await violations(page)).length, 1, JSON.stringify(await violations(page)));
    assert.deepEqual(
      log.console.filter((m) => !/TrustedScriptURL/.test(m)),
      [],
      "no console error or warning (but the probe's)",
    );
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(foreignRequests(log, [server.origin]), []);
  } finally {
    await context.close();
    await browser.close();
    await server.close();
  }
});

test("embed.html, mount() and <messenger-check> under Trusted Types", T, async () => {
  const widget = await serve({ root: DIST(), csp: () => TRUSTED_TYPES_CSP });
  const site = await serve({ root: SITE(), csp: () => TRUSTED_TYPES_CSP });
  const browser = await launch();
  try {
    for (const [server, path, prefix] of [
      [widget, "/embed.html?lang=en", ""],
      [site, "/examples/script-tag/", "#check "],
      [site, "/examples/custom-element/", "messenger-check "],
    ]) {
      const { context, log } = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(server.url(path));
        await page.locator(`${prefix}output.mc-score`).first().waitFor();
        assert.ok(Number(await answerChangesScore(page, prefix)) > 0, path);
        assert.deepEqual(await violations(page), [], path);
        assert.deepEqual(log.console, [], path);
        assert.deepEqual(log.pageErrors, [], path);
        assert.deepEqual(foreignRequests(log, [server.origin]), [], path);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
    await widget.close();
  }
});
