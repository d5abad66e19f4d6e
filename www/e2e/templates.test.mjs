// The templates section (issue 11): keyboard and screen readers (axe in both languages), the
// downloads byte for byte equal to `assess --document …` (the CLI is the oracle), a printed
// template on A4 (Chromium's PDF read back with pdfinfo and pdftotext), and the business's
// name stored only under the visitor's opt-in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setup, open, axe, settle, fragment, download, flat, ASSESS, LIVE, RESULTS } from "./lib.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** The plumber of docs/examples/templates: WhatsApp Business App, customers and staff. */
const PLUMBER = JSON.parse(readFileSync(new URL("../../docs/examples/templates/plumber/answers.json", import.meta.url), "utf8"));
const COMPANY = "Sanitär Beispiel & Söhne GmbH";
const TEMPLATES = JSON.parse(readFileSync(new URL("../../engine/catalog/templates.json", import.meta.url), "utf8"));
const ui = (key, lang) => TEMPLATES.texts[key][lang];
const IDS = ["policy", "consent", "record", "checklist"];

function cli(id, lang, format, company = COMPANY) {
  const args = ["--document", id, "--lang", lang, "--format", format];
  if (company) args.push("--blank", `company=${company}`);
  return execFileSync(ASSESS, args, { input: JSON.stringify(PLUMBER) }).toString();
}

/** The disclosure of one template. */
const item = (page, id, lang) => page.locator("details.mc-doc-item").filter({ has: page.locator("summary", { hasText: ui(`ui.doc.${id}`, lang) }) });

/** Opens a template's disclosure (a click on its summary, unless it is open already). */
async function openItem(page, id, lang) {
  const it = item(page, id, lang);
  if (!(await it.evaluate((d) => d.open))) await it.locator("summary").click();
  await settle(page);
  return it;
}

/** The document as the CLI writes it in JSON, and its title as plain text. */
function cliDoc(id, lang) {
  return JSON.parse(cli(id, lang, "json"));
}
const plain = (parts) => parts.map((p) => p.text ?? p.value ?? `[${p.label}]`).join("");

