// Accessibility (axe-core, WCAG 2.1 A and AA) in both languages, light and dark, before and
// after answering; and screenshots at a phone and a desktop width for people to look at
// (www/test-results/, not committed).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { setup, open, axe, settle, answerByClicking, fragment, RESULTS, WORST } from "./lib.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test("axe runs and would report a violation (the scan can fail)", { timeout: 30_000 }, async () => {
  const page = await open(env, "?lang=de");
  await page.evaluate(() => {
    const b = document.createElement("button");
    b.className = "planted";
    document.body.append(b);
  });
  const found = await axe(page);
  assert.ok(
    found.some((v) => v.startsWith("button-name")),
    `a nameless button is reported: ${found}`,
  );
  await page.closeAll();
});

for (const lang of ["de", "en"]) {
  test(`axe finds no WCAG 2.1 AA violation (${lang}), before and after answering`, { timeout: 90_000 }, async () => {
    const page = await open(env, `?lang=${lang}`);
    assert.deepEqual(await axe(page), [], "empty widget");
    await answerByClicking(page, WORST);
    assert.deepEqual(await axe(page), [], "worst case answered");
    // Everything expanded: all alternatives, every details element.
    await page.click(".mc-alternatives button[aria-expanded]");
    await page.$$eval("details", (ds) =>
      ds.forEach((d) => {
        d.open = true;
      }),
    );
    await settle(page);
    assert.deepEqual(await axe(page), [], "all alternatives and details open");
    await page.assertClean();
    await page.closeAll();
  });
}

test("axe finds no violation in the dark colour scheme, with a link notice", { timeout: 60_000 }, async () => {
  const page = await open(env, `?lang=de#${fragment(WORST)}&foo=bar`, { colorScheme: "dark" });
  await page.locator(".mc-notice").waitFor();
  assert.deepEqual(await axe(page), []);
  await page.assertClean();
  await page.closeAll();
});

for (const [name, width, height] of [
  ["phone", 390, 844],
  ["desktop", 1280, 900],
]) {
  test(`screenshots at ${width}px (${name})`, { timeout: 60_000 }, async () => {
    const page = await open(env, `?lang=de#${fragment(WORST)}`, { width, height });
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (overflow ${overflow}px)`);
    await page.screenshot({ path: join(RESULTS, `${name}-${width}.png`) });
    await page.screenshot({ path: join(RESULTS, `${name}-${width}-full.png`), fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(RESULTS, `${name}-${width}-print.png`), fullPage: true });
    await page.assertClean();
    await page.closeAll();
  });
}

test("at 320px nothing needs horizontal scrolling", { timeout: 30_000 }, async () => {
  const page = await open(env, `?lang=en#${fragment(WORST)}`, { width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  await page.screenshot({ path: join(RESULTS, "narrow-320-full.png"), fullPage: true });
  await page.closeAll();
});
