// The widget's first screen as HTML, for hosts whose server renders the page (Next.js, Astro,
// Nuxt, or any template engine): the server sends the questions with the page, so the
// visitor reads and answers them before any script has run, and the widget takes them over
// when its WebAssembly has arrived (what was clicked, the focus and the scroll stay). No DOM
// and no WebAssembly needed: it runs in Node 20+ and in edge runtimes.
//
//   import { elementHTML, mountHTML } from "messenger-check/server";
//   // <messenger-check>: the element with its Shadow DOM declared in HTML
//   const html = await elementHTML({ lang: "de", stylesheet: "/assets/messenger-check/style.css" });
//   // mount(): the screen to put inside the element you will mount on
//   const inner = await mountHTML({ lang: "de" });
//
// The HTML holds no script and no style attribute (a strict policy allows it). Text is
// escaped; the values given here are checked and escaped too.
import { LANGUAGES } from "./generated.js";
import { payload, toHTML } from "./screen.js";

const codes = LANGUAGES.map((l) => l.code);
const attr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function langOf(options, place) {
  const lang = options && options.lang !== undefined ? options.lang : codes[0];
  if (!codes.includes(lang))
    throw new Error(`messenger-check: ${place}: option \`lang\`: must be ${codes.join(" or ")} (got ${JSON.stringify(lang)})`);
  return lang;
}

/**
 * The first screen for mount(): `<div class="mc-pre" …>…</div>`, to put inside the element
 * that mount(element, { lang }) is later called on (with the same `lang`).
 */
export async function mountHTML(options = {}) {
  return toHTML(await payload(langOf(options, "mountHTML")));
}

/**
 * `<messenger-check>` with its first screen in a declarative Shadow DOM, closed as the
 * element's own is (`<template shadowrootmode="closed">`: the page's scripts do not read the
 * questions and answers; the element reaches it through its internals). Options: `lang`, `theme` (attributes of the element),
 * `stylesheet`: the address of the package's style.css as your site serves it, so the screen
 * is styled before any script runs (without it, it is styled when the element's script runs).
 */
export async function elementHTML(options = {}) {
  const lang = langOf(options, "elementHTML");
  const attrs = [`lang="${lang}"`];
  // (The element checks its theme when it starts, as for any attribute.)
  if (options.theme !== undefined) attrs.push(`theme="${attr(options.theme)}"`);
  const link = options.stylesheet ? `<link rel="stylesheet" href="${attr(options.stylesheet)}">` : "";
  const screen = toHTML(await payload(lang));
  return `<messenger-check ${attrs.join(" ")}><template shadowrootmode="closed">${link}<div class="mc-host">${screen}</div></template></messenger-check>`;
}
