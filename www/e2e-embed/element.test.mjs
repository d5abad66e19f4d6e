// <messenger-check> (www/examples/custom-element/) on a page with hostile CSS, served with the
// strict CSP: the widget inside the Shadow DOM stays readable, the host page's own styles are
// not changed by it, the --mc-* custom properties and the scheme reach in, the attributes are
// observed and `change` events carry the assessment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LIVE_SCORE, foreignRequests, newContext, until, useSite, violations } from "./lib.mjs";

const PAGE = "/examples/custom-element/";
const site = useSite();

/** The live widget's score text inside the element's shadow root (not a first screen's). */
function score(page) {
  return page.evaluate((live) => document.querySelector("messenger-check")?.shadowRoot?.querySelector(live)?.textContent ?? null, LIVE_SCORE);
}

/** Computed styles of the host page's own elements. */
function hostStyles(page) {
  return page.evaluate(() => {
    const props = [
      "color",
      "font-size",
      "font-family",
      "margin-top",
      "padding-top",
      "border-top-style",
      "box-sizing",
      "display",
      "visibility",
      "background-color",
      "line-height",
    ];
    const pick = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
    const els = {
      html: document.documentElement,
      body: document.body,
      main: document.querySelector("main"),
      h1: document.querySelector("h1"),
      intro: document.querySelector(".site-intro"),
      fieldset: document.querySelector(".site-search"),
      label: document.querySelector(".site-search label"),
      input: document.querySelector(".site-search input"),
      status: document.querySelector(".site-status"),
    };
    return Object.fromEntries(Object.entries(els).map(([k, el]) => [k, pick(el)]));
  });
}

