// The embed builder (dist/embed-builder.html, served from the widget's origin under the strict
// CSP, working on the package's files in dist/messenger-check/): for each way to embed
// (script, element, iframe) a consultancy's settings — English, dark, its accent colour, two
// recommended alternatives and one hidden, a call to action to a path of its own site — give a
// snippet, a zip and the sources for the site's policy. As a CMS editor would: the zip is
// unpacked where the builder was told the files live (the site's own file folder, or, for the
// iframe, another origin), the snippet is pasted into a page under a virtual address
// (/index.php/some-page/) of a site whose policy gets exactly the stated sources, and the page
// shows that widget. The iframe fills the content column, keeps the score on screen while
// answering, and opens the call to action in the top window at the site's address. Also: the
// page is axe-clean in German and English, usable with the keyboard, checks the accent's
// contrast live, names a bad setting, copies, and makes no request to another origin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, STRICT_CSP, foreignRequests, launch, newContext, serve, until, violations } from "./lib.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const T = { timeout: 120_000 };
const ACCENT = "#8a1c1c";

let widget; // dist/: the builder, the package's files in messenger-check/
let cms; // a CMS site: pages at virtual addresses, its own file folder (fileadmin/)
let elsewhere; // another origin that hosts the widget's files (the iframe way)
let browser;
let cmsRoot;
let elsewhereRoot;
/** The policy a site sends before anything is added for the widget. */
const SITE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
/** The policy each pasted page is served with: the site's, plus the sources the builder stated. */
const policies = new Map();

/** A policy with sources added, as the builder tells an admin to (a directive it lacks starts from default-src). */
function addSources(policy, lines) {
  const directives = new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
  for (const line of lines) {
    const [name, ...values] = line.trim().split(/\s+/);
    const current = directives.get(name) ?? [...directives.get("default-src")];
    directives.set(name, [...new Set([...current, ...values])]);
  }
  return [...directives].map(([name, values]) => [name, ...values].join(" ")).join("; ");
}

before(async () => {
  cmsRoot = mkdtempSync(join(tmpdir(), "mc-cms-"));
  elsewhereRoot = mkdtempSync(join(tmpdir(), "mc-files-"));
  widget = await serve({ root: DIST(), csp: () => STRICT_CSP });
  // The CMS: every /index.php/<slug>/ is a page it stores; everything else a file.
  cms = await serve({
    root: cmsRoot,
    csp: (path) => (path.startsWith("/index.php/") ? (policies.get(path) ?? SITE_POLICY) : SITE_POLICY),
  });
  elsewhere = await serve({ root: elsewhereRoot, csp: () => STRICT_CSP });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await cms?.close();
  await elsewhere?.close();
  await widget?.close();
  rmSync(cmsRoot, { recursive: true, force: true });
  rmSync(elsewhereRoot, { recursive: true, force: true });
});

