// The embed builder (embed-builder.html on the built site, builder/index.html in the npm
// package and the WordPress plugin): a consultancy picks the widget's language, colour scheme
// and colours (with a live WCAG contrast check), which alternatives to recommend or hide, a
// call to action, and the way to embed (script, element, iframe); sees the widget live; and
// gets a snippet for its pages, a zip of exactly the files it needs, and the sources to add to
// its site's Content-Security-Policy. No code to write.
//
// The snippet never depends on the address of the page it is pasted into (CMS pages are
// virtual addresses): it loads the files by absolute URL, from "where the files live". Each
// configuration gets its own file name (messenger-check-<id>.js / .html, <id> from the
// settings), so two setups on one site never overwrite each other. The zip holds the package's
// files the way needs (listed by builder/files.json, which scripts/package.sh writes from what
// `npm pack` takes) and the configuration's file, in a folder messenger-check/.
//
// Nothing is sent anywhere and nothing is stored: the page reads only the widget's own files.
// What the widget knows — the languages, the messengers, the theme fields, and whether a
// setting is valid — comes from the widget itself (its wasm), never from a copy here. The page
// builds its DOM with createElement/textContent (no innerHTML), so it runs under the strict
// policy and Trusted Types.

/** Where the widget's files are: the package's folder (meta messenger-check-files). */
const FILES = new URL(document.querySelector('meta[name="messenger-check-files"]')?.content || "./", location.href);
const glue = import(new URL("messenger_check.js", FILES).href);

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
    place: "Wo die Dateien liegen",
    filesUrl: "Adresse des Ordners mit den Dateien (https://…/messenger-check/)",
    filesHint:
      "Wo Sie den Ordner messenger-check aus dem Zip hochladen, z. B. in die Dateiverwaltung Ihres CMS (TYPO3: fileadmin). " +
      "Voreingestellt: die Dateien, aus denen dieser Assistent läuft.",
    siteUrl: "Adresse Ihrer Website (wo das Widget erscheint)",
    siteHint: "Nur die Adresse der Website, z. B. https://www.innung-musterstadt.de.",
    badUrl: (what) => `${what}: bitte eine vollständige Adresse mit https:// (oder http://) angeben.`,
    // The iframe's call to action goes only to a web address (www/embed.js).
    ctaMailtoFrame: "Im iframe kann die Handlungsaufforderung nur auf eine Webadresse verweisen, nicht auf mailto:.",
    preview: "Vorschau",
    previewHint: "So erscheint das Widget; probieren Sie es aus.",
    code: "Ihr Code",
    html: "In Ihre Seite einfügen (HTML, z. B. in ein HTML-Element Ihres CMS)",
    zip: (name) => `Dateien herunterladen (${name})`,
    zipHint: (url) => `Entpacken und den Ordner messenger-check so hochladen, dass seine Dateien unter ${url} liegen.`,
    zipMade: (count, size) => `Zip mit ${count} Dateien (${size}) erstellt.`,
    file: (name) => `Die Einstellungen: Datei ${name} (im Zip)`,
    csp: "Quellen für die Content-Security-Policy Ihrer Website",
    cspHint:
      "Nur falls Ihre Website eine Content-Security-Policy sendet: diese Quellen zur gleichnamigen Anweisung hinzufügen " +
      "(fehlt sie, zu default-src). Ohne Policy ist nichts zu tun.",
    cors: (files, site) =>
      `Die Dateien liegen auf ${files}, Ihre Website auf ${site}: der Server der Dateien muss Ihrer Website den Abruf erlauben ` +
      `(Kopfzeile Access-Control-Allow-Origin: ${site}).`,
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
    place: "Where the files live",
    filesUrl: "Address of the folder with the files (https://…/messenger-check/)",
    filesHint:
      "Where you upload the folder messenger-check from the zip, e.g. into your CMS's file manager (TYPO3: fileadmin). " +
      "Preset: the files this builder runs from.",
    siteUrl: "Address of your website (where the widget appears)",
    siteHint: "Just the website's address, e.g. https://www.chamber-example.org.",
    badUrl: (what) => `${what}: please give a full address starting with https:// (or http://).`,
    ctaMailtoFrame: "In the iframe, the call to action can only link to a web address, not to mailto:.",
    preview: "Preview",
    previewHint: "This is how the widget appears; try it.",
    code: "Your code",
    html: "Paste into your page (HTML, e.g. into your CMS's HTML element)",
    zip: (name) => `Download the files (${name})`,
    zipHint: (url) => `Unpack it and upload the folder messenger-check so that its files are at ${url}.`,
    zipMade: (count, size) => `Zip of ${count} files (${size}) made.`,
    file: (name) => `The settings: the file ${name} (in the zip)`,
    csp: "Sources for your website's Content-Security-Policy",
    cspHint:
      "Only if your website sends a Content-Security-Policy: add these sources to the directive of the same name " +
      "(if it has none, to default-src). Without a policy there is nothing to do.",
    cors: (files, site) =>
      `The files are on ${files}, your website on ${site}: the files' server must allow your website to load them ` +
      `(header Access-Control-Allow-Origin: ${site}).`,
    copy: "Copy",
    copied: "Copied.",
    copyFailed: "Could not copy; the text is selected: copy it with Ctrl+C (⌘+C).",
    invalid: "This setting does not work:",
    fixFirst: "Please correct the setting above first.",
    fileComment: "messenger-check, set up with the embed builder.",
    loadError: "The builder could not start (no WebAssembly?).",
  },
};

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
  /** Where the files live (a folder's address); where the widget appears (a site's address). */
  filesUrl: FILES.href,
  siteUrl: location.origin,
};