test("hostile CSS cannot break the widget in the Shadow DOM, and the widget does not change the page", async () => {
  // The page without the widget's script: the host's own styles, for comparison.
  const plain = await newContext(site.browser);
  let baseline;
  try {
    const page = await plain.context.newPage();
    await page.route("**/examples/custom-element/main.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
    await page.goto(site.server.url(PAGE));
    baseline = await hostStyles(page);
    // The hostile CSS really is hostile: a paragraph of the page is transparent and 2px.
    assert.equal(baseline.intro.color, "rgba(0, 0, 0, 0)");
    assert.equal(baseline.intro["font-size"], "2px");
  } finally {
    await plain.context.close();
  }

  const { context, log } = await newContext(site.browser);
  try {
    const page = await context.newPage();
    await page.goto(site.server.url(PAGE));
    await until(() => score(page), "the widget to render in the shadow root");
    const inside = await page.evaluate(() => {
      const root = document.querySelector("messenger-check").shadowRoot;
      const legend = root.querySelector("legend");
      const label = root.querySelector("label.mc-option");
      const why = root.querySelector("p.mc-why");
      const style = (el) => getComputedStyle(el);
      return {
        mode: root.mode,
        sheets: root.adoptedStyleSheets.length,
        documentSheets: document.adoptedStyleSheets.length,
        styleElementsInPage: document.querySelectorAll("style").length,
        legendColor: style(legend).color,
        legendSize: parseFloat(style(legend).fontSize),
        legendVisibility: style(legend).visibility,
        labelColor: style(label).color,
        labelSize: parseFloat(style(label).fontSize),
        whySize: parseFloat(style(why).fontSize),
        inputDisplay: style(root.querySelector("input")).display,
        mcDisplay: style(root.querySelector(".mc")).display,
        accent: style(root.querySelector(".mc-lang-button[aria-pressed=true]")).backgroundColor,
        font: style(root.querySelector(".mc")).fontFamily,
      };
    });
    assert.equal(inside.mode, "open");
    assert.equal(inside.sheets, 1, "the widget's stylesheet is inside the shadow root");
    assert.equal(inside.documentSheets, 0, "and not in the page");
    assert.equal(inside.styleElementsInPage, 0);
    assert.notEqual(inside.legendColor, "rgba(0, 0, 0, 0)", "legend is not transparent");
    assert.ok(inside.legendSize >= 12, `legend font-size ${inside.legendSize}px`);
    assert.equal(inside.legendVisibility, "visible");
    assert.notEqual(inside.labelColor, "rgba(0, 0, 0, 0)");
    assert.ok(inside.labelSize >= 12, `label font-size ${inside.labelSize}px`);
    assert.ok(inside.whySize >= 12, `paragraph font-size ${inside.whySize}px`);
    assert.notEqual(inside.inputDisplay, "none");
    assert.notEqual(inside.mcDisplay, "none");
    // Theming from the page's CSS (messenger-check { --mc-accent: #8a1c1c; --mc-font: … }).
    assert.equal(inside.accent, "rgb(138, 28, 28)");
    assert.match(inside.font, /Trebuchet MS/);

    // The widget left the page's own styles exactly as they were.
    assert.deepEqual(await hostStyles(page), baseline);

    // Readable for real: a screenshot of the legend has more than one colour.
    const legend = page.locator("messenger-check legend").first();
    assert.ok(await legend.isVisible());
    assert.ok((await legend.textContent()).length > 3);

    // Interaction through the shadow root: answer, score and the change event.
    const before = await score(page);
    await page.locator('messenger-check input[name="messenger"][value="whatsapp"]').check();
    await page.locator('messenger-check input[name="contact_access"][value="granted"]').check();
    await until(async () => (await score(page)) !== before, "the score to change");
    const now = await score(page);
    await until(async () => (await page.locator("#status").textContent()) === now, "the change event to reach the page");

    assert.deepEqual(await violations(page), []);
    assert.deepEqual(foreignRequests(log, [site.server.origin]), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("attributes lang and theme are observed; events, properties and removal", async () => {
  const { context, log } = await newContext(site.browser, { colorScheme: "light" });
  try {
    const page = await context.newPage();
    await page.goto(site.server.url(PAGE));
    await until(() => score(page), "the widget");
    const r = await page.evaluate(async () => {
      const el = document.querySelector("messenger-check");
      const root = el.shadowRoot;
      const wait = async (fn) => {
        for (let i = 0; i < 300; i++) {
          const v = fn();
          if (v) return v;
          await new Promise((r) => setTimeout(r, 10));
        }
        return null;
      };
      const legend = () => root.querySelector("legend").textContent;
      const bg = () => getComputedStyle(root.querySelector(".mc")).backgroundColor;
      const events = [];
      el.addEventListener("change", (e) => events.push(e.detail.score));
      const de = legend();
      el.setAttribute("lang", "en");
      await wait(() => root.querySelector(".mc").lang === "en");
      const en = legend();
      const light = bg();
      el.setAttribute("theme", "dark");
      await wait(() => bg() !== light);
      const dark = bg();
      el.setAttribute("theme", "light");
      await wait(() => bg() === light);
      const lightAgain = bg();
      // A bad attribute value: reported as an error event, the widget keeps working.
      const errors = [];
      el.addEventListener("error", (e) => errors.push(e instanceof ErrorEvent && e.error instanceof Error ? e.message : "not an ErrorEvent"));
      el.setAttribute("lang", "fr");
      await new Promise((r) => setTimeout(r, 50));
      // Answers through the property: assessment() has them at once, before the widget has
      // rendered them, and still after.
      el.answers = { sector: "health", audience: ["customers"], messenger: "whatsapp" };
      const atOnce = el.assessment().score;
      await el.ready;
      await wait(() => root.querySelector('input[name="sector"][value="health"]')?.checked);
      const prefilled = el.assessment().score;
      // Removing the element unmounts the widget.
      el.remove();
      await new Promise((r) => setTimeout(r, 50));
      const afterRemove = root.querySelectorAll(".mc").length;
      // Putting it back mounts it again with the answers it had.
      document.querySelector("main").append(el);
      await el.ready;
      const back = el.assessment()?.score;
      return {
        de,
        en,
        light,
        dark,
        lightAgain,
        errors,
        events: events.length,
        atOnce,
        prefilled,
        afterRemove,
        back,
        isDefined: !!customElements.get("messenger-check"),
      };
    });
    assert.ok(r.isDefined);
    assert.notEqual(r.en, r.de, "lang attribute switches the language");
    assert.equal(r.light, "rgb(255, 255, 255)");
    assert.equal(r.dark, "rgb(21, 24, 28)", "theme=dark");
    assert.equal(r.lightAgain, "rgb(255, 255, 255)", "theme=light");
    assert.ok(
      r.errors.some((m) => /attribute `lang`: unknown language `fr`/.test(m)),
      JSON.stringify(r.errors),
    );
    assert.ok(r.events >= 2, `change events: ${r.events}`);
    assert.ok(r.prefilled > 0);
    assert.equal(r.atOnce, r.prefilled, "assessment() has the answers as soon as they are given");
    assert.equal(r.afterRemove, 0, "removed element unmounted its widget");
    assert.equal(r.back, r.prefilled, "re-attached element has its answers back");
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("theme=auto follows the host page's color-scheme (and through it the system's)", async () => {
  for (const [system, hostScheme, expected] of [
    ["dark", null, "rgb(255, 255, 255)"], // a page that declares nothing is light: so is the widget
    ["light", "dark", "rgb(21, 24, 28)"],
    ["dark", "light", "rgb(255, 255, 255)"],
    ["dark", "light dark", "rgb(21, 24, 28)"],
    ["light", "light dark", "rgb(255, 255, 255)"],
  ]) {
    const { context } = await newContext(site.browser, { colorScheme: system });
    try {
      const page = await context.newPage();
      await page.goto(site.server.url(PAGE));
      await until(() => score(page), "the widget");
      const bg = await page.evaluate(async (hostScheme) => {
        const el = document.querySelector("messenger-check");
        if (hostScheme) {
          // The host declares its scheme (CSSOM, as a page's theme toggle would); the widget
          // follows without a remount (new answers are loaded, as a host page would).
          document.documentElement.style.colorScheme = hostScheme;
          el.answers = {};
          await el.ready;
          for (let i = 0; i < 300 && !el.shadowRoot.querySelector("output.mc-score"); i++) await new Promise((r) => setTimeout(r, 10));
        }
        return getComputedStyle(el.shadowRoot.querySelector(".mc")).backgroundColor;
      }, hostScheme);
      assert.equal(bg, expected, `system ${system}, host ${hostScheme}`);
    } finally {
      await context.close();
    }
  }
});
