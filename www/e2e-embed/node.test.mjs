// The package in Node 20+: `import { evaluate } from "messenger-check"` from the folder the
// tarball was installed into gives the same JSON as the command line, in both languages;
// bad input rejects with an Error naming the option or id. Also the package's shape: exports
// map, files, no dependencies.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ASSESS, REPO, SITE } from "./lib.mjs";

const schema = JSON.parse(readFileSync(join(REPO, "schema", "answers.schema.json"), "utf8"));

/** Seeded answer sets drawn from the answers schema (some questions left open). */
function answerSets(count, seed) {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const sets = [];
  for (let n = 0; n < count; n++) {
    const answers = {};
    for (const [q, spec] of Object.entries(schema.properties)) {
      if (rnd() < 0.25) continue;
      const list = spec.anyOf.find((a) => a.type === "array");
      const one = spec.anyOf.find((a) => a.type === "string");
      if (list) {
        const picked = list.items.enum.filter(() => rnd() < 0.5);
        answers[q] = picked.length ? picked : [list.items.enum[0]];
      } else {
        answers[q] = one.enum[Math.floor(rnd() * one.enum.length)];
      }
    }
    sets.push(answers);
  }
  return sets;
}

const FIXED = [
  {},
  { sector: "trade", audience: ["customers"], messenger: "whatsapp", device: "private_phone", contact_access: "granted", address_book: "mixed", consent: "none" },
  { sector: "health", audience: ["customers", "internal"], messenger: "whatsapp_business_platform", provider_region: "eu", dpa: "yes", consent: "documented", content: ["special_categories"] },
  { sector: "trade", audience: ["internal"], messenger: "threema_work", device: "company_business_only", usage_policy: "written", works_council: "none" },
];

