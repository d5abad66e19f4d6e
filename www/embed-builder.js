// The embed builder (embed-builder.html): a consultancy picks the widget's language, colour
// scheme and colours (with a live WCAG contrast check), which alternatives to recommend or
// hide, a call to action, and the way to embed (script, element, iframe); sees the widget
// live; and copies a ready snippet, the file it loads, and the Content-Security-Policy its
// site needs. No code to write.
//
// Nothing is sent anywhere and nothing is stored: the page reads only its own files (the
// widget, and embed-snippet.js to offer it for the iframe way). What the widget knows — the
// languages, the messengers, the theme fields, and whether a setting is valid — comes from the
// widget itself (its wasm), never from a copy here. The page builds its DOM with
// createElement/textContent (no innerHTML), so it runs under the strict policy and Trusted Types.
import init, { languages, messengers, mount, onPanic, themeProperties } from "./pkg/messenger_check.js";

/** The builder's own texts, German first. */
const TEXTS = {
  de: {
    title: "Messenger-Check einbetten",
    intro:
      "Stellen Sie den Messenger-Check für Ihre Website ein, sehen Sie ihn sofort in der Vorschau und kopieren Sie den fertigen Code. " +
      "Diese Seite sendet nichts und speichert nichts: alles bleibt in Ihrem Browser.",
    uiLanguage: "Sprache dieser Seite",
    settings: "Einstellungen",
    widgetLanguage: "Sprache des Widgets",
    scheme: "Farbschema",
    schemes: { auto: "Wie Ihre Seite (ihr color-scheme)", light: "Hell", dark: "Dunkel" },
    colours: "Farben",
    colourFields: { accent: "Akzentfarbe (Schaltflächen, Links)", text: "Textfarbe", background: "Hintergrund" },
    resetColours: "Standardfarben",
    contrast: "Kontrast nach WCAG 2.1",
    contrastChecks: {
      button: "Text auf der Akzentfarbe (Schaltflächen)",
      text: "Text auf dem Hintergrund",
      link: "Akzentfarbe auf dem Hintergrund (Links)",
    },
    verdict: { aa: "erfüllt AA", large: "reicht nur für große Schrift", fail: "zu wenig Kontrast" },
    alternatives: "Alternativen",
    alternativesHint:
      "Welche Messenger das Widget als Alternative nennt. Wählen Sie bei einem oder mehreren „empfehlen“, empfiehlt es nur diese; " +
      "„ausblenden“ nennt es nie.",
    choice: { default: "wie im Katalog", recommend: "empfehlen", hide: "ausblenden" },
    catalogDefault: { yes: "im Katalog: empfohlen", no: "im Katalog: nicht empfohlen" },
    cta: "Handlungsaufforderung",
    ctaHint: "Ein Link unter dem Ergebnis, etwa zu Ihrer Beratung. Leer lassen: kein Link. Eine Sprache genügt.",
    ctaLabel: (name) => `Beschriftung (${name})`,
    ctaUrl: "Adresse (https://…, mailto:… oder /pfad)",
    way: "Art der Einbettung",
    ways: {
      script: "Skript: mount() in einem Element Ihrer Seite",
      element: "Element: <messenger-check>, abgeschirmt im Shadow DOM",
      iframe: "iframe: für Seiten, deren Richtlinie kein WebAssembly erlaubt",
    },
    packagePath: "Pfad, unter dem Ihre Seite das npm-Paket ausliefert",
    widgetUrl: "Adresse von embed.html (wo das Widget liegt)",
    badWidgetUrl: "Bitte eine vollständige Adresse mit https:// (oder http://) angeben.",
    // The iframe's height channel and call to action are for the listed sites only (www/embed.js).
    hostOrigin: "Adresse Ihrer Website, die den Rahmen einbettet (z. B. https://www.innung-musterstadt.de)",
    badHostOrigin: "Bitte die Adresse Ihrer Website mit https:// (oder http://) angeben.",
    hostsMeta: "In embed.html auf dem Server des Widgets eintragen (nur diese Websites erfahren die Höhe des Rahmens, in Stufen von 1.000 px, und nur auf sie darf die Handlungsaufforderung verweisen)",
    ctaMailtoFrame: "Im iframe kann die Handlungsaufforderung nur auf eine Webadresse Ihrer Website verweisen, nicht auf mailto:.",
    preview: "Vorschau",
    previewHint: "So erscheint das Widget; probieren Sie es aus.",
    code: "Ihr Code",
    html: "In Ihre Seite einfügen (HTML)",
    file: (name) => `Als Datei ${name} neben Ihre Seite legen`,
    csp: "Content-Security-Policy, die Ihre Seite braucht",
    copy: "Kopieren",
    copied: "Kopiert.",
    copyFailed: "Kopieren ging nicht; der Text ist markiert: mit Strg+C (⌘+C) kopieren.",
    invalid: "Diese Einstellung geht so nicht:",
    fixFirst: "Bitte zuerst die Einstellung oben korrigieren.",
    fileComment: "messenger-check, eingerichtet mit dem Einbettungs-Assistenten.",
    loadError: "Der Assistent konnte nicht starten (WebAssembly nicht verfügbar?).",
  },
  en: {
    title: "Embed the messenger check",
    intro:
      "Set up the messenger check for your website, see it in the preview at once, and copy the finished code. " +
      "This page sends nothing and stores nothing: everything stays in your browser.",
    uiLanguage: "Language of this page",
    settings: "Settings",
    widgetLanguage: "Language of the widget",
    scheme: "Colour scheme",
    schemes: { auto: "As your page (its color-scheme)", light: "Light", dark: "Dark" },
    colours: "Colours",
    colourFields: { accent: "Accent (buttons, links)", text: "Text", background: "Background" },
    resetColours: "Default colours",
    contrast: "Contrast (WCAG 2.1)",
    contrastChecks: {
      button: "Text on the accent (buttons)",
      text: "Text on the background",
      link: "Accent on the background (links)",
    },
    verdict: { aa: "meets AA", large: "enough for large text only", fail: "not enough contrast" },
    alternatives: "Alternatives",
    alternativesHint:
      "Which messengers the widget names as alternatives. Choose “recommend” for one or more and it recommends only those; " +
      "“hide” and it never names it.",
    choice: { default: "as the catalog has it", recommend: "recommend", hide: "hide" },
    catalogDefault: { yes: "catalog: recommended", no: "catalog: not recommended" },
    cta: "Call to action",
    ctaHint: "A link below the result, e.g. to your advice service. Leave empty for none. One language is enough.",
    ctaLabel: (name) => `Label (${name})`,
    ctaUrl: "Address (https://…, mailto:… or /path)",
    way: "How to embed",
    ways: {
      script: "Script: mount() into an element of your page",
      element: "Element: <messenger-check>, shielded in a Shadow DOM",
      iframe: "iframe: for pages whose policy forbids WebAssembly",
    },
    packagePath: "Path where your site serves the npm package",
    widgetUrl: "Address of embed.html (where the widget is served)",
    badWidgetUrl: "Please give a full address starting with https:// (or http://).",
    hostOrigin: "Address of your website that embeds the frame (e.g. https://www.guild-example.org)",
    badHostOrigin: "Please give your website's address starting with https:// (or http://).",
    hostsMeta: "Put into embed.html on the widget's server (only these sites learn the frame's height, in steps of 1,000 px, and only they may be the call to action's address)",
    ctaMailtoFrame: "In the iframe, the call to action can only link to a web address on your site, not to mailto:.",
    preview: "Preview",
    previewHint: "This is how the widget appears; try it.",
    code: "Your code",
    html: "Paste into your page (HTML)",
    file: (name) => `Save as ${name} next to your page`,
    csp: "Content-Security-Policy your page needs",
    copy: "Copy",
    copied: "Copied.",
    copyFailed: "Could not copy; the text is selected: copy it with Ctrl+C (⌘+C).",
    invalid: "This setting does not work:",
    fixFirst: "Please correct the setting above first.",
    fileComment: "messenger-check, set up with the embed builder.",
    loadError: "The builder could not start (no WebAssembly?).",
  },
};

