// The embed builder (dist/embed-builder.html, served from the widget's origin under the strict
// CSP): for each way to embed (script, element, iframe) a consultancy's settings — English,
// dark, its accent colour, two recommended alternatives and one hidden, a call to action —
// give a snippet and a file that, pasted into an empty page served under the policy the
// builder states, show exactly that widget. Also: the page is axe-clean in German and English,
// usable with the keyboard, checks the accent's contrast live, names a bad setting, copies,
// and makes no request to another origin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DIST, SITE, STRICT_CSP, foreignRequests, launch, newContext, serve, until, violations } from "./lib.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const T = { timeout: 120_000 };
const ACCENT = "#8a1c1c";

let widget; // dist/: the builder, embed.html
let host; // the example site: node_modules/messenger-check and the pasted pages
let browser;
/** The line the builder says to put into embed.html (the sites that embed the frame). */
let hostsMeta = null;
/** The policy each pasted page is served with: the one the builder stated. */
const policies = new Map();

before(async () => {
  widget = await serve({
    root: DIST(),
    csp: () => STRICT_CSP,
    rewrite: (path, text) => (path === "/embed.html" && hostsMeta ? text.replace(/<meta name="messenger-check-hosts" content="[^"]*">/, hostsMeta) : text),
  });
  host = await serve({ root: SITE(), csp: (path) => policies.get(path.split("/")[1]) ?? STRICT_CSP });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await widget?.close();
});

async function openBuilder(lang = "en", options = {}) {
  const { context, log } = await newContext(browser, options);
  const page = await context.newPage();
  await page.goto(widget.url(`/embed-builder.html?lang=${lang}`));
  await page.locator("#mcb-preview-host output.mc-score").waitFor();
  await page.locator("#mcb-file").waitFor();
  return { context, log, page };
}

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** The builder's outputs once they have caught up with the settings (the preview is debounced). */
async function outputs(page, expectInFile) {
  await until(async () => (await page.locator("#mcb-file").inputValue()).includes(expectInFile), `the code to show ${expectInFile}`);
  return {
    html: await page.locator("#mcb-html").inputValue(),
    file: await page.locator("#mcb-file").inputValue(),
    csp: await page.locator("#mcb-csp").inputValue(),
  };
}

for (const way of ["script", "element", "iframe"]) {
  test(`a snippet for the ${way} way, pasted into an empty page under the CSP it states, shows the configured widget`, T, async () => {
    const { context, log, page } = await openBuilder("en");
    let snippet;
    let names;
    try {
      await page.locator("#mcb-lang-en").check();
      await page.locator("#mcb-scheme-dark").check();
      await page.locator("#mcb-colour-accent").fill(ACCENT);
      await page.locator("#mcb-alt-telegram").selectOption("hide");
      await page.locator("#mcb-alt-threema_work").selectOption("recommend");
      await page.locator("#mcb-alt-wire").selectOption("recommend");
      await page.locator("#mcb-cta-en").fill("Ask the chamber");
      await page.locator("#mcb-cta-url").fill("https://chamber.example/advice");
      await page.locator(`#mcb-way-${way}`).check();
      if (way === "iframe") await page.locator("#mcb-host-origin").fill(host.origin);
      snippet = await outputs(page, way === "iframe" ? "messenger-check:hello" : "https://chamber.example/advice");
      if (way === "iframe") {
        // The builder writes the host's origin (and the call to action's) for embed.html, which
        // the widget's server then serves (www/embed.js: only listed sites hear the height).
        const line = await page.locator("#mcb-hosts").inputValue();
        assert.equal(line, `<meta name="messenger-check-hosts" content="${host.origin} https://chamber.example">`);
        hostsMeta = line;
      }
      // The names as the builder lists them (from the widget's own catalog).
      names = await page.evaluate(() => Object.fromEntries(["telegram", "threema_work", "wire"].map((id) => [id, document.querySelector(`label[for="mcb-alt-${id}"]`).firstChild.textContent.trim()])));
      // The preview shows the settings too.
      assert.equal(await page.locator("#mcb-preview-host .mc").getAttribute("lang"), "en");
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(log.console, []);
      assert.deepEqual(foreignRequests(log, [widget.origin]), [], "the builder sends nothing anywhere");
    } finally {
      await context.close();
    }
    assert.match(snippet.csp, /^Content-Security-Policy: default-src 'self'; /);
    if (way === "iframe") assert.match(snippet.csp, new RegExp(`frame-src ${widget.origin}$`));
    else assert.match(snippet.csp, /'wasm-unsafe-eval'/);

    // Paste: an empty page with the snippet, the file beside it, served under the stated policy.
    const dir = `builder-${way}`;
    mkdirSync(join(SITE(), dir), { recursive: true });
    writeFileSync(join(SITE(), dir, "index.html"), `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>A host page</title></head>\n<body>\n<main>\n<h1>A host page</h1>\n${snippet.html}\n</main>\n</body>\n</html>\n`);
    writeFileSync(join(SITE(), dir, "messenger-check-embed.js"), snippet.file);
    policies.set(dir, snippet.csp.replace(/^Content-Security-Policy: /, ""));

    const visit = await newContext(browser);
    try {
      const p = await visit.context.newPage();
      await p.goto(host.url(`/${dir}/`));
      const scope = way === "iframe" ? p.frameLocator("iframe[data-messenger-check]") : p.locator(way === "element" ? "messenger-check" : "#messenger-check");
      await scope.locator("output.mc-score").waitFor({ timeout: 20000 });
      assert.equal(await scope.locator(".mc").getAttribute("lang"), "en", "English");
      assert.equal(await scope.locator(".mc").evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(21, 24, 28)", "dark");
      assert.equal(await scope.locator(".mc-lang-button[aria-pressed=true]").evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(138, 28, 28)", "the accent colour");
      // Answer enough for the alternatives, then look at them.
      await scope.locator('input[name="messenger"][value="whatsapp"]').check();
      const shown = await until(async () => {
        const list = await scope.locator(".mc-alt-name").allTextContents();
        return list.length && list.map((s) => s.trim());
      }, "the alternatives");
      assert.ok(shown.some((n) => n.startsWith(names.threema_work)), `Threema Work recommended: ${shown}`);
      assert.ok(shown.some((n) => n.startsWith(names.wire)), `Wire recommended: ${shown}`);
      assert.ok(!shown.some((n) => n.startsWith(names.telegram)), `Telegram hidden: ${shown}`);
      const cta = scope.locator("a.mc-cta-link");
      assert.equal((await cta.textContent()).trim(), "Ask the chamber");
      assert.equal(await cta.getAttribute("href"), "https://chamber.example/advice");
      assert.deepEqual(await violations(p), [], "no CSP violation in the page or the frame");
      assert.deepEqual(visit.log.console, []);
      assert.deepEqual(visit.log.pageErrors, []);
      assert.deepEqual(foreignRequests(visit.log, way === "iframe" ? [host.origin, widget.origin] : [host.origin]), []);
      if (way === "iframe") {
        assert.ok(visit.log.requests.filter((u) => u.startsWith(host.origin)).every((u) => !u.endsWith(".wasm")), "the host page runs no WebAssembly");
      }
    } finally {
      await visit.context.close();
    }
  });
}

test("the builder: axe-clean in German and English, keyboard-usable, a live contrast check, a bad setting named, copying", T, async () => {
  const { context, log, page } = await openBuilder("de", { permissions: ["clipboard-read", "clipboard-write"] });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    assert.deepEqual(await axe(page), [], "axe in German");

    // The keyboard alone: Tab to the page's language switch, Enter.
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== "mcb-ui-en" && steps++ < 10) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await until(async () => (await page.evaluate(() => document.documentElement.lang)) === "en", "the page in English");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "mcb-ui-en", "focus stays on the button");
    assert.match(await page.locator("h1").textContent(), /Embed/);
    assert.deepEqual(await axe(page), [], "axe in English");
    // Arrow keys in the way radio group (the form is rebuilt; focus follows).
    await page.locator("#mcb-way-script").focus();
    await page.keyboard.press("ArrowDown");
    await until(async () => (await page.evaluate(() => document.activeElement?.id)) === "mcb-way-element", "focus on the element way");
    assert.equal(await page.locator("#mcb-way-element").isChecked(), true);
    await outputs(page, "element.js");

    // The contrast check follows the accent: light yellow fails, a dark red passes.
    await page.locator("#mcb-colour-accent").fill("#ffff66");
    const weak = await until(async () => {
      const r = Number(await page.locator('[data-check="link"]').getAttribute("data-ratio").catch(() => null));
      return r && r < 3 && r;
    }, "a failing ratio for the link colour");
    assert.ok(weak < 3);
    assert.match(await page.locator('[data-check="link"]').getAttribute("class"), /mcb-fail/);
    await page.locator("#mcb-colour-accent").fill(ACCENT);
    await until(async () => /mcb-aa/.test(await page.locator('[data-check="button"]').getAttribute("class")), "AA for the buttons");
    // The preview is debounced: wait until it wears the accent too.
    await until(
      () => page.evaluate(() => {
        const summaries = [...document.querySelectorAll("#mcb-preview-host .mc-more summary")];
        return summaries.length > 0 && summaries.every((s) => getComputedStyle(s).color === "rgb(138, 28, 28)");
      }),
      "the preview in the new accent",
    );
    assert.deepEqual(await axe(page), [], "axe with a custom colour");

    // A bad setting is named (by the widget's own check), and no code is offered for it.
    await page.locator("#mcb-cta-en").fill("Ask us");
    await page.locator("#mcb-cta-url").fill("javascript:alert(1)");
    await until(async () => /call_to_action.*url/.test(await page.locator("#mcb-error").textContent()), "the error");
    assert.equal(await page.locator("#mcb-cta-url").getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator("#mcb-file").count(), 0);
    await page.locator("#mcb-cta-url").fill("/advice");
    await outputs(page, '"url": "/advice"');
    assert.equal(await page.locator("#mcb-error").isHidden(), true);

    // Copy with the keyboard.
    await page.locator("#mcb-html-copy").focus();
    await page.keyboard.press("Enter");
    await until(async () => (await page.locator("#mcb-html-status").textContent()) === "Copied.", "the copy confirmation");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.locator("#mcb-html").inputValue());

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(foreignRequests(log, [widget.origin]), []);
  } finally {
    await context.close();
  }
});
