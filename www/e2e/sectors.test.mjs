// Sector law and the questions of catalog 2026.12 in the real page (strict CSP): who runs the
// server and the confidentiality agreement are asked only where they apply, in both languages,
// axe-clean; a practice, a law firm and a public body read their own law and words; every
// score equals the CLI's for the same answers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open, axe, settle, answerByClicking, legends, score, cli, fragment, QUESTIONS } from "./lib.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const title = (id, lang) => QUESTIONS.find((q) => q.id === id).title[lang];
const visible = async (page, id) => (await legends(page)).includes(title(id, page.lang));

for (const lang of ["de", "en"]) {
  test(`who runs the server and the confidentiality agreement are asked only where they apply (${lang})`, { timeout: 90_000 }, async () => {
    const page = await open(env, `?lang=${lang}`);
    page.lang = lang;
    await answerByClicking(page, { sector: "legal_tax", audience: ["internal"], messenger: "mattermost" });
    assert.ok(await visible(page, "server_operator"), "asked for a self-hostable messenger");
    assert.ok(!(await visible(page, "confidentiality_agreement")), "not before a third party runs it");
    assert.ok(!(await visible(page, "dpa")), "no processing agreement before someone else runs the server");
    await answerByClicking(page, { server_operator: "vendor" });
    assert.ok((await visible(page, "confidentiality_agreement")) && (await visible(page, "dpa")));
    assert.deepEqual(await axe(page), [], "axe-clean with both new questions open");
    await answerByClicking(page, { confidentiality_agreement: "none" });
    const vendor = await score(page);
    assert.equal(
      vendor,
      cli(
        { sector: "legal_tax", audience: ["internal"], messenger: "mattermost", server_operator: "vendor", confidentiality_agreement: "none" },
        lang,
      ).score,
    );
    // On the firm's own server neither is asked, and the score drops.
    await answerByClicking(page, { server_operator: "own" });
    assert.ok(!(await visible(page, "confidentiality_agreement")) && !(await visible(page, "dpa")));
    const own = await score(page);
    assert.ok(own < vendor, `${own} < ${vendor}`);
    // Not asked for WhatsApp, nor for a craft business.
    await answerByClicking(page, { messenger: "whatsapp_business_app" });
    assert.ok(!(await visible(page, "server_operator")) && !(await visible(page, "confidentiality_agreement")));
    await answerByClicking(page, { sector: "trade", messenger: "teams" });
    assert.ok(!(await visible(page, "confidentiality_agreement")));
    assert.deepEqual(await axe(page), []);
    await page.assertClean();
    await page.closeAll();
  });
}

test("a practice, a law firm and a public body read their own law and words, as the CLI", { timeout: 90_000 }, async () => {
  const base = {
    audience: ["customers"],
    messenger: "whatsapp_business_app",
    device: "private_phone",
    contact_access: "denied",
    first_contact: "customer",
    consent: "documented",
    content: ["appointments"],
  };
  const cases = [
    ["health", "Patientinnen und Patienten", "Gesundheitsdaten"],
    ["legal_tax", "Mandantinnen und Mandanten", "§ 43e BRAO"],
    ["public_sector", "Bürgerinnen und Bürger", "§ 203 Abs. 2"],
  ];
  for (const [sector, people, law] of cases) {
    const answers = { sector, ...base };
    const page = await open(env, `?lang=de#${fragment(answers)}`);
    await settle(page);
    const expected = cli(answers, "de");
    assert.equal(await score(page), expected.score, sector);
    const factors = await page.$$eval(".mc-factor", (fs) => fs.map((f) => f.textContent).join("\n"));
    assert.ok(factors.includes(people), `${sector}: ${people}`);
    assert.ok(factors.includes(law), `${sector}: ${law}`);
    assert.ok(!factors.includes("Kundschaft"), `${sector}: not customers`);
    for (const f of expected.factors) assert.ok(factors.includes(f.title), `${sector}: ${f.title}`);
    await page.assertClean();
    await page.closeAll();
  }
});

test("no messenger chosen yet: no band, the comparison helps", { timeout: 60_000 }, async () => {
  const answers = { sector: "health", audience: ["customers"], messenger: "undecided", content: ["appointments"] };
  const page = await open(env, `?lang=de#${fragment(answers)}`);
  await settle(page);
  const expected = cli(answers, "de");
  assert.ok(expected.provisional && expected.undecided[0] === "messenger");
  const text = await page.textContent(".mc-advice");
  assert.ok(text.includes("Noch kein Messenger gewählt"), text.slice(0, 400));
  assert.ok(!text.includes("So wie beschrieben ist das Risiko gering"));
  await page.assertClean();
  await page.closeAll();
});
