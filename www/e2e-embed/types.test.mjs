// The TypeScript types of the installed package: a consumer's file type-checks under
// `--strict` with the "bundler" and the "nodenext" resolution, and real assessments from the
// CLI fit the `Assessment` type exactly (a missing or an extra field is an error).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ASSESS, REPO, SITE } from "./lib.mjs";

const TSC = join(REPO, "www", "node_modules", "typescript", "bin", "tsc");

const SAMPLES = [
  [{}, "de"],
  [
    {
      sector: "trade",
      audience: ["customers"],
      messenger: "whatsapp",
      device: "private_phone",
      contact_access: "granted",
      address_book: "mixed",
      consent: "none",
      content: ["business_letters"],
    },
    "en",
  ],
  [
    {
      sector: "legal_tax",
      audience: ["customers", "internal"],
      messenger: "telegram",
      content: ["personal_data", "confidential"],
      chat_backup: "cloud",
    },
    "de",
  ],
];

function check(dir, resolution) {
  const r = spawnSync(process.execPath, [TSC, "-p", join(dir, `tsconfig.${resolution}.json`)], { encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

test("the package's types check a consumer's code and fit real assessments", () => {
  const dir = join(SITE(), "types-check");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  const literals = SAMPLES.map(([answers, lang], i) => {
    const json = execFileSync(ASSESS(), ["--lang", lang], { input: JSON.stringify(answers), encoding: "utf8" });
    return `export const sample${i}: Assessment = ${json.trim()};`;
  });
  writeFileSync(
    join(dir, "consumer.ts"),
    `import { mount, evaluate, init, Widget, THEME_PROPERTIES, LANGUAGES } from "messenger-check";
import type { Answers, Assessment, MountOptions, CatalogOverrides, Theme, Lang } from "messenger-check";
import { MessengerCheckElement } from "messenger-check/element";
import "messenger-check/element";

const answers: Answers = { sector: "trade", audience: ["customers"], messenger: "whatsapp" };
const catalog: CatalogOverrides = {
  texts: { de: { "ui.title": "Unser Check" } },
  alternatives: { recommend: ["threema_work"], hide: ["signal"] },
  call_to_action: { label: { de: "Beratung anfragen" }, url: "https://example.org/kontakt" },
};
const theme: Theme = { scheme: "dark", accent: "#c00", font: "Georgia, serif", radius: "2px", spacing: "1rem" };
const options: MountOptions = { lang: "en", answers, catalog, theme, onChange: (a: Assessment) => console.log(a.score, a.band) };

export async function run(el: HTMLElement): Promise<number> {
  await init();
  const widget: Widget = await mount(el, options);
  widget.setLang("de");
  widget.setTheme("light");
  const a: Assessment = widget.assessment();
  const now: Answers = widget.answers();
  widget.setAnswers({ sector: "health" });
  widget.setAnswers(null);
  widget.reset();
  widget.destroy();
  const codes: Lang[] = LANGUAGES.map((l) => l.code);
  const main: "de" = LANGUAGES[0].code;
  const b = await evaluate({ sector: "health" }, { lang: "en" });
  const band: "low" | "moderate" | "high" | "critical" = b.band;
  const first = b.alternatives[0]?.score_if_used ?? null;
  const element: MessengerCheckElement = document.createElement("messenger-check");
  element.addEventListener("change", (e) => console.log(e.detail.score));
  element.catalog = catalog;
  element.answers = { sector: "trade" };
  element.removeEventListener("change", (e) => console.log(e.detail.band));
  console.log(now, band, first, THEME_PROPERTIES.accent.property, codes, main);
  return a.score + b.range.max;
}

${literals.join("\n")}
`,
  );
  // Code that must NOT type-check: the types are not just \`any\`.
  writeFileSync(
    join(dir, "wrong.ts"),
    `import { mount, evaluate } from "messenger-check";
export async function wrong(el: HTMLElement) {
  await mount(el, { lang: "fr" });
  await mount(el, { colour: "red" });
  await mount(el, { catalog: { texts: { de: { "ui.titel": "Unser Check" } } } });
  const a = await evaluate({}, { lang: "en" });
  const s: string = a.score;
  return s;
}
`,
  );
  for (const resolution of ["bundler", "nodenext"]) {
    for (const [name, files] of [
      ["ok", ["consumer.ts"]],
      ["wrong", ["wrong.ts"]],
    ]) {
      writeFileSync(
        join(dir, `tsconfig.${resolution}-${name}.json`),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: "es2022",
            lib: ["es2022", "dom"],
            module: resolution === "bundler" ? "esnext" : "nodenext",
            moduleResolution: resolution,
            skipLibCheck: false,
            types: [],
          },
          files,
        }),
      );
    }
    const good = check(dir, `${resolution}-ok`);
    assert.ok(good.ok, `consumer.ts (${resolution}):\n${good.output}`);
    const bad = check(dir, `${resolution}-wrong`);
    assert.ok(!bad.ok, `wrong.ts must not type-check (${resolution})`);
    assert.match(bad.output, /"fr"/);
    assert.match(bad.output, /colour/);
    // An unknown text key (docs/text-keys.md lists them) is a type error too.
    assert.match(bad.output, /ui\.titel/);
    assert.match(bad.output, /Type 'number' is not assignable to type 'string'/);
  }
});
