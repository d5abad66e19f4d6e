// Keeping the result (issue 5): the printed report (Chromium's PDF, read back with poppler's
// pdfinfo and pdftotext), the Markdown and JSON downloads (compared with the CLI), and the
// opt-in answer memory in localStorage. The CLI is the oracle; nothing here is hard-coded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ASSESS, LIVE, RESULTS, WORST, answerByClicking, cli, download, flat, fragment, open, score, settle, setup } from "./lib.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** A long report: health sector, every audience and content type, many factors. */
const LONG = {
  sector: "health",
  audience: ["customers", "internal", "partners"],
  broadcast: "yes",
  messenger: "whatsapp",
  device: "private_phone",
  contact_access: "granted",
  address_book: "mixed",
  first_contact: "business",
  consent: "none",
  content: ["appointments", "business_letters", "personal_data", "special_categories", "confidential"],
  chat_backup: "cloud",
  media_autosave: "on",
  archiving: "none",
  usage_policy: "none",
  works_council: "no_agreement",
  hosting: "no_preference",
  budget: "any",
};

const KEY = "messenger-check:v1";
const MONTHS = {
  de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

function markdown(answers, lang) {
  return execFileSync(ASSESS, ["--lang", lang, "--format", "markdown"], { input: JSON.stringify(answers) }).toString();
}

test("the print button is a real button that opens the browser's print dialog", { timeout: 30_000 }, async () => {
  const page = await open(env, `?lang=de#${fragment(WORST)}`);
  const button = page.getByRole("button", { name: "Drucken oder als PDF speichern" });
  assert.equal(await button.count(), 1);
  await page.evaluate(() => {
    window.print = () => {
      window.__printed = (window.__printed || 0) + 1;
    };
  });
  await button.click();
  assert.equal(await page.evaluate(() => window.__printed), 1, "window.print() was called");
  await page.click('.mc-lang button[lang="en"]');
  assert.equal(await page.getByRole("button", { name: "Print or save as PDF" }).count(), 1);
  await page.assertClean();
  await page.closeAll();
});

for (const [name, answers, lang] of [
  ["worst", WORST, "de"],
  ["long", LONG, "de"],
  ["long", LONG, "en"],
]) {
  test(`the printed report (${name}, ${lang}) fits on at most three A4 pages with score, factors and date`, { timeout: 60_000 }, async () => {
    const expected = cli(answers, lang);
    const page = await open(env, `?lang=${lang}#${fragment(answers)}`);
    assert.equal(await score(page), expected.score);
    await page.emulateMedia({ media: "print" });
    const today = await page.evaluate(() => {
      const d = new Date();
      return [d.getFullYear(), d.getMonth(), d.getDate()];
    });
    const pdf = join(RESULTS, `report-${name}-${lang}.pdf`);
    await page.pdf({ path: pdf, format: "A4" });
    await page.assertClean();
    await page.closeAll();

    const info = execFileSync("pdfinfo", [pdf]).toString();
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
    assert.ok(pages >= 1 && pages <= 3, `at most three pages, got ${pages}`);
    assert.match(info, /Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    // A first-page picture for people to look at.
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, pdf.replace(/\.pdf$/, "-page1")]);

    const text = flat(execFileSync("pdftotext", [pdf, "-"]).toString());
    const ui = JSON.parse(readFileSync(new URL("../../engine/catalog/ui.json", import.meta.url), "utf8"));
    assert.ok(text.includes(flat(`${ui.score[lang]}: ${expected.score} ${ui.out_of[lang]}`)), `the score ${expected.score} is printed`);
    assert.ok(text.includes(flat(expected.band_label)), "the band");
    for (const f of expected.factors) {
      assert.ok(text.includes(flat(f.title)), `factor title: ${f.title}`);
      assert.ok(text.includes(flat(f.law)), `factor law: ${f.law}`);
    }
    for (const m of expected.measures) assert.ok(text.includes(flat(m.title)), `measure: ${m.title}`);
    // The best-fitting alternatives (src/components/print_report.rs prints four).
    for (const alt of expected.alternatives.slice(0, 4)) assert.ok(text.includes(flat(alt.name)), `alternative: ${alt.name}`);
    assert.ok(text.includes(flat(expected.disclaimer)), "the disclaimer");
    assert.ok(text.includes(expected.catalog.version), "the catalog version");
    const [y, m, d] = today;
    const date = lang === "de" ? `${d}. ${MONTHS.de[m]} ${y}` : `${d} ${MONTHS.en[m]} ${y}`;
    assert.ok(text.includes(flat(`${ui["report.generated"][lang]} ${date}`)), `today's date: ${date}`);
    // No controls, no questions' explanations in print.
    for (const key of ["keep.print", "keep.markdown", "keep.remember", "reset", "why_ask"]) {
      assert.ok(!text.includes(flat(ui[key][lang])), `no control or explanation in print: ${ui[key][lang]}`);
    }
  });
}

