// The stylesheets (issue 10): the colour palette exists once, in www/css/tokens.css, and the
// documented defaults agree with it; the page's style.css is built from www/css/ (by
// scripts/css.mjs); browsers without light-dark() get the light palette; text on any accent
// keeps AA contrast.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { DIST, LIVE, ROOT, WORST, fragment, settle, setup } from "./lib.mjs";
import { bundle, BUNDLES } from "../../scripts/css.mjs";

const CSS_DIR = join(ROOT, "www/css");
const TOKENS = join(CSS_DIR, "tokens.css");
/** Cascade order of the page's one stylesheet (scripts/css.mjs, scripts/build.sh). */
const PAGE_ORDER = ["reset.css", "tokens.css", "widget.css", "page.css", "print.css"];

const stripComments = (css) => css.replace(/\/\*[\s\S]*?\*\//g, "");

/** Every CSS file of ours in the tree: not dependencies, builds, or the example host sites. */
function cssFiles(dir = ROOT) {
  const skip = new Set(["node_modules", "target", "dist", "pkg", ".git", ".tools", "test-results", "examples"]);
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...cssFiles(path));
    else if (entry.name.endsWith(".css")) out.push(path);
  }
  return out;
}

// CSS Color 4 named colours (transparent and currentColor are not a palette).
const NAMED = (
  "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown " +
  "burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod " +
  "darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen " +
  "darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue " +
  "firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew " +
  "hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan " +
  "lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray " +
  "lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid " +
  "mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream " +
  "mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen " +
  "paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown " +
  "royalblue saddlebrown salmon seagreen sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue " +
  "tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen"
).split(" ");

/** The colour literals in a stylesheet's declaration values: hex, colour functions, names. */
function colourLiterals(css) {
  const found = [];
  for (const [, value] of stripComments(css).matchAll(/:\s*([^;{}]+)[;}]/g)) {
    for (const m of value.matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix|light-dark)\(/gi)) found.push(m[0]);
    for (const m of value.matchAll(/(?<![-\w])[a-z]+(?![-\w(])/gi)) if (NAMED.includes(m[0].toLowerCase())) found.push(m[0]);
  }
  return found;
}

/** The palette in tokens.css: { name: [light, dark] } from `--_name-l` / `--_name-d`. */
function palette() {
  const css = stripComments(readFileSync(TOKENS, "utf8"));
  const values = Object.fromEntries([...css.matchAll(/(--_[\w-]+?)-(l|d):\s*([^;]+);/g)].map(([, n, s, v]) => [`${n}-${s}`, v.trim()]));
  const names = [...new Set(Object.keys(values).map((k) => k.replace(/-(l|d)$/, "")))];
  return Object.fromEntries(names.map((n) => [n.slice(3), [values[`${n}-l`], values[`${n}-d`]]]));
}

test("colours are named only in www/css/tokens.css (the palette exists once)", () => {
  const files = cssFiles();
  assert.ok(files.includes(TOKENS), "www/css/tokens.css exists");
  for (const name of PAGE_ORDER) assert.ok(files.includes(join(CSS_DIR, name)), `www/css/${name} exists`);
  for (const file of files) {
    if (file === TOKENS) continue;
    assert.deepEqual(
      colourLiterals(readFileSync(file, "utf8")),
      [],
      `${relative(ROOT, file)} names colours; put them in www/css/tokens.css and use its --_* properties`,
    );
  }
  // The check itself finds colours: tokens.css names many.
  assert.ok(colourLiterals(readFileSync(TOKENS, "utf8")).length > 30);
  assert.deepEqual(colourLiterals(".a { color: #abc; border: 1px solid rebeccapurple; b: rgb(0 0 0); }"), ["#abc", "rebeccapurple", "rgb("]);
  assert.deepEqual(colourLiterals(".mc-tag { color: var(--_tan); border: 1px solid currentColor; }"), []);
});

