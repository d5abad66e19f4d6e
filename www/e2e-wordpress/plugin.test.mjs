// The WordPress plugin in a real WordPress (scripts/test-wordpress.sh sets it up: Debian's
// WordPress, MariaDB and Apache on 127.0.0.1, the block theme Twenty Twenty-Three). As a site
// admin who is not a developer would: upload dist/wordpress/messenger-check.zip through the
// admin pages and activate it, set the site's defaults on Settings > Messenger-Check, put the
// block on one page and the shortcode on another, change the block's language in the editor.
// Then, in headless Chromium: each widget renders in its language and colour, a click changes
// the score, no console error, no request to another origin, the .wasm is served as
// application/wasm (compressed, by the plugin's .htaccess), the theme's CSS changes nothing in
// the widget (computed styles against the same widget on a blank page), a phone shows the
// score while answering, pages without the widget load none of its files; saving settings
// without the form's nonce changes nothing; with the site language German (de_DE, de_DE_formal)
// the settings page, the plugin list and the block's sidebar are German; deleting the plugin
// removes its option.
//
// Environment (scripts/test-wordpress.sh): MC_WP_URL, MC_WP_ZIP, MC_WP_PHP (scripts/wordpress/wp.php),
// MC_WP_WORK (the site's folder: wp-content/, debug.log, access.log), WORDPRESS_CONFIG.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { foreignRequests, launch, newContext, until, violations } from "../e2e-embed/lib.mjs";

const URL_ = process.env.MC_WP_URL;
const WORK = process.env.MC_WP_WORK;
const ZIP = process.env.MC_WP_ZIP;
if (!URL_ || !WORK || !ZIP) throw new Error("run scripts/test-wordpress.sh (MC_WP_URL, MC_WP_WORK, MC_WP_ZIP)");
const T = { timeout: 180_000 };
const GREEN = "#2a6f2b";
const RED = "#8a1c1c";

let browser;
/** A logged-in admin's context, kept across the tests. */
let admin;
const pages = {};

function wp(...args) {
  return execFileSync("php", [process.env.MC_WP_PHP, ...args], { encoding: "utf8" }).trim();
}

function page(slug, title, content) {
  const file = join(WORK, `${slug}.html`);
  writeFileSync(file, content);
  return wp("page", slug, title, file);
}

before(async () => {
  browser = await launch();
  admin = await newContext(browser);
});

after(async () => {
  await admin?.context.close();
  await browser?.close();
});

/** The PHP notices, warnings and errors WordPress logged that name the plugin. */
function pluginLog() {
  return readFileSync(join(WORK, "debug.log"), "utf8")
    .split("\n")
    .filter((l) => /messenger-check/i.test(l));
}

/** The widget inside the element, as seen from the page. */
async function widget(p, selector = "messenger-check") {
  return p.evaluate((selector) => {
    const shadow = document.querySelector(selector)?.shadowRoot;
    // The live widget (the first screen painted before the WebAssembly has no .mc-root yet).
    const root = shadow?.querySelector(".mc-root");
    const mc = root?.querySelector(".mc");
    if (!mc || !root.querySelector("output.mc-score")) return null;
    const cta = root.querySelector("a.mc-cta-link");
    return {
      lang: mc.lang,
      score: root.querySelector("output.mc-score").textContent,
      accent: getComputedStyle(root.querySelector(".mc-lang-button[aria-pressed=true]")).backgroundColor,
      background: getComputedStyle(mc).backgroundColor,
      cta: cta ? { text: cta.textContent.trim(), href: cta.getAttribute("href") } : null,
      alternatives: [...root.querySelectorAll(".mc-alt-name")].map((n) => n.textContent.trim()),
      width: document.querySelector(selector).getBoundingClientRect().width,
    };
  }, selector);
}