test("the templates are reached, filled and opened with the keyboard, and axe finds nothing in either language", { timeout: 90_000 }, async () => {
  const page = await open(env, `?lang=de#${fragment(PLUMBER)}`);
  const name = page.getByLabel(ui("ui.company", "de"));
  // Tab from the last control before the section (the report language) to the name field.
  await page.getByLabel("Sprache des Berichts").focus();
  for (let i = 0; i < 12 && !(await name.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  assert.equal(await name.evaluate((el) => el === document.activeElement), true, "the name field is reached with Tab");
  await page.keyboard.type(COMPANY);
  await page.keyboard.press("Tab");
  // The first template's summary: Enter opens it, and its preview shows the name live.
  const policy = item(page, "policy", "de");
  assert.equal(await policy.locator("summary").evaluate((el) => el === document.activeElement), true, "then the first template");
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal(await policy.evaluate((d) => d.open), true);
  const preview = policy.getByRole("article");
  assert.match(await preview.getAttribute("aria-label"), /^Vorschau: Messenger-Richtlinie/);
  assert.ok((await preview.textContent()).includes(`bei ${COMPANY}`), "the name fills the blank");
  assert.ok((await preview.locator("mark.mc-blank", { hasText: "[zuständige Person]" }).count()) > 0, "other blanks stay marked");
  // Its buttons come next in the tab order and say which template they act on.
  await page.keyboard.press("Tab");
  const print = policy.getByRole("button", { name: ui("ui.print", "de") });
  assert.equal(await print.evaluate((el) => el === document.activeElement), true);
  assert.equal(await print.getAttribute("aria-describedby"), await policy.locator("summary").getAttribute("id"));
  assert.equal(await page.locator("details.mc-doc-item").count(), 4, "customers: all four templates");

  await page.$$eval("details", (ds) =>
    ds.forEach((d) => {
      d.open = true;
    }),
  );
  await settle(page);
  assert.deepEqual(await axe(page), [], "German, every template open");
  await page.click('.mc-lang button[lang="en"]');
  await settle(page);
  await page.$$eval("details", (ds) =>
    ds.forEach((d) => {
      d.open = true;
    }),
  );
  await settle(page);
  assert.equal(await page.getByLabel(ui("ui.company", "en")).inputValue(), COMPANY, "the name stays when the language changes");
  assert.ok((await item(page, "policy", "en").getByRole("article").textContent()).includes(`at ${COMPANY}`));
  assert.deepEqual(await axe(page), [], "English, every template open");
  await page.screenshot({ path: join(RESULTS, "templates-en.png"), fullPage: true });
  await page.assertClean();
  await page.closeAll();
});

test("without a messenger the section says what is missing; an internal team gets no consent", { timeout: 30_000 }, async () => {
  const page = await open(env, "?lang=de#v=1&sector=trade");
  assert.equal(
    await page
      .locator(".mc-templates")
      .textContent()
      .then((t) => t.includes(ui("ui.none", "de"))),
    true,
  );
  await page.goto(env.url + `?lang=en#${fragment({ audience: ["internal"], messenger: "threema_work" })}`);
  await page.waitForSelector(LIVE);
  const summaries = await page.locator("details.mc-doc-item > summary").allTextContents();
  assert.deepEqual(
    summaries,
    ["policy", "record", "checklist"].map((id) => ui(`ui.doc.${id}`, "en")),
  );
  await page.assertClean();
  await page.closeAll();
});

test("a template held back for this setup is named with the reason the CLI gives, in both languages", { timeout: 60_000 }, async () => {
  // A practice whose Signal chats go to a cloud backup: no consent form until the backup is off.
  const held = { sector: "health", audience: ["customers"], messenger: "signal", chat_backup: "cloud" };
  const reason = (lang) => {
    let out = "";
    try {
      execFileSync(ASSESS, ["--document", "consent", "--lang", lang], { input: JSON.stringify(held), stdio: "pipe" });
    } catch (e) {
      out = e.stderr.toString().trim();
    }
    const start = lang === "de" ? "assess: `consent`: " : "assess: the `consent` template is not offered for this setup: ";
    assert.ok(out.startsWith(start), `the CLI refuses the consent form (${lang}): ${out}`);
    return out.slice(start.length);
  };
  const page = await open(env, `?lang=de#${fragment(held)}`);
  for (const lang of ["de", "en"]) {
    if (lang === "en") {
      await page.click('.mc-lang button[lang="en"]');
      await settle(page);
    }
    const summaries = await page.locator("details.mc-doc-item > summary").allTextContents();
    assert.deepEqual(
      summaries,
      ["policy", "record", "checklist"].map((id) => ui(`ui.doc.${id}`, lang)),
      `${lang}: no consent form offered`,
    );
    const refused = page.locator(".mc-doc-refused");
    assert.equal(flat(await refused.locator("p.mc-key").textContent()), flat(ui("ui.refused", lang)));
    assert.equal(await refused.getByRole("list", { name: ui("ui.refused", lang) }).count(), 1, "the list is named by its heading");
    assert.equal(flat(await refused.locator("p.mc-note").textContent()), flat(ui("ui.refused_note", lang)));
    assert.deepEqual(
      (await refused.locator("li").allTextContents()).map(flat),
      [flat(`${ui("ui.doc.consent", lang)}: ${reason(lang)}`)],
      `${lang}: the reason is the CLI's`,
    );
    assert.deepEqual(await axe(page), [], `${lang}: axe`);
  }
  // Backup off: the form is offered, and nothing is said to be held back.
  await page.goto(env.url + `?lang=de#${fragment({ ...held, chat_backup: "off" })}`);
  await page.waitForSelector(LIVE);
  await settle(page);
  assert.equal(await page.locator("details.mc-doc-item").count(), 4);
  assert.equal(await page.locator(".mc-doc-refused").count(), 0);
  await page.assertClean();
  await page.closeAll();
});

test("the downloads are the CLI's templates byte for byte, Markdown and HTML, in both languages", { timeout: 90_000 }, async () => {
  const page = await open(env, `?lang=de#${fragment(PLUMBER)}`);
  await page.getByLabel(ui("ui.company", "de")).fill(COMPANY);
  for (const lang of ["de", "en"]) {
    if (lang === "en") await page.click('.mc-lang button[lang="en"]');
    await settle(page);
    for (const id of IDS) {
      const it = await openItem(page, id, lang);
      const md = await download(page, it.getByRole("button", { name: ui("ui.markdown", lang) }));
      assert.match(md.name, new RegExp(`^messenger-check-${id}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
      assert.equal(md.text, cli(id, lang, "markdown"), `${id} ${lang}: Markdown`);
      const html = await download(page, it.getByRole("button", { name: ui("ui.html", lang) }));
      assert.match(html.name, /\.html$/);
      assert.equal(html.text, cli(id, lang, "html"), `${id} ${lang}: HTML`);
    }
  }
  // Without a name the blank stays marked, as in the CLI without --blank.
  await page.getByLabel(ui("ui.company", "en")).fill("");
  await settle(page);
  const md = await download(page, item(page, "checklist", "en").getByRole("button", { name: ui("ui.markdown", "en") }));
  assert.equal(md.text, cli("checklist", "en", "markdown", null));
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing stored without the opt-in");
  await page.assertClean();
  await page.closeAll();
});

for (const [id, lang, most] of [
  ["policy", "de", 4],
  ["consent", "en", 4],
  ["checklist", "de", 4],
]) {
  test(`a printed template (${id}, ${lang}) is that template alone on A4`, { timeout: 60_000 }, async () => {
    const page = await open(env, `?lang=${lang}#${fragment(PLUMBER)}`);
    await page.getByLabel(ui("ui.company", lang)).fill(COMPANY);
    const it = await openItem(page, id, lang);
    await page.evaluate(() => {
      window.print = () => {
        window.__printed = (window.__printed || 0) + 1;
      };
    });
    await it.getByRole("button", { name: ui("ui.print", lang) }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1, "the print dialog was asked for");
    await page.emulateMedia({ media: "print" });
    const pdf = join(RESULTS, `template-${id}-${lang}.pdf`);
    await page.pdf({ path: pdf, format: "A4" });
    const info = execFileSync("pdfinfo", [pdf]).toString();
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
    assert.ok(pages >= 1 && pages <= most, `1 to ${most} pages, got ${pages}`);
    assert.match(info, /Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, pdf.replace(/\.pdf$/, "-page1")]);
    const text = flat(execFileSync("pdftotext", [pdf, "-"]).toString());
    const doc = cliDoc(id, lang);
    assert.ok(text.includes(flat(plain(doc.title))), "the title");
    for (const s of doc.sections) assert.ok(text.includes(flat(plain(s.heading))), `section: ${plain(s.heading)}`);
    assert.ok(text.includes(flat(doc.disclaimer)) && text.includes(doc.catalog.version), "disclaimer and catalog version");
    for (const s of doc.sources.filter((s) => s.url)) assert.ok(text.includes(flat(s.url)), `source address: ${s.url}`);
    // Nothing of the widget or the report: no buttons, no score, no other template.
    for (const t of [
      ui("ui.print", lang),
      ui("ui.markdown", lang),
      ui("ui.company", lang),
      ...IDS.filter((x) => x !== id).map((x) => plain(cliDoc(x, lang).title)),
    ]) {
      assert.ok(!text.includes(flat(t)), `not printed: ${t}`);
    }
    assert.ok(!text.includes(flat(lang === "de" ? "Risikowert" : "Risk score")), "not the report");
    // After printing, the page prints the report again.
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await settle(page);
    assert.equal(await page.locator("[data-mc-print]").count(), 0);
    await page.pdf({ path: join(RESULTS, `template-${id}-${lang}-after.pdf`), format: "A4" });
    const report = flat(execFileSync("pdftotext", [join(RESULTS, `template-${id}-${lang}-after.pdf`), "-"]).toString());
    assert.ok(report.includes(flat(lang === "de" ? "Messenger-Check: Bericht" : "Messenger check: report")), "the report again");
    await page.assertClean();
    await page.closeAll();
  });
}

test("the business's name is stored only while answers are remembered, and forgotten with them", { timeout: 60_000 }, async () => {
  const KEY = "messenger-check:v1:company";
  const page = await open(env, `?lang=de#${fragment(PLUMBER)}`);
  const name = page.getByLabel(ui("ui.company", "de"));
  await name.fill(COMPANY);
  await settle(page);
  assert.equal(await page.evaluate(() => localStorage.length), 0, "not stored without the opt-in");
  assert.match(await page.locator(".mc-company .mc-hint").textContent(), /nur, wenn Sie „Antworten auf diesem Gerät merken“/);
  await page.getByLabel("Antworten auf diesem Gerät merken").check();
  await settle(page);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), COMPANY, "stored with the answers");
  await page.goto(env.url + "?lang=de");
  await page.waitForSelector(LIVE);
  await settle(page);
  assert.equal(await page.getByLabel(ui("ui.company", "de")).inputValue(), COMPANY, "back after a reload");
  await page.getByRole("button", { name: "Vergessen" }).click();
  await settle(page);
  assert.equal(await page.evaluate(() => localStorage.length), 0, "forgotten with the answers");
  await page.assertClean();
  await page.closeAll();
});