/** Runs a script in the install folder, as a consumer would: `import … from "messenger-check"`. */
function runInSite(source, input) {
  const file = join(SITE(), `run-${process.pid}.mjs`);
  writeFileSync(file, source);
  return execFileSync(process.execPath, [file], { cwd: SITE(), input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

test("evaluate() in Node equals the CLI's JSON, de and en", () => {
  const sets = [...FIXED, ...answerSets(16, 20261123)];
  const out = runInSite(
    `import { evaluate } from "messenger-check";
     const sets = JSON.parse(await new Promise((ok) => { let s = ""; process.stdin.on("data", (d) => (s += d)); process.stdin.on("end", () => ok(s)); }));
     const results = [];
     for (const answers of sets) for (const lang of ["de", "en"]) results.push(await evaluate(answers, { lang }));
     process.stdout.write(JSON.stringify(results));`,
    JSON.stringify(sets),
  );
  const results = JSON.parse(out);
  assert.equal(results.length, sets.length * 2);
  let i = 0;
  let differentScores = new Set();
  for (const answers of sets) {
    for (const lang of ["de", "en"]) {
      const cli = JSON.parse(execFileSync(ASSESS(), ["--lang", lang], { input: JSON.stringify(answers), encoding: "utf8" }));
      assert.deepStrictEqual(results[i], cli, `answers ${JSON.stringify(answers)} in ${lang}`);
      assert.equal(results[i].lang, lang);
      differentScores.add(cli.score);
      i++;
    }
  }
  // The comparison means something only if the sets give different results.
  assert.ok(differentScores.size >= 5, `only ${differentScores.size} different scores`);
});

test("evaluate() in Node: bad input rejects with an Error naming the option or id", () => {
  const out = runInSite(
    `import { evaluate } from "messenger-check";
     const cases = [
       [{ sector: "bakery" }, undefined],
       [{ colour: "red" }, undefined],
       [{ audience: "nobody" }, undefined],
       [{}, { lang: "fr" }],
       [{}, { lang: 7 }],
       [{}, { language: "en" }],
       ["sector=trade", undefined],
     ];
     const messages = [];
     for (const [answers, options] of cases) {
       try { await evaluate(answers, options); messages.push("no error"); }
       catch (e) { messages.push((e instanceof Error ? "Error: " : "not an Error: ") + e.message); }
     }
     process.stdout.write(JSON.stringify(messages));`,
  );
  const [bakery, colour, audience, fr, seven, language, text] = JSON.parse(out);
  assert.match(bakery, /^Error: messenger-check: evaluate: .*unknown option `bakery` for question `sector`/);
  assert.match(colour, /^Error: .*unknown question `colour`/);
  assert.match(audience, /^Error: .*`audience`/);
  assert.match(fr, /^Error: messenger-check: evaluate: option `lang`: unknown language `fr`/);
  assert.match(seven, /^Error: .*option `lang`: must be a string/);
  assert.match(language, /^Error: .*unknown option `language`/);
  assert.match(text, /^Error: .*`answers` must be an object/);
});

test("mount() in Node says it needs a DOM", () => {
  const out = runInSite(
    `import { mount } from "messenger-check";
     try { await mount({}, {}); console.log("no error"); } catch (e) { console.log(e.message); }`,
  );
  assert.match(out, /mount: needs a browser DOM/);
});

test("the installed package: exports, files, types, no dependencies", () => {
  const dir = join(SITE(), "node_modules", "messenger-check");
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  assert.equal(pkg.name, "messenger-check");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  assert.deepEqual(Object.keys(pkg.dependencies || {}), []);
  assert.ok(pkg.exports["."] && pkg.exports["./element"], "exports has . and ./element");
  assert.equal(pkg.exports["."].types, "./index.d.ts");
  assert.equal(pkg.exports["./element"].types, "./element.d.ts");
  for (const f of ["index.js", "node.js", "element.js", "core.js", "styles.js", "generated.js", "generated.d.ts", "messenger_check.js", "messenger_check_bg.wasm", "index.d.ts", "element.d.ts", "react.d.ts", "vue.d.ts", "README.md", "style.css"]) {
    assert.ok(readFileSync(join(dir, f)).length > 0, `${f} is in the package`);
  }
  // ESM only: no require() or module.exports anywhere in the package's code.
  for (const f of ["index.js", "node.js", "element.js", "core.js", "generated.js"]) {
    const src = readFileSync(join(dir, f), "utf8");
    assert.doesNotMatch(src, /\brequire\(|module\.exports/, `${f} is ESM`);
  }
  // No file of the package refers to style.css (a bundler would emit it, unused).
  for (const f of ["index.js", "element.js", "core.js"]) {
    assert.doesNotMatch(readFileSync(join(dir, f), "utf8"), /new URL\(["'][^"']*\.css/, `${f} refers to no stylesheet file`);
  }
  // What engines says is what the package needs: require() of an ES module.
  assert.equal(pkg.engines.node, "^20.19.0 || >=22.12.0");
  // The version of the widget crate.
  const cargo = readFileSync(join(REPO, "Cargo.toml"), "utf8");
  assert.equal(pkg.version, /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/.exec(cargo)[1]);
});

test("require() of the package works on this Node (20.19+), and LANGUAGES is the wasm's list", () => {
  const file = join(SITE(), `run-${process.pid}.cjs`);
  writeFileSync(
    file,
    `const { evaluate, LANGUAGES, THEME_PROPERTIES } = require("messenger-check");
     const glue = require("messenger-check/package.json");
     evaluate({ messenger: "whatsapp" }, { lang: "en" }).then(async (a) => {
       const { default: init, languages } = await import("./node_modules/messenger-check/messenger_check.js");
       const { readFileSync } = require("node:fs");
       await init({ module_or_path: readFileSync("./node_modules/messenger-check/messenger_check_bg.wasm") });
       process.stdout.write(JSON.stringify({ score: a.score, lang: a.lang, LANGUAGES, wasm: languages(), accent: THEME_PROPERTIES.accent, version: glue.version }));
     });`,
  );
  const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: SITE(), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  assert.equal(out.lang, "en");
  assert.ok(out.score > 0);
  assert.deepEqual(out.LANGUAGES, out.wasm, "generated.js holds what the wasm says");
  assert.deepEqual(out.LANGUAGES.map((l) => l.code), ["de", "en"]);
  assert.ok(out.LANGUAGES.every((l) => l.name.length > 2));
  assert.deepEqual(out.accent, { kind: "color", property: "--mc-accent" });
});