/** A CMS page at a virtual address: the theme's content column (650px) holds what was pasted. */
function cmsPage(slug, pasted, policy) {
  const path = `/index.php/${slug}/`;
  mkdirSync(join(cmsRoot, "index.php", slug), { recursive: true });
  writeFileSync(
    join(cmsRoot, "theme.css"),
    "body { margin: 0; font-family: Georgia, serif; } .entry-content { max-width: 650px; margin: 0 auto; padding: 0 20px; } .entry-content h1 { font-weight: 300; }\n",
  );
  writeFileSync(
    join(cmsRoot, "index.php", slug, "index.html"),
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Some page</title><link rel="stylesheet" href="/theme.css"></head>\n<body>\n<header><p>Chamber of Crafts</p></header>\n<main class="entry-content">\n<h1>Check your business</h1>\n<p>Answer a few questions.</p>\n${pasted}\n<p>After the widget.</p>\n</main>\n</body>\n</html>\n`,
  );
  mkdirSync(join(cmsRoot, "beratung"), { recursive: true });
  writeFileSync(join(cmsRoot, "beratung", "index.html"), "<!doctype html><title>Beratung</title><h1>Beratung</h1>\n");
  policies.set(path, policy);
  return cms.url(path);
}

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
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
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
  test(`the ${way} way: the zip unpacked where the files live, the snippet pasted into a CMS page, the sources added to its policy`, T, async () => {
    // The script and element ways: the files in the site's own file folder; the iframe: on another origin.
    const files = way === "iframe" ? elsewhere.url("/messenger-check/") : cms.url("/fileadmin/messenger-check/");
    const { context, log, page } = await openBuilder("en", { acceptDownloads: true });
    let snippet;
    let names;
    let zipFile;
    try {
      await page.locator("#mcb-lang-en").check();
      await page.locator("#mcb-scheme-dark").check();
      await page.locator("#mcb-colour-accent").fill(ACCENT);
      await page.locator("#mcb-alt-telegram").selectOption("hide");
      await page.locator("#mcb-alt-threema_work").selectOption("recommend");
      await page.locator("#mcb-alt-wire").selectOption("recommend");
      await page.locator("#mcb-cta-en").fill("Ask the chamber");
      await page.locator("#mcb-cta-url").fill("/beratung/");
      await page.locator(`#mcb-way-${way}`).check();
      await page.locator("#mcb-files-url").fill(files);
      await page.locator("#mcb-site-url").fill(cms.origin);
      snippet = await outputs(page, way === "iframe" ? cms.origin : "/beratung/");
      await until(async () => (await page.locator("#mcb-html").inputValue()).includes(files), "the snippet to load from where the files live");
      snippet.html = await page.locator("#mcb-html").inputValue();
      snippet.csp = await page.locator("#mcb-csp").inputValue();
      assert.ok(snippet.html.includes(files), `absolute URLs from "where the files live": ${snippet.html}`);
      assert.doesNotMatch(snippet.html, /(src|href)="(?!https?:\/\/)/, "nothing relative to the page");
      // The names as the builder lists them (from the widget's own catalog).
      names = await page.evaluate(() =>
        Object.fromEntries(
          ["telegram", "threema_work", "wire"].map((id) => [id, document.querySelector(`label[for="mcb-alt-${id}"]`).firstChild.textContent.trim()]),
        ),
      );
      assert.equal(await page.locator("#mcb-preview-host .mc").getAttribute("lang"), "en");
      const download = page.waitForEvent("download");
      await page.locator("#mcb-zip").click();
      const d = await download;
      zipFile = join(mkdtempSync(join(tmpdir(), "mc-zip-")), d.suggestedFilename());
      await d.saveAs(zipFile);
      await until(async () => /\d/.test(await page.locator("#mcb-zip-status").textContent()), "the zip's status");
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(log.console, []);
      assert.deepEqual(foreignRequests(log, [widget.origin]), [], "the builder sends nothing anywhere");
    } finally {
      await context.close();
    }
    // The zip: one folder, exactly the files the way needs, the configuration's own file.
    const name = /messenger-check-[0-9a-f]{8}\.(js|html)/.exec(snippet.html)[0];
    assert.equal(zipFile.endsWith(`${name.replace(/\.\w+$/, "")}.zip`), true, `the zip is named after the configuration: ${zipFile}`);
    const listed = execFileSync("unzip", ["-Z1", zipFile], { encoding: "utf8" }).trim().split("\n").sort();
    assert.ok(
      listed.every((f) => f.startsWith("messenger-check/")),
      "one folder",
    );
    const inZip = listed.map((f) => f.slice("messenger-check/".length));
    const packaged = JSON.parse(readFileSync(join(DIST(), "messenger-check", "builder", "files.json"), "utf8")).files;
    for (const f of ["messenger_check.js", "messenger_check_bg.wasm", "style.css", "LICENSE-MIT", name])
      assert.ok(inZip.includes(f), `${f} in the zip`);
    for (const f of inZip.filter((f) => f !== name)) assert.ok(packaged.includes(f), `${f} is one of the package's files`);
    assert.ok(
      !inZip.some((f) => f.endsWith(".d.ts") || f === "package.json" || f === "README.md" || f.startsWith("builder/")),
      `no papers or builder: ${inZip}`,
    );
    if (way === "iframe") {
      assert.ok(inZip.includes("embed.js") && inZip.includes("messenger-check-frame.js") && !inZip.includes("index.js"), inZip.join(" "));
      // The frame page lets this site, and only this site, size the frame.
      const framePage = execFileSync("unzip", ["-p", zipFile, `messenger-check/${name}`], { encoding: "utf8" });
      assert.match(framePage, new RegExp(`<meta name="messenger-check-hosts" content="${cms.origin}">`));
    } else {
      assert.ok(inZip.includes(way === "element" ? "element.js" : "index.js") && !inZip.includes("embed.html"), inZip.join(" "));
    }
    // The sources for the site's policy: no whole policy.
    assert.doesNotMatch(snippet.csp, /default-src/);
    if (way === "iframe") assert.deepEqual(snippet.csp.split("\n"), [`frame-src ${elsewhere.origin}`, `script-src ${elsewhere.origin}`]);
    else assert.deepEqual(snippet.csp.split("\n"), ["script-src 'wasm-unsafe-eval'"]);

    // Unpack where the files live; paste the snippet into a page at a virtual address.
    const folder = way === "iframe" ? elsewhereRoot : join(cmsRoot, "fileadmin");
    mkdirSync(folder, { recursive: true });
    execFileSync("unzip", ["-o", "-q", zipFile, "-d", folder]);
    const policy = addSources(SITE_POLICY, snippet.csp.split("\n"));
    const address = cmsPage(`some-page-${way}`, snippet.html, policy);

    const visit = await newContext(browser);
    try {
      const p = await visit.context.newPage();
      await p.goto(address);
      const scope =
        way === "iframe"
          ? p.frameLocator("iframe[data-messenger-check]")
          : p.locator(way === "element" ? "messenger-check" : "main .mc-root").first();
      // The live widget's score (a prerendered screen, .mc-pre, has one too).
      await scope.locator(way === "script" ? "output.mc-score" : ".mc-root output.mc-score").waitFor({ timeout: 20000 });
      assert.equal(await scope.locator(".mc").getAttribute("lang"), "en", "English");
      assert.equal(await scope.locator(".mc").evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(21, 24, 28)", "dark");
      assert.equal(
        await scope.locator(".mc-lang-button[aria-pressed=true]").evaluate((el) => getComputedStyle(el).backgroundColor),
        "rgb(138, 28, 28)",
        "the accent colour",
      );
      // Answer enough for the alternatives, then look at them.
      await scope.locator('input[name="sector"][value="trade"]').check();
      if (way === "iframe") await scoreOnScreen(p, "after the first answer");
      await scope.locator('input[name="messenger"][value="whatsapp"]').check();
      const shown = await until(async () => {
        const list = await scope.locator(".mc-alt-name").allTextContents();
        return list.length && list.map((s) => s.trim());
      }, "the alternatives");
      assert.ok(
        shown.some((n) => n.startsWith(names.threema_work)),
        `Threema Work recommended: ${shown}`,
      );
      assert.ok(
        shown.some((n) => n.startsWith(names.wire)),
        `Wire recommended: ${shown}`,
      );
      assert.ok(!shown.some((n) => n.startsWith(names.telegram)), `Telegram hidden: ${shown}`);
      const cta = scope.locator("a.mc-cta-link");
      assert.equal((await cta.textContent()).trim(), "Ask the chamber");
      assert.deepEqual(await violations(p), [], "no CSP violation in the page or the frame");
      assert.deepEqual(visit.log.console, []);
      assert.deepEqual(visit.log.pageErrors, []);
      assert.deepEqual(foreignRequests(visit.log, way === "iframe" ? [cms.origin, elsewhere.origin] : [cms.origin]), []);
      if (way === "iframe") {
        assert.ok(
          visit.log.requests.filter((u) => u.startsWith(cms.origin)).every((u) => !u.endsWith(".wasm")),
          "the host page runs no WebAssembly",
        );
        // The frame fills the content column, without a border, as tall as its content rounded
        // up to a step of 1,000 px (what the listed site learns is coarse: www/embed.js).
        const box = await p.evaluate(() => {
          const frame = document.querySelector("iframe[data-messenger-check]");
          const column = document.querySelector("main");
          const cs = getComputedStyle(column);
          return {
            frame: frame.getBoundingClientRect().width,
            column: column.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),
            border: getComputedStyle(frame).borderTopWidth,
            height: frame.getBoundingClientRect().height,
          };
        });
        assert.equal(box.frame, box.column, `the frame is as wide as the content column: ${JSON.stringify(box)}`);
        assert.equal(box.border, "0px");
        const content = () =>
          p
            .frames()
            .find((f) => f.url().includes(name))
            .evaluate(() => Math.ceil(document.getElementById("messenger-check").getBoundingClientRect().bottom + scrollY));
        await until(async () => {
          const [h, c] = [
            await p.evaluate(() => document.querySelector("iframe[data-messenger-check]").getBoundingClientRect().height),
            await content(),
          ];
          return h % 1000 === 0 && h >= c && h - c < 1000;
        }, "the frame as tall as its content, in steps of 1,000 px");
        // Further down the page, the score is still on screen.
        await scope.locator('input[name="device"][value="private_phone"]').check();
        await scoreOnScreen(p, "further down");
        // The call to action: the site's own address, in the top window.
        assert.equal(await cta.getAttribute("href"), cms.url("/beratung/"));
        await cta.click();
        await p.waitForURL(cms.url("/beratung/"));
        assert.equal(p.url(), cms.url("/beratung/"), "the top window went to the site's address");
      } else {
        assert.equal(await cta.getAttribute("href"), "/beratung/");
      }
    } finally {
      await visit.context.close();
    }
  });
}