let mount = null; // the widget's mount(), for the preview
let LANGS = [];
let MESSENGERS = [];
let THEME = {};
let LIST = null; // builder/files.json: every file of the package
let API = null; // the widget's wasm bindings

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
  const label = Object.fromEntries(
    Object.entries(state.cta.label)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v),
  );
  const url = state.cta.url.trim();
  if (url || Object.keys(label).length) catalog.call_to_action = { label, url };
  if (Object.keys(catalog).length) out.catalog = catalog;
  return out;
}

/** The folder's and the site's addresses, checked: { files: URL (ends with /), site: origin } or null. */
function places() {
  const parse = (text) => {
    try {
      const url = new URL(text.trim());
      return /^https?:$/.test(url.protocol) ? url : null;
    } catch {
      return null;
    }
  };
  const files = parse(state.filesUrl);
  const site = parse(state.siteUrl);
  if (files && !files.pathname.endsWith("/")) files.pathname += "/";
  if (files) files.search = files.hash = "";
  return { files, site: site ? site.origin : null };
}

/** A short name for a configuration: FNV-1a of its JSON, 8 hex digits. */
function configId(value) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(JSON.stringify(value))) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** embed.html's query for the settings (www/embed.js reads it). */
function frameQuery(o) {
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
  return q;
}

/**
 * The code for the current settings: { name, html, file, sources, cors, zip } (the snippet, the
 * configuration's file and its name, the CSP sources, whether the files need CORS, and what the
 * zip holds besides the file), or a string saying what is wrong.
 */
