// The plugin's translations, the parts gettext cannot do (scripts/wordpress/i18n.sh runs this):
//   node i18n.mjs strings <plugin-dir>          the texts of the plugin header and of block.json, as PO
//                                               entries for xgettext (what wp-cli's make-pot takes from them)
//   node i18n.mjs json <mo> <script> <locale>   a compiled .mo (msgfmt's) as the JSON that
//                                               wp_set_script_translations() loads: Jed 1.x, domain "messages"
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [command, ...args] = process.argv.slice(2);

/** A string as a PO string literal. */
const po = (s) => '"' + s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t") + '"';

function entry({ comment, reference, context, id }) {
  return [comment && `#. ${comment}`, `#: ${reference}`, context && `msgctxt ${po(context)}`, `msgid ${po(id)}`, 'msgstr ""', ""]
    .filter(Boolean)
    .join("\n");
}

function strings(dir) {
  const out = [];
  // The plugin header: WordPress translates Name, Description (and the URIs and Author, left
  // as they are) with the plugin's text domain (_get_plugin_data_markup_translate).
  const main = readFileSync(join(dir, "messenger-check.php"), "utf8");
  const header = (name) => main.match(new RegExp(`^[ \\t/*#@]*${name}:[ \\t]*(.+?)[ \\t]*$`, "m"))?.[1];
  for (const [name, what] of [
    ["Plugin Name", "Plugin Name"],
    ["Description", "Description"],
  ]) {
    const value = header(name);
    if (!value) throw new Error(`i18n: no "${name}:" in the plugin header`);
    out.push(entry({ comment: `${what} of the plugin`, reference: "messenger-check.php", id: value }));
  }
  // block.json, by WordPress's i18n schema (wp-includes/block-i18n.json): title, description
  // and keywords, each with its context; what the block does not use is refused, not skipped.
  const block = JSON.parse(readFileSync(join(dir, "block", "block.json"), "utf8"));
  for (const unsupported of ["styles", "variations"]) {
    if (block[unsupported]) throw new Error(`i18n: block.json has ${unsupported}; teach scripts/wordpress/i18n.mjs their texts`);
  }
  const ref = "block/block.json";
  if (block.title) out.push(entry({ comment: "block title", reference: ref, context: "block title", id: block.title }));
  if (block.description) out.push(entry({ comment: "block description", reference: ref, context: "block description", id: block.description }));
  for (const keyword of block.keywords || []) out.push(entry({ comment: "block keyword", reference: ref, context: "block keyword", id: keyword }));
  process.stdout.write('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + out.join("\n"));
}

/** The entries of a GNU .mo file: [original, translation] (context\u0004id, plural forms joined by \0). */
function readMo(file) {
  const b = readFileSync(file);
  const magic = b.readUInt32LE(0);
  const little = magic === 0x950412de;
  if (!little && b.readUInt32BE(0) !== 0x950412de) throw new Error(`i18n: ${file} is not a .mo file`);
  const u32 = (o) => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const count = u32(8);
  const originals = u32(12);
  const translations = u32(16);
  const at = (table, i) => b.toString("utf8", u32(table + 8 * i + 4), u32(table + 8 * i + 4) + u32(table + 8 * i));
  return Array.from({ length: count }, (_, i) => [at(originals, i), at(translations, i)]);
}

function json(mo, script, locale) {
  const entries = readMo(mo);
  const header = Object.fromEntries(
    (entries.find(([id]) => id === "")?.[1] || "")
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );
  const messages = { "": { domain: "messages", lang: locale, "plural-forms": header["Plural-Forms"] || "nplurals=2; plural=(n != 1);" } };
  for (const [original, translation] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (original === "") continue;
    // Jed's key: the context, \u0004, the singular; the value: every plural form.
    messages[original.split("\0")[0]] = translation.split("\0");
  }
  process.stdout.write(
    JSON.stringify({
      "translation-revision-date": header["PO-Revision-Date"] || "",
      generator: "messenger-check scripts/wordpress/i18n.sh",
      source: script,
      domain: "messages",
      locale_data: { messages },
    }) + "\n",
  );
}

if (command === "strings" && args.length === 1) strings(args[0]);
else if (command === "json" && args.length === 3) json(...args);
else {
  console.error("usage: node i18n.mjs strings <plugin-dir> | json <mo> <script> <locale>");
  process.exit(2);
}