test("upload and activate the zip through WordPress's admin pages", T, async () => {
  const p = await admin.context.newPage();
  await p.goto(`${URL_}/wp-login.php`);
  await p.locator("#user_login").fill("admin");
  await p.locator("#user_pass").fill("messenger-check-test");
  await p.locator("#wp-submit").click();
  await p.waitForURL(/wp-admin/);
  await p.goto(`${URL_}/wp-admin/plugin-install.php?tab=upload`);
  await p.locator("#pluginzip").setInputFiles(ZIP);
  await p.locator("#install-plugin-submit").click();
  await p.getByText("Plugin installed successfully.").waitFor({ timeout: 60_000 });
  await p.locator("a.button-primary", { hasText: "Activate Plugin" }).click();
  await p.waitForURL(/plugins\.php/);
  assert.equal(wp("plugin-active", "messenger-check/messenger-check.php"), "yes");
  // The plugin list links its settings.
  assert.ok(await p.locator('tr[data-plugin="messenger-check/messenger-check.php"] a', { hasText: "Settings" }).count());
  assert.deepEqual(pluginLog(), [], "no PHP notice from the plugin");
  await p.close();
});

test("Settings > Messenger-Check saves the site's defaults (sanitised); without the nonce nothing is saved", T, async () => {
  const p = await admin.context.newPage();
  await p.goto(`${URL_}/wp-admin/options-general.php?page=messenger-check`);
  await p.locator("#messenger-check-lang").selectOption("de");
  // WordPress's colour picker: "Select Color", then type the value.
  await p
    .locator("tr", { has: p.locator("#messenger-check-accent") })
    .locator("button.wp-color-result")
    .click();
  await p.locator("#messenger-check-accent").fill(RED);
  await p.locator("#messenger-check-alt-telegram").selectOption("hide");
  await p.locator("#messenger-check-cta-de").fill("Beratung anfragen <b>jetzt</b>");
  await p.locator("#messenger-check-cta-url").fill("/kontakt/");
  await p.locator("#submit").click();
  await p.getByText("Settings saved.").waitFor();
  const saved = JSON.parse(wp("option", "messenger_check_options"));
  assert.equal(saved.lang, "de");
  assert.equal(saved.accent, RED);
  assert.deepEqual(saved.alternatives, { telegram: "hide" });
  assert.deepEqual(saved.cta_label, { de: "Beratung anfragen jetzt" }, "tags are stripped");
  assert.equal(saved.cta_url, "/kontakt/");
  // The shortcode's help names its attributes and the messengers' ids for recommend and hide.
  const help = await p.locator("table.messenger-check-shortcode-help").innerText();
  for (const text of ["lang", "recommend, hide", "cta_de, cta_en", "cta_url", "threema_work", "telegram"])
    assert.ok(help.includes(text), `shortcode help: ${text}`);
  // The builder is linked and opens from the plugin's folder.
  const builder = await p.locator("a", { hasText: "Open the embed builder" }).getAttribute("href");
  assert.ok(builder.startsWith(`${URL_}/wp-content/plugins/messenger-check/widget/`), builder);
  const tool = await admin.context.newPage();
  await tool.goto(builder);
  await tool.locator("#mcb-preview-host output.mc-score").waitFor();
  assert.equal(
    await tool.locator("#mcb-files-url").inputValue(),
    `${URL_}/wp-content/plugins/messenger-check/widget/`,
    "the plugin's copy of the widget",
  );
  await tool.close();
  // A forged request (no nonce) is refused and changes nothing.
  const status = await p.evaluate(async () => {
    const body = new URLSearchParams({ option_page: "messenger_check", action: "update", "messenger_check_options[lang]": "en" });
    return (await fetch("/wp-admin/options.php", { method: "POST", body })).status;
  });
  assert.notEqual(status, 200);
  assert.equal(JSON.parse(wp("option", "messenger_check_options")).lang, "de");
  // Bad values are dropped, not stored.
  await p.goto(`${URL_}/wp-admin/options-general.php?page=messenger-check`);
  await p.locator("#messenger-check-cta-url").fill("javascript:alert(1)");
  await p.locator("#submit").click();
  await p.getByText("Settings saved.").waitFor();
  assert.equal(JSON.parse(wp("option", "messenger_check_options")).cta_url, "");
  await p.goto(`${URL_}/wp-admin/options-general.php?page=messenger-check`);
  await p.locator("#messenger-check-cta-url").fill("/kontakt/");
  await p.locator("#submit").click();
  await p.getByText("Settings saved.").waitFor();
  await p.close();
});

