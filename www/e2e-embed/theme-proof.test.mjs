// mount() on a page with a theme's CSS (issue 20, point 4): a WordPress-like theme's rules on
// elements and :where() and its inherited text properties on <body> change nothing in the
// widget: every element's computed style equals the same widget's on a page without CSS. And
// what still reaches in is what the README says: a host rule with a class and an element.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SITE, newContext, until, useSite, violations } from "./lib.mjs";

const site = useSite();
const T = { timeout: 120_000 };

// What block themes' global styles and classic themes' style.css do to every element.
const THEME = `body { font-family: Georgia, serif; font-size: 19px; line-height: 1.9; letter-spacing: 0.04em; word-spacing: 0.2em; color: #333; font-weight: 300; }
h1, h2, h3, h4 { font-weight: 300; letter-spacing: -0.02em; text-transform: uppercase; margin: 3rem 0 1rem; line-height: 1.1; font-family: Impact, sans-serif; }
p { margin: 0 0 1.5rem; text-indent: 1em; }
a { color: hotpink; text-decoration: none; font-weight: 700; }
button { background: #000; color: #fff; border-radius: 0; padding: 1rem 2rem; text-transform: uppercase; font-weight: 700; box-shadow: 4px 4px 0 #999; }
ul, ol { padding-left: 3rem; list-style: square; }
li { margin-bottom: 1rem; }
fieldset { border: 2px solid #000; padding: 2rem; margin: 2rem 0; }
legend { font-size: 2rem; font-style: italic; }
label { display: block; font-weight: 700; margin-bottom: 0.5rem; }
input, select, textarea { border: 2px solid #000; padding: 0.75rem; font-size: 1.25rem; margin: 4px; }
:where(summary) { font-style: italic; color: teal; }
:where(details) { margin: 2rem 0; border-left: 4px solid teal; }
strong, b { font-weight: 900; color: crimson; }
output { font-family: monospace; }
table, th, td { border: 1px solid #000; padding: 1rem; }
`;

function pageHtml(css) {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>theme</title>${css ? '<link rel="stylesheet" href="theme.css">' : ""}
<link rel="stylesheet" href="column.css"><script type="module" src="main.js"></script></head>
<body><main class="entry-content"><h2>Vor dem Widget</h2><div id="check"></div></main></body></html>
`;
}

function styles(page) {
  return page.evaluate(() => {
    const props = [
      "font-family",
      "font-size",
      "font-weight",
      "font-style",
      "line-height",
      "letter-spacing",
      "word-spacing",
      "text-transform",
      "text-indent",
      "text-decoration-line",
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
      "border-left-width",
      "border-radius",
      "box-shadow",
      "display",
      "list-style-type",
    ];
    return [...document.querySelectorAll("#check .mc, #check .mc *")].map((el) => {
      const s = getComputedStyle(el);
      return `${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""}: ${props.map((k) => `${k}=${s.getPropertyValue(k)}`).join("; ")}`;
    });
  });
}

test("mount() on a themed page: the theme's element rules and inherited text properties change nothing", T, async () => {
  const dir = join(SITE(), "theme-proof");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "theme.css"), THEME);
  writeFileSync(join(dir, "column.css"), "main { width: 700px; }\n");
  writeFileSync(
    join(dir, "main.js"),
    `import { mount } from "../node_modules/messenger-check/index.js";
window.widget = await mount(document.getElementById("check"), { lang: "de", answers: { sector: "trade", messenger: "whatsapp", contact_access: "granted" } });
await window.widget.complete;
document.body.dataset.ready = "1";
`,
  );
  writeFileSync(join(dir, "themed.html"), pageHtml(true));
  writeFileSync(join(dir, "plain.html"), pageHtml(false));
  const { context, log } = await newContext(site.browser);
  try {
    const result = {};
    for (const which of ["themed", "plain"]) {
      const page = await context.newPage();
      await page.goto(site.server.url(`/theme-proof/${which}.html`));
      await until(
        () => page.evaluate(() => document.body.dataset.ready === "1" && document.querySelectorAll("#check .mc-alt-name").length > 0),
        `${which}: the widget with results`,
        30_000,
      );
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      result[which] = await styles(page);
      // The theme does apply around the widget (the check can fail).
      if (which === "themed") assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("h2")).textTransform), "uppercase");
      assert.deepEqual(await violations(page), []);
    }
    assert.ok(result.themed.length > 300, `${result.themed.length} elements compared`);
    assert.equal(result.themed.length, result.plain.length);
    const differ = result.themed.map((s, i) => (s === result.plain[i] ? null : `themed: ${s}\nplain:  ${result.plain[i]}`)).filter(Boolean);
    assert.deepEqual(differ.slice(0, 4), [], `${differ.length} of ${result.themed.length} elements differ`);
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