test("tokens.css: every palette colour has a light and a dark value, is used through light-dark(), and has a fallback", () => {
  const css = stripComments(readFileSync(TOKENS, "utf8"));
  const colours = palette();
  assert.ok(Object.keys(colours).length >= 14, `palette: ${Object.keys(colours)}`);
  const fallback = css.slice(css.indexOf("@supports not (color: light-dark("));
  assert.ok(fallback.length < css.length, "the @supports not (light-dark) block exists");
  for (const [name, [light, dark]] of Object.entries(colours)) {
    assert.match(light ?? "", /^#[0-9a-f]{3,6}$/i, `--_${name}-l`);
    assert.match(dark ?? "", /^#[0-9a-f]{3,6}$/i, `--_${name}-d`);
    assert.ok(css.includes(`light-dark(var(--_${name}-l), var(--_${name}-d))`), `--_${name} is used through light-dark()`);
    assert.ok(fallback.includes(`var(--_${name}-l)`), `--_${name} has a light fallback for browsers without light-dark()`);
  }
  // Each value once: no colour is written twice as a palette value.
  const all = Object.values(colours)
    .flat()
    .map((c) => c.toLowerCase());
  const repeated = all.filter((c, i) => all.indexOf(c) !== i && !["#fff"].includes(c));
  assert.deepEqual(repeated, [], "a palette value written twice");
});

test("the documented defaults (www/npm/README.md, README.md) are the palette's", () => {
  const colours = palette();
  const expected = { "--mc-accent": colours.accent, "--mc-accent-text": colours["on-accent"], "--mc-text": colours.text, "--mc-bg": colours.bg };
  const readme = readFileSync(join(ROOT, "www/npm/README.md"), "utf8");
  for (const [property, [light, dark]] of Object.entries(expected)) {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`${property}\``));
    if (!row) continue; // not in the table: nothing to keep in step
    const documented = row.match(/#[0-9a-f]{3,8}\b/gi) || [];
    assert.deepEqual(documented.slice(0, 2), [light, dark], `www/npm/README.md: ${row}`);
  }
  const top = readFileSync(join(ROOT, "README.md"), "utf8");
  for (const property of ["--mc-accent", "--mc-accent-text", "--mc-text", "--mc-bg", "--mc-font", "--mc-radius", "--mc-space"]) {
    assert.ok(top.includes(`\`${property}\``), `README.md documents ${property}`);
  }
});

test("dist/style.css is www/css/ in cascade order, and the page needs no other stylesheet", () => {
  const built = readFileSync(join(DIST, "style.css"), "utf8");
  assert.equal(built, bundle("page"), "run scripts/build.sh");
  assert.deepEqual(BUNDLES.page, PAGE_ORDER);
  assert.deepEqual(
    BUNDLES.package,
    PAGE_ORDER.filter((f) => f !== "page.css"),
    "the package: everything but the page",
  );
  // Only comments are dropped: every rule of the sources is in the bundle.
  const rules = (css) => stripComments(css).replace(/\s+/g, " ").trim();
  assert.equal(rules(built), rules(PAGE_ORDER.map((f) => readFileSync(join(CSS_DIR, f), "utf8")).join("\n")));
  for (const html of ["index.html", "embed.html"]) {
    const links = [...readFileSync(join(DIST, html), "utf8").matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(links, ["style.css"], html);
  }
});

// ---------------------------------------------------------------------------------------
// In the browser.

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Opens the page with the worst-case answers; `css` may rewrite the stylesheet. */
async function openPage({ colorScheme = "light", css } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, locale: "de-DE" });
  if (css) {
    await context.route("**/style.css", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: css(await response.text()) });
    });
  }
  const page = await context.newPage();
  await page.goto(`${env.url}?lang=de#${fragment(WORST)}`);
  await page.waitForSelector(LIVE);
  await settle(page);
  return { page, close: () => context.close() };
}