test("pages with the block and with the shortcode: language, colour, a click scores, nothing from elsewhere", T, async () => {
  const block = { lang: "en", theme: "dark", accent: GREEN, alternatives: { threema_work: "recommend", wire: "recommend" } };
  pages.block = page(
    "mit-block",
    "Messenger-Check (Block)",
    `<!-- wp:paragraph --><p>Prüfen Sie Ihren Betrieb.</p><!-- /wp:paragraph -->\n<!-- wp:messenger-check/widget ${JSON.stringify(block)} /-->`,
  );
  pages.shortcode = page(
    "mit-shortcode",
    "Messenger-Check (Shortcode)",
    "<!-- wp:paragraph --><p>Prüfen Sie Ihren Betrieb.</p><!-- /wp:paragraph -->\n<!-- wp:shortcode -->[messenger-check]<!-- /wp:shortcode -->",
  );
  pages.plain = page("ohne", "Ohne Widget", "<!-- wp:paragraph --><p>Nichts zu prüfen.</p><!-- /wp:paragraph -->");
  assert.match(pages.block, /\/index\.php\/mit-block\/$/, "a virtual address");

  const expected = {
    block: { lang: "en", accent: "rgb(42, 111, 43)", background: "rgb(21, 24, 28)", cta: { text: "Beratung anfragen jetzt", href: "/kontakt/" } },
    shortcode: {
      lang: "de",
      accent: "rgb(138, 28, 28)",
      background: "rgb(255, 255, 255)",
      cta: { text: "Beratung anfragen jetzt", href: "/kontakt/" },
    },
  };
  for (const which of ["block", "shortcode"]) {
    const { context, log } = await newContext(browser);
    const wasm = [];
    context.on("response", (r) => {
      if (r.url().endsWith(".wasm")) wasm.push({ url: r.url(), type: r.headers()["content-type"], encoding: r.headers()["content-encoding"] });
    });
    try {
      const p = await context.newPage();
      await p.goto(pages[which]);
      const first = await until(() => widget(p), `${which}: the widget`, 30_000);
      assert.equal(first.lang, expected[which].lang, `${which}: language`);
      assert.equal(first.accent, expected[which].accent, `${which}: accent colour`);
      assert.equal(first.background, expected[which].background, `${which}: colour scheme`);
      assert.equal(first.score, "0");
      // Full width of the content column (the block's wrapper).
      const column = await p.evaluate(() => document.querySelector("messenger-check").parentElement.getBoundingClientRect().width);
      assert.ok(Math.abs(first.width - column) < 1 && column > 300, `${which}: ${first.width} px in a ${column} px column`);
      const input = (q, v) => p.locator(`messenger-check input[name="${q}"][value="${v}"]`);
      await input("messenger", "whatsapp").check();
      await input("contact_access", "granted").check();
      const scored = await until(async () => {
        const w = await widget(p);
        return w.score !== "0" && w.cta && w;
      }, `${which}: a score`);
      assert.ok(Number(scored.score) > 0);
      assert.deepEqual(scored.cta, expected[which].cta, `${which}: the call to action from the site's settings`);
      if (which === "block") {
        assert.ok(
          scored.alternatives.some((n) => n.startsWith("Threema Work")) && scored.alternatives.some((n) => n.startsWith("Wire")),
          `recommended: ${scored.alternatives}`,
        );
      } else {
        assert.ok(!scored.alternatives.some((n) => n.startsWith("Telegram")), `Telegram hidden: ${scored.alternatives}`);
      }
      assert.equal(wasm.length, 1, `${which}: the .wasm once`);
      assert.ok(wasm[0].url.startsWith(`${URL_}/wp-content/plugins/messenger-check/widget/`), wasm[0].url);
      assert.equal(wasm[0].type, "application/wasm");
      assert.equal(wasm[0].encoding, "gzip", "compressed (the plugin's .htaccess)");
      assert.deepEqual(await violations(p), []);
      assert.deepEqual(log.pageErrors, [], `${which}: page errors`);
      assert.deepEqual(log.console, [], `${which}: console`);
      assert.deepEqual(foreignRequests(log, [URL_]), [], `${which}: requests to other origins`);
    } finally {
      await context.close();
    }
  }

  // A page without the widget loads none of its files.
  const { context, log } = await newContext(browser);
  const p = await context.newPage();
  await p.goto(pages.plain);
  await p.waitForLoadState("load");
  assert.deepEqual(
    log.requests.filter((u) => u.includes("/plugins/messenger-check/")),
    [],
    "nothing of the plugin on a page without it",
  );
  await context.close();
  assert.deepEqual(pluginLog(), []);
});