test("the Markdown download is the CLI's report, in German and in English with a German interface", { timeout: 60_000 }, async () => {
  const page = await open(env, `?lang=de#${fragment(WORST)}`);
  // One change by clicking, so the download must follow the live answers, not the link.
  await page.check('input[name="consent"][value="documented"]');
  await settle(page);
  const answers = { ...WORST, consent: "documented" };
  assert.equal(await score(page), cli(answers).score);

  const select = page.getByLabel("Sprache des Berichts");
  assert.equal(await select.inputValue(), "de", "the report language starts as the interface language");
  const de = await download(page, ".mc-export-md");
  assert.match(de.name, /^messenger-check-\d{4}-\d{2}-\d{2}\.md$/);
  assert.equal(de.text, markdown(answers, "de"), "byte for byte the CLI's German report");

  await select.selectOption("en");
  const en = await download(page, ".mc-export-md");
  assert.equal(en.text, markdown(answers, "en"), "byte for byte the CLI's English report");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de", "the interface stays German");
  assert.equal(await page.isVisible("text=Ergebnis behalten"), true);

  const json = await download(page, ".mc-export-json");
  assert.match(json.name, /^messenger-check-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(json.text);
  assert.deepEqual(parsed.assessment, cli(answers, "en"), "the assessment is the CLI's JSON (English)");
  assert.deepEqual(parsed.answers, answers, "with the answers it was computed from");
  assert.equal(await page.evaluate(() => localStorage.length), 0, "downloads store nothing");
  await page.assertClean();
  await page.closeAll();
});

test("without the opt-in nothing is stored and a reload keeps no answers", { timeout: 30_000 }, async () => {
  const page = await open(env, "?lang=de");
  const remember = page.getByLabel("Antworten auf diesem Gerät merken");
  assert.equal(await remember.isChecked(), false, "unchecked by default");
  await answerByClicking(page, { sector: "trade", audience: ["customers"], messenger: "whatsapp" });
  assert.ok((await score(page)) > 0);
  assert.equal(await page.evaluate(() => localStorage.length), 0, "localStorage stays empty");
  await page.goto(env.url + "?lang=de");
  await page.waitForSelector(LIVE);
  assert.equal(await score(page), 0, "no answers after the reload");
  assert.equal(await page.locator("input:checked").count(), 0);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await page.assertClean();
  await page.closeAll();
});

test("with the opt-in a reload keeps the answers; a share link wins; Forget deletes them", { timeout: 60_000 }, async () => {
  const page = await open(env, "?lang=de");
  await page.getByLabel("Antworten auf diesem Gerät merken").check();
  const answers = { sector: "trade", audience: ["customers"], messenger: "whatsapp", device: "private_phone" };
  await answerByClicking(page, answers);
  await settle(page);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), fragment(answers), "stored as the share-link encoding");

  await page.goto(env.url + "?lang=de");
  await page.waitForSelector(LIVE);
  assert.equal(await score(page), cli(answers).score, "the answers are back");
  for (const [q, a] of Object.entries(answers)) {
    for (const id of [].concat(a)) assert.equal(await page.isChecked(`input[name="${q}"][value="${id}"]`), true, `${q}=${id}`);
  }
  assert.equal(await page.getByLabel("Antworten auf diesem Gerät merken").isChecked(), true, "shown as remembered");

  // A share link in the address wins over the memory.
  const link = { sector: "health", messenger: "signal" };
  await page.goto(env.url + `?lang=de#${fragment(link)}`);
  await page.waitForSelector(LIVE);
  assert.equal(await score(page), cli(link).score);
  assert.equal(await page.isChecked('input[name="device"][value="private_phone"]'), false);

  // Forget: the key goes, the box is unchecked, and later answers are not stored.
  await page.getByRole("button", { name: "Vergessen" }).click();
  await settle(page);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  assert.equal(await page.getByLabel("Antworten auf diesem Gerät merken").isChecked(), false);
  assert.equal(await page.evaluate(() => location.hash), "", "and the link is out of the address");
  await page.check('input[name="messenger"][value="whatsapp"]');
  await settle(page);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await page.goto(env.url + "?lang=de");
  await page.waitForSelector(LIVE);
  assert.equal(await score(page), 0, "forgotten");
  await page.assertClean();
  await page.closeAll();
});

test("disabled storage does not break the widget", { timeout: 30_000 }, async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("storage is disabled", "SecurityError");
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(env.url + "?lang=de");
  await page.waitForSelector(LIVE);
  await page.getByLabel("Antworten auf diesem Gerät merken").check();
  await page.check('input[name="messenger"][value="whatsapp"]');
  await settle(page);
  assert.equal(await score(page), cli({ messenger: "whatsapp" }).score, "the widget still works");
  await page.getByRole("button", { name: "Vergessen" }).click();
  assert.deepEqual(errors, []);
  await context.close();
});