/** Every element's computed colours: each property that can hold one. */
function computed(page) {
  return page.evaluate(() =>
    [...document.body.querySelectorAll("*")].map((el) => {
      const cs = getComputedStyle(el);
      const out = {};
      for (let i = 0; i < cs.length; i++) {
        if (/color|fill|stroke|shadow|background|border|outline|caret/.test(cs[i]) && cs[i] !== "color-scheme" && !cs[i].startsWith("--"))
          out[cs[i]] = cs.getPropertyValue(cs[i]);
      }
      return out;
    }),
  );
}

function differences(got, want) {
  assert.equal(got.length, want.length);
  const out = [];
  got.forEach((el, i) => {
    for (const [p, v] of Object.entries(el)) if (want[i][p] !== v) out.push(`element ${i} ${p}: ${v}, light page: ${want[i][p]}`);
  });
  return out;
}

test("browsers without light-dark() get the light palette, also in a dark system", { timeout: 60_000 }, async () => {
  const light = await openPage({ colorScheme: "light" });
  const want = await computed(light.page);
  await light.close();
  // Chromium knows light-dark(); the fallback block is made to apply as it would elsewhere.
  const old = await openPage({
    colorScheme: "dark",
    css: (text) => {
      assert.ok(text.includes("@supports not (color: light-dark(#000, #fff))"));
      return text.replace("@supports not (color: light-dark(#000, #fff))", "@supports (display: block)");
    },
  });
  const got = await computed(old.page);
  await old.close();
  assert.deepEqual(differences(got, want).slice(0, 10), [], "the fallback gives exactly the light page");
  // The comparison can fail: the dark page itself differs from the light one.
  const dark = await openPage({ colorScheme: "dark" });
  assert.ok(differences(await computed(dark.page), want).length > 100, "the dark page differs");
  await dark.close();
});

/** WCAG contrast of the text on the pressed language button, colours read back from pixels. */
function buttonContrast(page) {
  return page.evaluate(() => {
    const button = document.querySelector(".mc-lang-button[aria-pressed=true]");
    const cs = getComputedStyle(button);
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    const rgb = (colour) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const lum = (c) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const bg = rgb(cs.backgroundColor),
      fg = rgb(cs.color);
    const [hi, lo] = [lum(bg), lum(fg)].sort((a, b) => b - a);
    return { bg: `rgb(${bg})`, fg: `rgb(${fg})`, ratio: (hi + 0.05) / (lo + 0.05) };
  });
}

const setVar = (page, name, value) =>
  page.evaluate(
    ([n, v]) => {
      // CSSOM, which the page's style-src 'self' allows (as the theme option does).
      if (v === null) document.documentElement.style.removeProperty(n);
      else document.documentElement.style.setProperty(n, v);
    },
    [name, value],
  );

for (const colorScheme of ["light", "dark"]) {
  test(`text on the accent keeps AA contrast for the default and for custom accents (${colorScheme})`, { timeout: 60_000 }, async () => {
    const { page, close } = await openPage({ colorScheme });
    const base = await buttonContrast(page);
    assert.equal(base.bg, colorScheme === "light" ? "rgb(29,90,166)" : "rgb(140,184,245)", "pixels read back");
    assert.ok(base.ratio >= 4.5, `default accent: ${JSON.stringify(base)}`);
    // The palette's own text colour for the default accent.
    assert.equal(base.fg, colorScheme === "light" ? "rgb(255,255,255)" : "rgb(11,27,51)");
    for (const accent of ["#8a1c1c", "#16324f", "#1d5aa6", "#8cb8f5", "#ffd400", "#767676", "#777", "#0a7d32", "#ff6600", "#6b3fa0"]) {
      await setVar(page, "--mc-accent", accent);
      const c = await buttonContrast(page);
      assert.ok(c.ratio >= 4.5, `--mc-accent ${accent}: ${JSON.stringify(c)}`);
    }
    // An embedder's own text colour wins.
    await setVar(page, "--mc-accent", "#ffd400");
    await setVar(page, "--mc-accent-text", "#3a2a00");
    assert.equal((await buttonContrast(page)).fg, "rgb(58,42,0)");
    await close();
  });
}