/** Waits until the widget is complete (every question in the DOM) and two frames later. */
async function complete(p) {
  await until(() => widget(p), "the widget");
  await p.evaluate(async () => {
    await document.querySelector("messenger-check").ready.then((w) => w.complete);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** Computed styles of every element in the widget (what a theme could change; not sizes). */
function styles(p) {
  return p.evaluate(() => {
    const props = [
      "font-family",
      "font-size",
      "font-weight",
      "font-style",
      "line-height",
      "letter-spacing",
      "text-transform",
      "text-decoration-line",
      "text-align",
      "color",
      "background-color",
      "margin-top",
      "margin-bottom",
      "margin-left",
      "padding-top",
      "padding-left",
      "border-top-width",
      "border-top-style",
      "border-top-color",
      "border-radius",
      "box-shadow",
      "display",
      "list-style-type",
      "outline-style",
    ];
    const root = document.querySelector("messenger-check").shadowRoot;
    return [...root.querySelectorAll(".mc, .mc *")].slice(0, 1500).map((el) => {
      const s = getComputedStyle(el);
      return `${el.tagName.toLowerCase()}.${el.className}: ${props.map((k) => `${k}=${s.getPropertyValue(k)}`).join("; ")}`;
    });
  });
}

test("the theme's CSS changes nothing in the widget: computed styles as on a blank page", T, async () => {
  // The same element, the same files, on a page with no CSS at all.
  const { context } = await newContext(browser);
  try {
    const p = await context.newPage();
    await p.goto(pages.shortcode);
    await complete(p);
    const element = await p.evaluate(() => document.querySelector("messenger-check").outerHTML.replace(/ style="[^"]*"/, ""));
    const script = await p.evaluate(() => document.querySelector('script[src*="messenger-check/assets/front.js"]').getAttribute("src"));
    // As wide as the theme's content column, so that auto margins resolve alike.
    const width = await p.evaluate(() => document.querySelector("messenger-check").getBoundingClientRect().width);
    writeFileSync(
      join(WORK, "wp-content", "blank.html"),
      `<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>blank</title>\n<script type="module" src="${script}"></script></head>\n<body><div style="width: ${width}px">${element}</div></body></html>\n`,
    );
    const onTheme = await styles(p);
    const q = await context.newPage();
    await q.goto(`${URL_}/wp-content/blank.html`);
    await complete(q);
    const onBlank = await styles(q);
    assert.ok(onTheme.length > 200, `${onTheme.length} elements compared`);
    const differ = onTheme.map((s, i) => (s === onBlank[i] ? null : `theme: ${s}\nblank: ${onBlank[i]}`)).filter(Boolean);
    assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${onTheme.length} elements differ`);
  } finally {
    await context.close();
  }
});

test("on a phone the score stays in view while answering", T, async () => {
  const { context, log } = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const p = await context.newPage();
    await p.goto(pages.shortcode);
    await until(() => widget(p), "the widget");
    // Answer as a visitor scrolling through would: the first question, then one further down.
    await p.locator('messenger-check input[name="sector"][value="trade"]').check();
    await p.locator('messenger-check input[name="messenger"][value="whatsapp"]').check();
    const bar = await until(
      () =>
        p.evaluate(() => {
          const mini = document.querySelector("messenger-check").shadowRoot.querySelector(".mc-mini");
          if (!mini) return null;
          const r = mini.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, text: mini.textContent, height: innerHeight };
        }),
      "the score bar",
    );
    assert.ok(bar.top >= 0 && bar.bottom <= bar.height + 1, `the score bar is on screen: ${JSON.stringify(bar)}`);
    assert.match(bar.text, /\d/);
    assert.deepEqual(log.console, []);
  } finally {
    await context.close();
  }
});

/** The plugin's source texts that must not show for a German admin. */
const ENGLISH = [
  "Colour scheme",
  "Accent colour",
  "Call to action",
  "Alternatives",
  "Open the embed builder",
  "as the catalog has it",
  "What it sets",
];

test(
  "the block in the editor, for a German admin (site language de_DE; WordPress itself has no German here): its sidebar in German, a changed language reaches the page",
  T,
  async () => {
    // WordPress keeps its own texts English (no language pack installed); the plugin's come from
    // its languages/ folder: the .mo (PHP, block.json) and the editor script's .json.
    const before = wp("site-language", "de_DE");
    try {
      const p = await admin.context.newPage();
      const id = await (async () => {
        await p.goto(pages.block);
        return p.evaluate(() => [...document.body.classList].find((c) => /^page-id-\d+$/.test(c)).slice(8));
      })();
      pages.blockId = id;
      await p.goto(`${URL_}/wp-admin/post.php?post=${id}&action=edit`);
      await p.waitForFunction(
        () => window.wp?.blocks?.getBlockType("messenger-check/widget") && window.wp.data.select("core/block-editor").getBlocks().length > 0,
        null,
        { timeout: 60_000 },
      );
      // No "This block contains unexpected or invalid content" or missing-block notice.
      const blocks = await p.evaluate(() =>
        window.wp.data
          .select("core/block-editor")
          .getBlocks()
          .map((b) => ({ name: b.name, valid: b.isValid })),
      );
      assert.deepEqual(
        blocks.filter((b) => b.name === "messenger-check/widget"),
        [{ name: "messenger-check/widget", valid: true }],
      );
      // Close the welcome guide if it shows, select the block, and use its sidebar.
      await p.evaluate(() => {
        const prefs = window.wp.data.select("core/edit-post");
        if (prefs.isFeatureActive("welcomeGuide")) window.wp.data.dispatch("core/edit-post").toggleFeature("welcomeGuide");
      });
      const placeholder = p.locator(".messenger-check-editor");
      assert.match(await placeholder.innerText(), /Hier erscheint auf der veröffentlichten Seite der DSGVO-Check/, "the block's placeholder");
      await placeholder.click();
      const settings = p.locator(".block-editor-block-inspector");
      await settings.getByText("Sprache und Farben").waitFor();
      // The block card (block.json's description) and the panels; textContent, as the sidebar
      // shows its labels in capitals (CSS) and innerText would too.
      const sidebar = await settings.evaluate((e) => e.textContent);
      for (const text of [
        "Der DSGVO-Check für die Nutzung von Messengern",
        "Sprache und Farben",
        "Sprache",
        "Farbschema",
        "Akzentfarbe (Schaltflächen, Links)",
        "Textfarbe",
        "Hintergrund",
        "Alternativen",
        "Handlungsaufforderung",
      ]) {
        assert.ok(sidebar.includes(text), `the block's sidebar says "${text}": ${sidebar}`);
      }
      for (const text of ENGLISH) assert.ok(!sidebar.includes(text), `the block's sidebar still says "${text}": ${sidebar}`);
      const schemes = await settings.locator("select").nth(1).locator("option").allInnerTexts();
      assert.deepEqual(
        schemes,
        ["Wie in den Einstellungen der Website", "Wie die Seite (ihr color-scheme)", "Hell", "Dunkel"],
        "the colour scheme's choices",
      );
      assert.equal(
        await p.evaluate(() => window.wp.blocks.getBlockType("messenger-check/widget").keywords.join(", ")),
        "DSGVO, Datenschutz-Grundverordnung, WhatsApp, Messenger, Datenschutz",
        "the inserter's keywords",
      );
      await settings.locator("select").first().selectOption("de");
      await p.evaluate(() => window.wp.data.dispatch("core/editor").savePost());
      await p.waitForFunction(
        () => !window.wp.data.select("core/editor").isSavingPost() && !window.wp.data.select("core/editor").isEditedPostDirty(),
        null,
        { timeout: 30_000 },
      );
      await p.close();
    } finally {
      wp("site-language", before);
    }
    const { context } = await newContext(browser);
    try {
      const q = await context.newPage();
      await q.goto(pages.block);
      const w = await until(() => widget(q), "the widget");
      assert.equal(w.lang, "de", "the language chosen in the block's sidebar");
      assert.equal(w.accent, "rgb(42, 111, 43)", "the block's other settings are kept");
    } finally {
      await context.close();
    }
  },
);

/** Settings > Messenger-Check in German, none of it in English; WordPress's own texts English. */
async function germanSettingsPage(p, locale) {
  await p.goto(`${URL_}/wp-admin/options-general.php?page=messenger-check`);
  const settings = await p.locator("#wpbody-content .wrap").innerText();
  for (const text of [
    "Sprache",
    "Sprache der Website",
    "Farbschema",
    "Wie die Seite (ihr color-scheme)",
    "Akzentfarbe (Schaltflächen, Links)",
    "Hintergrund",
    "Alternativen",
    "wie im Katalog (empfohlen)",
    "ausblenden",
    "Handlungsaufforderung: Beschriftung (Deutsch)",
    "Handlungsaufforderung: Adresse",
    "Leer lassen: kein Link.",
    "Was es einstellt",
    "Alternativen, die das Widget empfehlen oder ausblenden soll",
    // Swiss German writes "ss" for "ß" (de_CH, de_CH_informal).
    locale.startsWith("de_CH") ? "Ausserhalb von WordPress" : "Außerhalb von WordPress",
    "Einbettungs-Assistenten öffnen",
  ]) {
    assert.ok(settings.includes(text), `${locale}: the settings page says "${text}"`);
  }
  for (const text of ENGLISH) assert.ok(!settings.includes(text), `${locale}: the settings page still says "${text}"`);
  if (locale.startsWith("de_CH")) assert.ok(!settings.includes("ß"), `${locale}: no "ß" on the settings page`);
  assert.equal(await p.locator("#submit").inputValue(), "Save Changes", "WordPress's own texts stay English (no language pack)");
}

test(
  "a German admin, de_DE, de_DE_formal, de_AT, de_CH and de_CH_informal: the settings page, the plugin list and the editor script's texts in German (Swiss with ss); English again after",
  T,
  async () => {
    const before = wp("site-language", "de_DE");
    const p = await admin.context.newPage();
    try {
      await germanSettingsPage(p, "de_DE");
      // The plugin list: the header's description and the settings link.
      await p.goto(`${URL_}/wp-admin/plugins.php`);
      const row = p.locator('tr[data-plugin="messenger-check/messenger-check.php"]');
      assert.match(await row.locator(".plugin-description").innerText(), /^Wie DSGVO-sicher nutzt ein Betrieb WhatsApp/, "the plugin's description");
      assert.equal(await row.locator("a", { hasText: "Einstellungen" }).count(), 1, "the settings link");

      // de_DE_formal has files of its own (WordPress does not fall back to de_DE).
      wp("site-language", "de_DE_formal");
      await germanSettingsPage(p, "de_DE_formal");
      // The editor page carries the editor script's German (de_DE's: the sidebar in the test
      // above). Its HTML is enough; no editor to start.
      const html = await (await admin.context.request.get(`${URL_}/wp-admin/post.php?post=${pages.blockId}&action=edit`)).text();
      const inline = html.match(/\} \)\( "messenger-check", (\{.*\})\s*\);/);
      assert.ok(inline, "de_DE_formal: the editor script's translations on the editor page");
      const jed = JSON.parse(inline[1]).locale_data.messages;
      assert.equal(jed[""].lang, "de_DE_formal");
      assert.deepEqual(jed["Language and colours"], ["Sprache und Farben"]);
      // Austrian and Swiss admins: German too (WordPress falls back from neither to de_DE).
      for (const locale of ["de_AT", "de_CH", "de_CH_informal"]) {
        wp("site-language", locale);
        await germanSettingsPage(p, locale);
      }
    } finally {
      wp("site-language", before);
    }
    await p.goto(`${URL_}/wp-admin/options-general.php?page=messenger-check`);
    assert.ok((await p.locator("#wpbody-content .wrap").innerText()).includes("Colour scheme"), "English again");
    await p.close();
    assert.deepEqual(pluginLog(), []);
  },
);

test("deleting the plugin removes its option", T, async () => {
  const p = await admin.context.newPage();
  await p.goto(`${URL_}/wp-admin/plugins.php`);
  const row = p.locator('tr[data-plugin="messenger-check/messenger-check.php"]');
  await row.locator("a", { hasText: "Deactivate" }).click();
  await p.waitForURL(/plugins\.php/);
  p.on("dialog", (d) => d.accept());
  await p.locator('tr[data-plugin="messenger-check/messenger-check.php"] a.delete').click();
  await until(async () => wp("option", "messenger_check_options") === "false", "the option to be gone", 30_000);
  assert.equal(wp("plugin-active", "messenger-check/messenger-check.php"), "no");
  assert.deepEqual(pluginLog(), []);
  await p.close();
});