const FILE = "messenger-check-embed.js";
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const COLOURS = ["accent", "text", "background"];

// ---------------------------------------------------------------------------------------
// Small helpers

/** An element with attributes (`on…` functions become listeners) and children. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "value") el.value = value;
    else if (key === "checked") el.checked = true;
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

/** Text for an HTML attribute value in double quotes. */
function attr(text) {
  return String(text).replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

/** [r, g, b] (0..255) of a computed colour, or null. */
/**
 * A computed colour as [r, g, b] on 0..255: `rgb()`/`rgba()`, or `color(srgb …)` and
 * `color(srgb-linear …)` (0..1), which browsers report for colours computed with relative
 * colour syntax (the widget's text on a custom accent, www/css/tokens.css).
 */
function rgb(css) {
  const m = /^rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css || "");
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const c = /^color\((srgb|srgb-linear) ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(css || "");
  if (!c) return null;
  const encode = (v) => (c[1] === "srgb" ? v : v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
  return [c[2], c[3], c[4]].map((v) => Math.min(255, Math.max(0, encode(Number(v)) * 255)));
}

function hex([r, g, b]) {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The WCAG 2.1 contrast ratio of two sRGB colours (relative luminance, 1.4.3). Ten lines of
 * the standard's formula; a dependency would be larger than the function.
 */
function contrast(a, b) {
  const lum = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

// ---------------------------------------------------------------------------------------
// State

const state = {
  ui: "de",
  lang: null,
  scheme: "auto",
  /** Colours the embedder chose (#rrggbb); absent: the widget's default. */
  colours: {},
  /** Messenger id -> "default" | "recommend" | "hide". */
  alternatives: {},
  cta: { label: {}, url: "" },
  way: "script",
  packagePath: "/node_modules/messenger-check/",
  widgetUrl: new URL("embed.html", location.href).href,
  /** The iframe way: the site that embeds the frame (listed in embed.html, see www/embed.js). */
  hostOrigin: "",
};

let LANGS = [];
let MESSENGERS = [];
let THEME = {};
let snippetJs = "";

const t = () => TEXTS[state.ui];

/** The options of mount() for the current settings. */
function options() {
  const out = { lang: state.lang, theme: { scheme: state.scheme, ...state.colours } };
  const catalog = {};
  const pick = (choice) => MESSENGERS.filter((m) => state.alternatives[m.id] === choice).map((m) => m.id);
  const recommend = pick("recommend");
  const hide = pick("hide");
  if (recommend.length || hide.length) {
    catalog.alternatives = {};
    if (recommend.length) catalog.alternatives.recommend = recommend;
    if (hide.length) catalog.alternatives.hide = hide;
  }
  const label = Object.fromEntries(Object.entries(state.cta.label).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
  const url = state.cta.url.trim();
  if (url || Object.keys(label).length) catalog.call_to_action = { label, url };
  if (Object.keys(catalog).length) out.catalog = catalog;
  return out;
}

/** Whether the address of embed.html is a usable one (the iframe way). */
function snippetBase() {
  try {
    return /^https?:$/.test(new URL(state.widgetUrl).protocol);
  } catch {
    return false;
  }
}

/** The snippet: { html, file, csp, hosts } for the current settings (null when a setting is invalid). */
function snippet(o) {
  const pkg = state.packagePath.endsWith("/") ? state.packagePath : `${state.packagePath}/`;
  const head = `// ${t().fileComment}\n`;
  if (state.way === "script") {
    return {
      html: `<div id="messenger-check"></div>\n<script type="module" src="${FILE}"></script>`,
      file: `${head}import { mount } from "${pkg}index.js";\n\nmount(document.getElementById("messenger-check"), ${JSON.stringify(o, null, 2)});\n`,
      csp: STRICT,
    };
  }
  if (state.way === "element") {
    let file = `${head}import "${pkg}element.js";\n\nconst element = document.querySelector("messenger-check");\n`;
    if (o.catalog) file += `element.catalog = ${JSON.stringify(o.catalog, null, 2)};\n`;
    const vars = Object.fromEntries(Object.entries(state.colours).map(([field, value]) => [THEME[field].property, value]));
    if (Object.keys(vars).length) {
      file += `// Colours: CSS custom properties, set through the CSSOM (which style-src 'self' allows).\n`;
      file += `for (const [property, value] of Object.entries(${JSON.stringify(vars)})) element.style.setProperty(property, value);\n`;
    }
    return {
      html: `<messenger-check lang="${attr(o.lang)}" theme="${attr(state.scheme)}"></messenger-check>\n<script type="module" src="${FILE}"></script>`,
      file,
      csp: STRICT,
    };
  }
  // iframe: the settings travel in embed.html's query (www/embed.js reads them).
  let base;
  try {
    base = new URL(state.widgetUrl);
    if (!/^https?:$/.test(base.protocol)) throw new Error("protocol");
  } catch {
    return null;
  }
  const q = new URLSearchParams({ lang: o.lang, theme: state.scheme });
  for (const [field, value] of Object.entries(state.colours)) q.set(field, value);
  const alt = o.catalog?.alternatives;
  if (alt?.recommend) q.set("recommend", alt.recommend.join(","));
  if (alt?.hide) q.set("hide", alt.hide.join(","));
  const cta = o.catalog?.call_to_action;
  if (cta) {
    for (const [code, text] of Object.entries(cta.label)) q.set(`cta_${code}`, text);
    if (cta.url) q.set("cta_url", cta.url);
  }
  const src = `${base.origin}${base.pathname}?${q}`;
  // The sites embed.html must list: the one that embeds it, and the call to action's.
  let hostOrigin;
  try {
    hostOrigin = new URL(state.hostOrigin.trim());
    if (!/^https?:$/.test(hostOrigin.protocol)) throw new Error("protocol");
  } catch {
    return null;
  }
  const hosts = [hostOrigin.origin];
  if (cta?.url) {
    if (/^mailto:/i.test(cta.url)) return null;
    try {
      const target = new URL(cta.url, hostOrigin).origin;
      if (target !== base.origin && !hosts.includes(target)) hosts.push(target);
    } catch {
      // the widget's own check reports it
    }
  }
  return {
    html: `<iframe data-messenger-check src="${attr(src)}" title="Messenger-Check"></iframe>\n<script src="${FILE}" defer></script>`,
    file: snippetJs,
    csp: `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${base.origin}`,
    hosts: `<meta name="messenger-check-hosts" content="${attr(hosts.join(" "))}">`,
  };
}

// ---------------------------------------------------------------------------------------
// The page

const app = document.getElementById("builder");
let preview = null; // the mounted widget
let previewHost = null;
let renderTimer = 0;

function radios(name, legend, choices, current, onChange, hint) {
  return h(
    "fieldset",
    { class: "mcb-fieldset" },
    h("legend", {}, legend),
    hint ? h("p", { class: "mcb-hint" }, hint) : null,
    choices.map(([value, label]) =>
      h(
        "label",
        { class: "mcb-choice" },
        h("input", { type: "radio", name, value, id: `mcb-${name}-${value}`, checked: value === current, onchange: () => onChange(value) }),
        " ",
        label,
      ),
    ),
  );
}

function field(id, label, input) {
  return h("p", { class: "mcb-field" }, h("label", { for: id }, label), input);
}

function output(id, label, text, rows) {
  const area = h("textarea", { id, class: "mcb-code", readonly: true, rows: String(rows), spellcheck: "false", value: text });
  const status = h("span", { class: "mcb-copied", role: "status", id: `${id}-status` });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = t().copied;
    } catch {
      area.focus();
      area.select();
      status.textContent = t().copyFailed;
    }
  };
  return h(
    "div",
    { class: "mcb-output" },
    h("label", { for: id }, label),
    area,
    h("p", {}, h("button", { type: "button", class: "mcb-button", id: `${id}-copy`, onclick: copy }, t().copy), " ", status),
  );
}

function form() {
  const T = t();
  const ctaInputs = LANGS.map((l) =>
    field(
      `mcb-cta-${l.code}`,
      T.ctaLabel(l.name),
      h("input", {
        type: "text",
        id: `mcb-cta-${l.code}`,
        lang: l.code,
        value: state.cta.label[l.code] || "",
        oninput: (e) => update(() => (state.cta.label[l.code] = e.target.value)),
      }),
    ),
  );
  return h(
    "form",
    { class: "mcb-form", "aria-labelledby": "mcb-settings", onsubmit: (e) => e.preventDefault(), novalidate: true },
    h("h2", { id: "mcb-settings" }, T.settings),
    radios("lang", T.widgetLanguage, LANGS.map((l) => [l.code, l.name]), state.lang, (v) => update(() => (state.lang = v))),
    radios("scheme", T.scheme, Object.entries(T.schemes), state.scheme, (v) => update(() => (state.scheme = v))),
    h(
      "fieldset",
      { class: "mcb-fieldset" },
      h("legend", {}, T.colours),
      COLOURS.map((f) =>
        field(
          `mcb-colour-${f}`,
          T.colourFields[f],
          h("input", { type: "color", id: `mcb-colour-${f}`, value: state.colours[f] || "#000000", oninput: (e) => update(() => (state.colours[f] = e.target.value)) }),
        ),
      ),
      h("p", {}, h("button", { type: "button", class: "mcb-button mcb-quiet", id: "mcb-reset-colours", onclick: () => update(() => (state.colours = {})) }, T.resetColours)),
      h("div", { class: "mcb-contrast", id: "mcb-contrast", role: "status", "aria-live": "polite" }),
    ),
    h(
      "fieldset",
      { class: "mcb-fieldset" },
      h("legend", {}, T.alternatives),
      h("p", { class: "mcb-hint", id: "mcb-alternatives-hint" }, T.alternativesHint),
      h(
        "ul",
        { class: "mcb-alternatives" },
        MESSENGERS.map((m) =>
          h(
            "li",
            {},
            h("label", { for: `mcb-alt-${m.id}` }, m.name, " ", h("span", { class: "mcb-hint" }, `(${m.recommended ? T.catalogDefault.yes : T.catalogDefault.no})`)),
            h(
              "select",
              { id: `mcb-alt-${m.id}`, "aria-describedby": "mcb-alternatives-hint", onchange: (e) => update(() => (state.alternatives[m.id] = e.target.value)) },
              Object.entries(T.choice).map(([value, label]) => h("option", { value, selected: (state.alternatives[m.id] || "default") === value }, label)),
            ),
          ),
        ),
      ),
    ),
    h(
      "fieldset",
      { class: "mcb-fieldset", id: "mcb-cta-fieldset" },
      h("legend", {}, T.cta),
      h("p", { class: "mcb-hint" }, T.ctaHint),
      ctaInputs,
      field(
        "mcb-cta-url",
        T.ctaUrl,
        h("input", { type: "text", inputmode: "url", id: "mcb-cta-url", value: state.cta.url, oninput: (e) => update(() => (state.cta.url = e.target.value)) }),
      ),
    ),
    radios("way", T.way, Object.entries(T.ways), state.way, (v) => update(() => (state.way = v), true)),
    state.way === "iframe"
      ? [
        field("mcb-widget-url", T.widgetUrl, h("input", { type: "url", id: "mcb-widget-url", value: state.widgetUrl, oninput: (e) => update(() => (state.widgetUrl = e.target.value)) })),
        field("mcb-host-origin", T.hostOrigin, h("input", { type: "url", id: "mcb-host-origin", value: state.hostOrigin, oninput: (e) => update(() => (state.hostOrigin = e.target.value)) })),
      ]
      : field("mcb-package-path", T.packagePath, h("input", { type: "text", id: "mcb-package-path", value: state.packagePath, oninput: (e) => update(() => (state.packagePath = e.target.value)) })),
  );
}

function page() {
  const T = t();
  document.documentElement.lang = state.ui;
  document.title = T.title;
  const focused = document.activeElement?.id;
  previewHost = h("div", { class: "mcb-preview-host", id: "mcb-preview-host" });
  app.replaceChildren(
    h(
      "header",
      { class: "mcb-head" },
      h("h1", {}, T.title),
      h("p", {}, T.intro),
      h(
        "div",
        { class: "mcb-ui-lang", role: "group", "aria-label": T.uiLanguage },
        LANGS.filter((l) => TEXTS[l.code]).map((l) =>
          h("button", { type: "button", class: "mcb-button mcb-quiet", lang: l.code, id: `mcb-ui-${l.code}`, "aria-pressed": String(l.code === state.ui), onclick: () => ((state.ui = l.code), page()) }, l.name),
        ),
      ),
    ),
    h(
      "div",
      { class: "mcb-layout" },
      h(
        "div",
        { class: "mcb-column" },
        form(),
        h("section", { class: "mcb-code-section", "aria-labelledby": "mcb-code-title", id: "mcb-code" }, h("h2", { id: "mcb-code-title" }, T.code)),
      ),
      h(
        "section",
        { class: "mcb-preview", "aria-labelledby": "mcb-preview-title" },
        h("h2", { id: "mcb-preview-title" }, T.preview),
        h("p", { class: "mcb-hint" }, T.previewHint),
        h("p", { class: "mcb-error", id: "mcb-error", role: "alert" }),
        previewHost,
      ),
    ),
  );
  if (focused) document.getElementById(focused)?.focus();
  render();
}

/** Changes the state, then redraws (the whole form when `rebuild`, e.g. another way). */
function update(change, rebuild = false) {
  change();
  if (rebuild) {
    page();
    return;
  }
  clearTimeout(renderTimer);
  renderTimer = setTimeout(render, 120);
}

/** Mounts the preview with the current options, then shows the contrast and the code. */
function render() {
  const o = options();
  const error = document.getElementById("mcb-error");
  const code = document.getElementById("mcb-code");
  try {
    preview?.destroy();
    preview?.free();
  } catch {
    // a widget of the instance a panic ended (see below): nothing to free
  }
  preview = null;
  let problem = null;
  try {
    preview = mount(previewHost, o);
  } catch (e) {
    problem = e && e.message ? e.message.replace(/^messenger-check: /, "") : String(e);
    // The preview still shows, without what is wrong (the catalog's parts, else the colours).
    try {
      preview = mount(previewHost, { lang: o.lang, theme: o.theme });
    } catch {
      preview = mount(previewHost, { lang: o.lang, theme: { scheme: state.scheme } });
    }
  }
  const s = problem ? null : snippet(o);
  if (!problem && !s) {
    const url = o.catalog?.call_to_action?.url || "";
    problem = state.way === "iframe" && /^mailto:/i.test(url) ? t().ctaMailtoFrame
      : state.way === "iframe" && snippetBase() ? t().badHostOrigin : t().badWidgetUrl;
  }
  error.textContent = problem ? `${t().invalid} ${problem}` : "";
  error.hidden = !problem;
  document.getElementById("mcb-cta-url")?.setAttribute("aria-invalid", String(!!problem && /call_to_action/.test(problem)));
  const T = t();
  code.replaceChildren(
    h("h2", { id: "mcb-code-title" }, T.code),
    ...(s
      ? [output("mcb-html", T.html, s.html, 3), output("mcb-file", T.file(FILE), s.file, 14), output("mcb-csp", T.csp, `Content-Security-Policy: ${s.csp}`, 2),
        ...(s.hosts ? [output("mcb-hosts", T.hostsMeta, s.hosts, 2)] : [])]
      : [h("p", {}, T.fixFirst)]),
  );
  requestAnimationFrame(() => requestAnimationFrame(showContrast));
}

/** The contrast of the preview's real colours (as the browser computed them). */
function showContrast() {
  const root = previewHost.querySelector(".mc");
  const button = previewHost.querySelector(".mc-lang-button[aria-pressed=true]");
  const box = document.getElementById("mcb-contrast");
  if (!root || !button || !box) return;
  const style = (el) => getComputedStyle(el);
  const accent = rgb(style(button).backgroundColor);
  const onAccent = rgb(style(button).color);
  const text = rgb(style(root).color);
  const bg = rgb(style(root).backgroundColor);
  // The colour inputs show the colours in use (the defaults until the embedder picks one).
  for (const [f, value] of [["accent", accent], ["text", text], ["background", bg]]) {
    const input = document.getElementById(`mcb-colour-${f}`);
    if (input && value && !state.colours[f]) input.value = hex(value);
  }
  const T = t();
  const rows = [
    ["button", accent, onAccent],
    ["text", text, bg],
    ["link", accent, bg],
  ].map(([key, a, b]) => {
    if (!a || !b) return null;
    const ratio = contrast(a, b);
    const verdict = ratio >= 4.5 ? "aa" : ratio >= 3 ? "large" : "fail";
    return h(
      "li",
      { class: `mcb-${verdict}`, "data-check": key, "data-ratio": ratio.toFixed(2) },
      `${T.contrastChecks[key]}: `,
      h("strong", {}, `${ratio.toFixed(2).replace(".", state.ui === "de" ? "," : ".")} : 1`),
      ` – ${T.verdict[verdict]}`,
    );
  });
  box.replaceChildren(h("p", { class: "mcb-contrast-title" }, T.contrast), h("ul", {}, rows));
}

// ---------------------------------------------------------------------------------------

try {
  await init({ module_or_path: new URL("./pkg/messenger_check_bg.wasm", import.meta.url) });
  // After a panic the glue switches to a fresh instance at the next call: made here at once
  // (src/bindings/panic.rs); the next change of a setting mounts the preview again.
  onPanic(function renew() {
    try {
      onPanic(renew);
    } catch {
      // the next call tries again
    }
  });
  LANGS = languages();
  MESSENGERS = messengers();
  THEME = themeProperties();
  state.lang = LANGS[0].code;
  const asked = new URLSearchParams(location.search).get("lang");
  state.ui = TEXTS[asked] ? asked : (navigator.languages || []).map((l) => l.slice(0, 2)).find((c) => TEXTS[c]) || "de";
  // The iframe way's sizing script, offered as a file for the host page.
  snippetJs = await (await fetch(new URL("./embed-snippet.js", import.meta.url))).text();
  page();
} catch (error) {
  console.error("messenger-check embed builder:", error);
  app.replaceChildren(h("p", { class: "mcb-error", role: "alert" }, `${TEXTS.de.loadError} / ${TEXTS.en.loadError}`));
}