/** The frame's score (its sticky bar, or the sticky results on a wide frame) is on the top window's screen. */
async function scoreOnScreen(page, when) {
  const frame = page.frames().find((f) => f !== page.mainFrame() && /messenger-check-[0-9a-f]{8}\.html/.test(f.url()));
  const box = await until(async () => {
    const offset = await page.evaluate(() => document.querySelector("iframe[data-messenger-check]").getBoundingClientRect().top);
    const inner = await frame.evaluate(() => {
      const shown = [...document.querySelectorAll(".mc-mini, .mc-results")].find(
        (el) => el.getBoundingClientRect().height > 0 && getComputedStyle(el).display !== "none",
      );
      if (!shown) return null;
      const r = shown.getBoundingClientRect();
      return {
        top: r.top,
        bottom: r.bottom,
        score: shown.querySelector("output.mc-score, .mc-mini-score")?.textContent ?? shown.textContent.slice(0, 40),
      };
    });
    const height = await page.evaluate(() => innerHeight);
    if (!inner) return null;
    const top = offset + inner.top;
    const bottom = offset + inner.bottom;
    return top >= -1 && bottom <= height + 1 && { top, bottom, height, score: inner.score };
  }, `the score on screen ${when}`).catch(async (e) => {
    const debug = await frame.evaluate(() => ({
      style: document.documentElement.getAttribute("style"),
      mini: document.querySelector(".mc-mini")?.getBoundingClientRect().toJSON(),
      h: document.documentElement.scrollHeight,
    }));
    const top = await page.evaluate(() => ({
      rect: document.querySelector("iframe[data-messenger-check]").getBoundingClientRect().toJSON(),
      scroll: scrollY,
      ih: innerHeight,
    }));
    throw new Error(`${e.message}: ${JSON.stringify({ debug, top })}`);
  });
  assert.ok(box, when);
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
      const r = Number(
        await page
          .locator('[data-check="link"]')
          .getAttribute("data-ratio")
          .catch(() => null),
      );
      return r && r < 3 && r;
    }, "a failing ratio for the link colour");
    assert.ok(weak < 3);
    assert.match(await page.locator('[data-check="link"]').getAttribute("class"), /mcb-fail/);
    await page.locator("#mcb-colour-accent").fill(ACCENT);
    await until(async () => /mcb-aa/.test(await page.locator('[data-check="button"]').getAttribute("class")), "AA for the buttons");
    // The preview is debounced: wait until it wears the accent too.
    await until(
      () =>
        page.evaluate(() => {
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

    // The iframe way: the frame page lists the site (and a call to action's other site) as the
    // only hosts (embed.html ships with none); mailto: is named, as the frame would drop it.
    await page.locator("#mcb-way-iframe").check();
    await page.locator("#mcb-site-url").fill("https://www.innung.example");
    await page.locator("#mcb-cta-url").fill("https://chamber.example/advice");
    await outputs(page, '<meta name="messenger-check-hosts" content="https://www.innung.example https://chamber.example">');
    await page.locator("#mcb-cta-url").fill("mailto:advice@chamber.example");
    await until(async () => /mailto/.test(await page.locator("#mcb-error").textContent()), "the mailto error");
    assert.equal(await page.locator("#mcb-file").count(), 0);
    await page.locator("#mcb-cta-url").fill("/advice");
    await outputs(page, '<meta name="messenger-check-hosts" content="https://www.innung.example">');
    await page.locator("#mcb-way-element").check();
    await outputs(page, '"url": "/advice"');

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

test("the builder opens from the npm package's files too (builder/index.html), with them as where the files live", T, async () => {
  const { context, log } = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(widget.url("/messenger-check/builder/index.html?lang=en"));
    await page.locator("#mcb-preview-host output.mc-score").waitFor();
    await page.locator("#mcb-html").waitFor();
    assert.equal(await page.locator("#mcb-files-url").inputValue(), widget.url("/messenger-check/"));
    assert.match(
      await page.locator("#mcb-html").inputValue(),
      new RegExp(`src="${widget.url("/messenger-check/")}messenger-check-[0-9a-f]{8}\\.js"`),
    );
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(foreignRequests(log, [widget.origin]), []);
  } finally {
    await context.close();
  }
});