function snippet(o) {
  const { files, site } = places();
  if (!files) return t().badUrl(t().filesUrl);
  if (!site) return t().badUrl(t().siteUrl);
  const id = configId({ way: state.way, o, files: files.href, site });
  const name = `messenger-check-${id}`;
  const url = (file) => new URL(file, files).href;
  const same = files.origin === site;
  const from = same ? "'self'" : files.origin;
  const head = `// ${t().fileComment}\n`;
  if (state.way === "iframe") {
    // The frame page of this configuration: embed.html (which ships with no site listed) with
    // the site's origin as the host that may size the frame (its height, in steps of 1,000 px,
    // is sent to no one else; www/embed.js), and the call to action's site, the only other
    // address the frame's button may have. The frame's own origin needs no entry.
    const cta = o.catalog?.call_to_action?.url || "";
    if (/^mailto:/i.test(cta)) return t().ctaMailtoFrame;
    const hosts = same ? [] : [site];
    try {
      const target = cta ? new URL(cta, site).origin : null;
      if (target && target !== files.origin && !hosts.includes(target)) hosts.push(target);
    } catch {
      // the widget's own check reports it
    }
    const page = TEMPLATES.embed.replace(/(<meta name="messenger-check-hosts" content=")[^"]*(")/, (_, a, b) => `${a}${attr(hosts.join(" "))}${b}`);
    const src = `${url(`${name}.html`)}?${frameQuery(o)}`;
    return {
      name: `${name}.html`,
      html: `<iframe data-messenger-check src="${attr(src)}" title="Messenger-Check" width="100%"></iframe>\n<script src="${attr(url("messenger-check-frame.js"))}" defer></script>`,
      file: page,
      sources: [`frame-src ${from}`, `script-src ${from}`],
      cors: false,
      way: "iframe",
    };
  }
  const target = `${name}`;
  if (state.way === "script") {
    return {
      name: `${name}.js`,
      html: `<div id="${target}"></div>\n<script type="module" src="${attr(url(`${name}.js`))}"></script>`,
      file: `${head}import { mount } from "./index.js";\n\nmount(document.getElementById(${JSON.stringify(target)}), ${JSON.stringify(o, null, 2)});\n`,
      sources: [`script-src ${same ? "" : `${from} `}'wasm-unsafe-eval'`, ...(same ? [] : [`connect-src ${from}`])],
      cors: !same,
      way: "script",
    };
  }
  let file = `${head}import "./element.js";\n\nconst element = document.getElementById(${JSON.stringify(target)});\n`;
  if (o.catalog) file += `element.catalog = ${JSON.stringify(o.catalog, null, 2)};\n`;
  const vars = Object.fromEntries(Object.entries(state.colours).map(([field, value]) => [THEME[field].property, value]));
  if (Object.keys(vars).length) {
    file += `// Colours: CSS custom properties, set through the CSSOM (which style-src 'self' allows).\n`;
    file += `for (const [property, value] of Object.entries(${JSON.stringify(vars)})) element.style.setProperty(property, value);\n`;
  }
  return {
    name: `${name}.js`,
    html: `<messenger-check id="${target}" lang="${attr(o.lang)}" theme="${attr(state.scheme)}"></messenger-check>\n<script type="module" src="${attr(url(`${name}.js`))}"></script>`,
    file,
    sources: [`script-src ${same ? "" : `${from} `}'wasm-unsafe-eval'`, ...(same ? [] : [`connect-src ${from}`])],
    cors: !same,
    way: "element",
  };
}

/**
 * Which of the package's files a way needs (from builder/files.json, so files the package
 * gains come along): never the package's own papers (package.json, README, types), Node's
 * entry or this builder; the iframe's files only for the iframe, the JavaScript API's only
 * for the other two.
 */
function needed(way) {
  const never = (f) => f === "package.json" || f === "README.md" || f.endsWith(".d.ts") || f === "node.js" || f.startsWith("builder/");
  const frame = new Set(["embed.html", "embed.js", "embed.css", "lang.js", "failed.js", "messenger-check-frame.js"]);
  const api = new Set(["index.js", "element.js", "core.js", "styles.js", "generated.js"]);
  return LIST.files.filter((f) => !never(f) && (way === "iframe" ? !api.has(f) && f !== "embed.html" : !frame.has(f)));
}

// ---------------------------------------------------------------------------------------
// The zip: stored or deflated entries (CompressionStream, where the browser has it), CRC-32,
// one folder. Forty lines of the format (PKWARE APPNOTE 4.3) instead of a dependency: the
// builder ships in the npm package and the plugin, and has no bundler.

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function deflate(bytes) {
  if (typeof CompressionStream === "undefined") return null;
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A zip of [name, bytes] entries, as a Blob. */
async function zip(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  for (const [name, bytes] of entries) {
    const path = new TextEncoder().encode(name);
    const packed = await deflate(bytes);
    const method = packed && packed.length < bytes.length ? 8 : 0;
    const data = method ? packed : bytes;
    const header = (signature, extra) => {
      const v = new DataView(new ArrayBuffer(extra ? 46 : 30));
      let i = 0;
      const u32 = (x) => (v.setUint32(i, x, true), (i += 4));
      const u16 = (x) => (v.setUint16(i, x, true), (i += 2));
      u32(signature);
      if (extra) u16(20);
      u16(20), u16(0x0800), u16(method), u16(time), u16(date);
      u32(crc32(bytes)), u32(data.length), u32(bytes.length), u16(path.length), u16(0);
      if (extra) u16(0), u16(0), u16(0), u32(0), u32(offset);
      return new Uint8Array(v.buffer);
    };
    const local = header(0x04034b50, false);
    parts.push(local, path, data);
    central.push(header(0x02014b50, true), path);
    offset += local.length + path.length + data.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, new Uint8Array(end.buffer)], { type: "application/zip" });
}

/** Fetches the files of the current way and offers the zip as a download. */
async function download(s, status) {
  const files = needed(s.way);
  const entries = [];
  for (const f of files) entries.push([`messenger-check/${f}`, new Uint8Array(await (await fetch(new URL(f, FILES))).arrayBuffer())]);
  entries.push([`messenger-check/${s.name}`, new TextEncoder().encode(s.file)]);
  const blob = await zip(entries);
  const link = h("a", { href: URL.createObjectURL(blob), download: `${s.name.replace(/\.\w+$/, "")}.zip` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  const kb = `${Math.round(blob.size / 1024).toLocaleString(state.ui)} KB`;
  status.textContent = t().zipMade(entries.length, kb);
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

/** The zip's button, its status and what to do with it. */
function zipButton(s) {
  const status = h("span", { class: "mcb-copied", role: "status", id: "mcb-zip-status" });
  const name = `${s.name.replace(/\.\w+$/, "")}.zip`;
  return h(
    "div",
    { class: "mcb-output" },
    h(
      "p",
      {},
      h(
        "button",
        {
          type: "button",
          class: "mcb-button",
          id: "mcb-zip",
          onclick: () => download(s, status).catch((e) => (status.textContent = String(e))),
        },
        t().zip(name),
      ),
      " ",
      status,
    ),
    h("p", { class: "mcb-hint" }, t().zipHint(places().files.href)),
  );
}

function output(id, label, text, rows, hint) {
  const area = h("textarea", {
    id,
    class: "mcb-code",
    readonly: true,
    rows: String(rows),
    spellcheck: "false",
    value: text,
    "aria-describedby": hint ? `${id}-hint` : undefined,
  });
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
    hint ? h("p", { class: "mcb-hint", id: `${id}-hint` }, hint) : null,
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
    radios(
      "lang",
      T.widgetLanguage,
      LANGS.map((l) => [l.code, l.name]),
      state.lang,
      (v) => update(() => (state.lang = v)),
    ),
    radios("scheme", T.scheme, Object.entries(T.schemes), state.scheme, (v) => update(() => (state.scheme = v))),
    h(
      "fieldset",
      { class: "mcb-fieldset" },
      h("legend", {}, T.colours),
      COLOURS.map((f) =>
        field(
          `mcb-colour-${f}`,
          T.colourFields[f],
          h("input", {
            type: "color",
            id: `mcb-colour-${f}`,
            value: state.colours[f] || "#000000",
            oninput: (e) => update(() => (state.colours[f] = e.target.value)),
          }),
        ),
      ),
      h(
        "p",
        {},
        h(
          "button",
          { type: "button", class: "mcb-button mcb-quiet", id: "mcb-reset-colours", onclick: () => update(() => (state.colours = {})) },
          T.resetColours,
        ),
      ),
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
            h(
              "label",
              { for: `mcb-alt-${m.id}` },
              m.name,
              " ",
              h("span", { class: "mcb-hint" }, `(${m.recommended ? T.catalogDefault.yes : T.catalogDefault.no})`),
            ),
            h(
              "select",
              {
                id: `mcb-alt-${m.id}`,
                "aria-describedby": "mcb-alternatives-hint",
                onchange: (e) => update(() => (state.alternatives[m.id] = e.target.value)),
              },
              Object.entries(T.choice).map(([value, label]) =>
                h("option", { value, selected: (state.alternatives[m.id] || "default") === value }, label),
              ),
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
        h("input", {
          type: "text",
          inputmode: "url",
          id: "mcb-cta-url",
          value: state.cta.url,
          oninput: (e) => update(() => (state.cta.url = e.target.value)),
        }),
      ),
    ),
    radios("way", T.way, Object.entries(T.ways), state.way, (v) => update(() => (state.way = v), true)),
    h(
      "fieldset",
      { class: "mcb-fieldset" },
      h("legend", {}, T.place),
      field(
        "mcb-files-url",
        T.filesUrl,
        h("input", {
          type: "url",
          id: "mcb-files-url",
          "aria-describedby": "mcb-files-hint",
          value: state.filesUrl,
          oninput: (e) => update(() => (state.filesUrl = e.target.value)),
        }),
      ),
      h("p", { class: "mcb-hint", id: "mcb-files-hint" }, T.filesHint),
      field(
        "mcb-site-url",
        T.siteUrl,
        h("input", {
          type: "url",
          id: "mcb-site-url",
          "aria-describedby": "mcb-site-hint",
          value: state.siteUrl,
          oninput: (e) => update(() => (state.siteUrl = e.target.value)),
        }),
      ),
      h("p", { class: "mcb-hint", id: "mcb-site-hint" }, T.siteHint),
    ),
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
          h(
            "button",
            {
              type: "button",
              class: "mcb-button mcb-quiet",
              lang: l.code,
              id: `mcb-ui-${l.code}`,
              "aria-pressed": String(l.code === state.ui),
              onclick: () => ((state.ui = l.code), page()),
            },
            l.name,
          ),
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

/** What the widget's error messages start with. */
const PREFIX = "messenger-check: ";

/** The input of each option field the builder sets: the one to mark when an error names it. */
function inputFor(field) {
  if (field === "catalog.call_to_action.url") return "mcb-cta-url";
  const label = /^catalog\.call_to_action\.label\.([a-z]+)$/.exec(field ?? "");
  return label ? `mcb-cta-${label[1]}` : null;
}

/** Marks the input of `field` invalid (`aria-invalid`), and no other. */
function markInvalid(field) {
  const id = inputFor(field);
  for (const input of document.querySelectorAll("#mcb-cta-fieldset input")) {
    input.setAttribute("aria-invalid", String(input.id === id));
  }
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
  // The option a problem is about (the widget's errors name it as `field`): its input is marked.
  let badField = null;
  try {
    preview = mount(previewHost, o);
  } catch (e) {
    const message = e?.message ? String(e.message) : String(e);
    problem = message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message || String(e);
    badField = typeof e?.field === "string" ? e.field : null;
    // The preview still shows, without what is wrong (the catalog's parts, else the colours).
    try {
      preview = mount(previewHost, { lang: o.lang, theme: o.theme });
    } catch {
      preview = mount(previewHost, { lang: o.lang, theme: { scheme: state.scheme } });
    }
  }
  let s = problem ? null : snippet(o);
  if (typeof s === "string") {
    problem = s;
    badField = s === t().ctaMailtoFrame ? "catalog.call_to_action.url" : null;
    s = null;
  }
  error.textContent = problem ? `${t().invalid} ${problem}` : "";
  error.hidden = !problem;
  markInvalid(badField);
  const T = t();
  code.replaceChildren(
    h("h2", { id: "mcb-code-title" }, T.code),
    ...(s
      ? [
          output("mcb-html", T.html, s.html, 3),
          zipButton(s),
          output("mcb-csp", T.csp, s.sources.join("\n"), s.sources.length, T.cspHint),
          s.cors ? h("p", { class: "mcb-hint", id: "mcb-cors" }, T.cors(new URL(places().files).origin, places().site)) : null,
          output("mcb-file", T.file(s.name), s.file, 12),
        ]
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
  for (const [f, value] of [
    ["accent", accent],
    ["text", text],
    ["background", bg],
  ]) {
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

const TEMPLATES = { embed: "" };

try {
  API = await glue;
  await API.default({ module_or_path: new URL("messenger_check_bg.wasm", FILES) });
  const { languages, messengers, themeProperties } = API;
  mount = API.mount;
  // After a panic the glue switches to a fresh instance at the next call: made here at once
  // (src/bindings/panic.rs); the next change of a setting mounts the preview again.
  API.onPanic(function renew() {
    try {
      API.onPanic(renew);
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
  // The package's files (for the zip), and the frame page the iframe way adapts.
  LIST = await (await fetch(new URL("builder/files.json", FILES))).json();
  TEMPLATES.embed = await (await fetch(new URL("embed.html", FILES))).text();
  page();
} catch (error) {
  console.error("messenger-check embed builder:", error);
  app.replaceChildren(h("p", { class: "mcb-error", role: "alert" }, `${TEXTS.de.loadError} / ${TEXTS.en.loadError}`));
}
