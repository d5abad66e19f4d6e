// documents() of the installed package (issue 11): in Node it gives the CLI's templates (the
// structure and the Markdown and HTML text, byte for byte), rejects bad options with an Error
// naming them, and its TypeScript types fit real documents exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ASSESS, REPO, SITE } from "./lib.mjs";

const SETUPS = [
  {
    sector: "trade",
    audience: ["customers", "internal"],
    messenger: "whatsapp_business_app",
    contact_access: "granted",
    address_book: "mixed",
    content: ["business_letters"],
  },
  { sector: "health", audience: ["customers"], messenger: "threema_work", dpa: "yes", content: ["special_categories"] },
  { sector: "legal_tax", audience: ["internal"], messenger: "telegram", works_council: "no_agreement" },
];
const BLANKS = { company: "Müller & Söhne GmbH", responsible: "Anna Müller" };
const IDS = ["policy", "consent", "record", "checklist"];

function cli(answers, id, lang, format) {
  const args = ["--document", id, "--lang", lang, "--format", format, ...Object.entries(BLANKS).flatMap(([k, v]) => ["--blank", `${k}=${v}`])];
  const r = spawnSync(ASSESS(), args, { input: JSON.stringify(answers), encoding: "utf8" });
  return r.status === 0 ? r.stdout : null;
}

/** Runs a script in the install folder, as a consumer would: `import … from "messenger-check"`. */
function runInSite(source) {
  const file = join(SITE(), `documents-${process.pid}.mjs`);
  writeFileSync(file, source);
  return execFileSync(process.execPath, [file], { cwd: SITE(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

test("documents() in Node gives the CLI's templates, structured and written out", () => {
  const out = JSON.parse(
    runInSite(
      `import { documents } from "messenger-check";
     const setups = ${JSON.stringify(SETUPS)};
     const r = [];
     for (const answers of setups) for (const lang of ["de", "en"]) {
       r.push({ json: await documents(answers, { lang, blanks: ${JSON.stringify(BLANKS)} }),
         markdown: await documents(answers, { lang, blanks: ${JSON.stringify(BLANKS)}, format: "markdown" }),
         html: await documents(answers, { lang, blanks: ${JSON.stringify(BLANKS)}, format: "html" }) });
     }
     r.push({ none: await documents({ audience: ["customers"] }) });
     process.stdout.write(JSON.stringify(r));`,
    ),
  );
  let n = 0;
  for (const answers of SETUPS) {
    for (const lang of ["de", "en"]) {
      const { json, markdown, html } = out[n++];
      const ids = IDS.filter((id) => cli(answers, id, lang, "json") !== null);
      assert.deepEqual(
        json.map((d) => d.id),
        ids,
        "the templates that fit, in order",
      );
      assert.equal(ids.includes("consent"), answers.audience.includes("customers"));
      json.forEach((d, i) => {
        assert.deepEqual(d, JSON.parse(cli(answers, d.id, lang, "json")), `${d.id} ${lang}: the CLI's JSON`);
        assert.equal(markdown[i].text, cli(answers, d.id, lang, "markdown"), `${d.id} ${lang}: Markdown byte for byte`);
        assert.equal(html[i].text, cli(answers, d.id, lang, "html"), `${d.id} ${lang}: HTML byte for byte`);
        assert.equal(markdown[i].title, d.title.map((p) => p.text ?? p.value ?? `[${p.label}]`).join(""));
      });
    }
  }
  assert.deepEqual(out[n].none, [], "no messenger, no templates");
});

test("documents() rejects a bad option or id with an Error naming it", () => {
  const cases = [
    [`{ messenger: "wire" }, { lang: "fr" }`, "option `lang`: unknown language `fr`"],
    [`{ messenger: "wire" }, { format: "pdf" }`, "option `format`: unknown format `pdf`"],
    [`{ messenger: "wire" }, { blanks: { firma: "x" } }`, "option `blanks`: unknown blank `firma`"],
    [`{ messenger: "wire" }, { blanks: { company: 5 } }`, "option `blanks.company`: must be a string (got a number)"],
    [`{ messenger: "wire" }, { colour: "red" }`, "unknown option `colour`"],
    [`{ messenger: "icq" }`, "unknown option `icq` for question `messenger`"],
    [`[1, 2]`, "`answers` must be an object"],
  ];
  const out = JSON.parse(
    runInSite(
      `import { documents } from "messenger-check";
     const r = [];
     for (const f of [${cases.map(([args]) => `() => documents(${args})`).join(", ")}]) {
       try { await f(); r.push("resolved"); } catch (e) { r.push((e instanceof Error ? "Error: " : "not an Error: ") + e.message); }
     }
     process.stdout.write(JSON.stringify(r));`,
    ),
  );
  cases.forEach(([args, needle], i) => {
    assert.ok(out[i].startsWith("Error: messenger-check: documents: "), `${args}: ${out[i]}`);
    assert.ok(out[i].includes(needle), `${args}: ${out[i]}`);
  });
});

test("the types of documents() fit real templates exactly", () => {
  const dir = join(SITE(), "types-documents");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  const literals = SETUPS.flatMap((answers, i) =>
    IDS.map((id) => [id, cli(answers, id, i % 2 ? "en" : "de", "json")])
      .filter(([, j]) => j)
      .map(([_id, json], k) => `export const doc${i}_${k}: TemplateDocument = ${json.trim()};`),
  );
  writeFileSync(
    join(dir, "consumer.ts"),
    `import { documents } from "messenger-check";
import type { TemplateDocument, WrittenDocument, DocumentsOptions, DocumentPart } from "messenger-check";

const options: DocumentsOptions = { lang: "en", blanks: { company: "Müller GmbH" } };
export async function run(): Promise<string> {
  const docs: TemplateDocument[] = await documents({ messenger: "wire" }, { lang: "de" });
  const written: WrittenDocument[] = await documents({ messenger: "wire" }, { ...options, format: "markdown" });
  const either: TemplateDocument[] | WrittenDocument[] = await documents({ messenger: "wire" }, options);
  const parts: DocumentPart[] = docs[0].title;
  return written[0].text + parts.length + either.length;
}
${literals.join("\n")}
`,
  );
  const tsc = join(REPO, "www", "node_modules", "typescript", "bin", "tsc");
  const base = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: "es2022",
      module: "esnext",
      moduleResolution: "bundler",
      skipLibCheck: false,
      lib: ["es2022", "dom"],
    },
    files: ["consumer.ts"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(base));
  const r = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  // The check can fail: a field the type does not have is an error.
  writeFileSync(
    join(dir, "consumer.ts"),
    `import type { TemplateDocument } from "messenger-check";\n${literals[0].replace('"cite":', '"colour": 1, "cite":')}\n`,
  );
  const bad = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  assert.notEqual(bad.status, 0, "an extra field is a type error");
});
