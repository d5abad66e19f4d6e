// The demo page end to end, in Debian's Chromium, served with the strict CSP header:
// the CLI is the oracle for every score.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setup, open, cli, score, scoreChange, settle, answerByClicking, legends, fragment, WORST, QUESTIONS, LIVE } from "./lib.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test("answering the worst case by clicking shows the CLI's score, band and factors", { timeout: 60_000 }, async () => {
  const page = await open(env, "?lang=de");
  const expected = cli(WORST, "de");
  assert.equal(await score(page), 0, "no answers, no points");
  const historyBefore = await page.evaluate(() => history.length);

  await answerByClicking(page, WORST);
  await page.waitForFunction((s) => document.querySelector("#mc-score").textContent === String(s), expected.score, { timeout: 3000 }).catch(() => {});
  assert.equal(await score(page), expected.score, "the page's score is the CLI's");
  assert.equal(expected.band, "critical", "the contract puts the worst case in the critical band");
  assert.equal((await page.textContent(".mc-band-label")).trim(), expected.band_label);
  const factorTitles = await page.$$eval(".mc-factor .mc-item-title > span:first-child", (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(
    factorTitles,
    expected.factors.map((f) => f.title),
    "the factors, largest first",
  );
  const progress = await page.textContent(".mc-progress");
  assert.match(progress, new RegExp(`${expected.progress.answered}\\D+${expected.progress.applicable}`));

  // Answering puts nothing into the address; asking for a link does, without adding history
  // entries.
  await settle(page);
  assert.equal(await page.evaluate(() => location.hash), "", "no answers in the address until the visitor asks");
  await page.click(".mc-share-button");
  await settle(page);
  const hash = await page.evaluate(() => location.hash);
  assert.equal(hash, `#${fragment(WORST)}`);
  assert.equal(await page.inputValue(".mc-share-link"), await page.evaluate(() => location.href), "the link shown is the address");
  assert.equal(await page.evaluate(() => history.length), historyBefore, "replaceState, no history flooding");
  await page.assertClean();
  await page.closeAll();
});

test("the address holds answers only when the visitor asks for a link; forget and reset take them out; remembering stays on the device", {
  timeout: 60_000,
}, async () => {
  const page = await open(env, "?lang=en");
  const answers = { sector: "health", audience: ["customers"], messenger: "whatsapp" };
  await answerByClicking(page, answers);
  await settle(page);
  const url = () => page.evaluate(() => ({ hash: location.hash, search: location.search, stored: { ...localStorage } }));
  assert.deepEqual(await url(), { hash: "", search: "?lang=en", stored: {} }, "answering writes nothing anywhere");

  // A link, asked for: the address follows the answers from now on.
  await page.click(".mc-share-button");
  await settle(page);
  assert.equal((await url()).hash, `#${fragment(answers)}`);
  await page.check('input[name="device"][value="private_phone"]');
  await settle(page);
  assert.equal((await url()).hash, `#${fragment({ ...answers, device: "private_phone" })}`, "the link follows the answers");
  // Forget: out of the address, the answers on the screen stay.
  await page.click(".mc-forget");
  await settle(page);
  assert.deepEqual(await url(), { hash: "", search: "?lang=en", stored: {} });
  assert.equal(await page.isChecked('input[name="device"][value="private_phone"]'), true, "the screen keeps them");
  await page.check('input[name="consent"][value="none"]');
  await settle(page);
  assert.equal((await url()).hash, "", "after forget, answering writes nothing again");
  // Shared again, then "clear all answers": the address is empty too.
  await page.click(".mc-share-button");
  await settle(page);
  assert.notEqual((await url()).hash, "");
  await page.click(".mc-reset-line button");
  await settle(page);
  assert.equal((await url()).hash, "", "reset takes the answers out of the address");
  assert.equal(await page.locator(".mc-share-link").count(), 0, "and ends sharing");

  // Remember: on this device (localStorage), not in the address; a reload brings them back,
  // forget deletes them, and a reload then starts empty.
  await answerByClicking(page, answers);
  await page.check(".mc-remember input[type=checkbox]");
  await settle(page);
  const remembered = await url();
  assert.equal(remembered.hash, "", "remembering does not write the address");
  assert.deepEqual(remembered.stored, { "messenger-check:v1": fragment(answers) });
  await page.reload();
  await page.waitForSelector(LIVE);
  assert.equal(await page.isChecked('input[name="messenger"][value="whatsapp"]'), true, "remembered across a reload");
  assert.equal((await url()).hash, "");
  await page.click(".mc-forget");
  await settle(page);
  assert.deepEqual((await url()).stored, {});
  await page.reload();
  await page.waitForSelector(LIVE);
  assert.equal(await page.isChecked('input[name="messenger"][value="whatsapp"]'), false, "forgotten");
  await page.assertClean();
  await page.closeAll();

  // Opened with a share link: its answers come in; answering more does not write them into
  // the address (the link stays as it was sent), and reset clears it.
  const linked = await open(env, `?lang=en#${fragment(answers)}`);
  await linked.check('input[name="device"][value="private_phone"]');
  await settle(linked);
  assert.equal(await linked.evaluate(() => location.hash), `#${fragment(answers)}`, "the link as it was sent");
  await linked.click(".mc-reset-line button");
  await settle(linked);
  assert.equal(await linked.evaluate(() => location.hash), "");
  await linked.assertClean();
  await linked.closeAll();
});

test("a page opened with a share link offers Forget, which takes the link out of the address; a reload then shows no answers", {
  timeout: 60_000,
}, async () => {
  const answers = { sector: "trade", audience: ["customers"], messenger: "whatsapp", device: "private_phone" };
  const page = await open(env, `?lang=en#${fragment(answers)}`);
  assert.equal(await score(page), cli(answers, "en").score, "the link's answers are shown");
  const historyBefore = await page.evaluate(() => history.length);
  // Not remembered, not shared by this widget: Forget is offered for the link, with the hint
  // that says why, and no share link is shown.
  const forget = page.getByRole("button", { name: "Forget", exact: true });
  await forget.waitFor({ timeout: 3000 });
  const hint = await page.textContent(".mc-linked-hint");
  assert.match(hint, /address bar/);
  const describedBy = await forget.getAttribute("aria-describedby");
  assert.equal(await page.evaluate((id) => document.getElementById(id)?.textContent, describedBy), hint, "the button is described by the hint");
  assert.equal(await page.locator(".mc-share-link").count(), 0);
  // Answering leaves the link as it was sent, and Forget stays.
  await page.check('input[name="consent"][value="none"]');
  await settle(page);
  assert.equal(await page.evaluate(() => location.hash), `#${fragment(answers)}`);
  await forget.click();
  await settle(page);
  const after = await page.evaluate(() => ({ hash: location.hash, href: location.href, stored: { ...localStorage } }));
  assert.equal(after.hash, "", "Forget takes the link out of the address");
  assert.doesNotMatch(after.href, /#|messenger|whatsapp/, "nothing of the link stays in the address");
  assert.deepEqual(after.stored, {});
  assert.equal(await page.evaluate(() => history.length), historyBefore, "replaceState: the address is changed, not a new history entry");
  assert.equal(await page.isChecked('input[name="messenger"][value="whatsapp"]'), true, "the screen keeps the answers");
  assert.equal(await page.locator(".mc-linked-hint").count(), 0, "the hint goes with the link");
  assert.equal(await page.locator(".mc-forget").count(), 0, "nothing left to forget");
  await page.check('input[name="budget"][value="small_fee"]');
  await settle(page);
  assert.equal(await page.evaluate(() => location.hash), "", "after Forget, answering writes nothing");
  // A reload (the address as it is now) brings nothing back.
  await page.reload();
  await page.waitForSelector(LIVE);
  assert.equal(await score(page), 0, "a reload shows no answers");
  assert.equal(await page.isChecked('input[name="messenger"][value="whatsapp"]'), false);
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.equal(await page.locator(".mc-forget").count(), 0);

  // A link pasted into the address bar of the open page: its answers come in, Forget is
  // offered for it and takes it out again.
  await page.evaluate((h) => {
    location.hash = h;
  }, fragment(answers));
  await page.waitForFunction(() => document.querySelector('input[name="messenger"][value="whatsapp"]')?.checked, null, { timeout: 3000 });
  await forget.waitFor({ timeout: 3000 });
  await page.locator(".mc-linked-hint").waitFor({ timeout: 3000 });
  await forget.click();
  await settle(page);
  assert.equal(await page.evaluate(() => location.hash), "", "the pasted link is taken out too");
  await page.reload();
  await page.waitForSelector(LIVE);
  assert.equal(await score(page), 0);
  await page.assertClean();
  await page.closeAll();
});

test("a question that stops applying disappears, and its answer no longer counts", { timeout: 30_000 }, async () => {
  const page = await open(env, "?lang=de");
  await answerByClicking(page, { audience: ["customers"] });
  assert.equal(await page.locator('fieldset:not([hidden]) input[name="broadcast"]').count(), 3, "broadcast applies to customers");
  await page.check('input[name="broadcast"][value="yes"]');
  await settle(page);
  const withBroadcast = await score(page);
  await page.check('input[name="audience"][value="internal"]');
  await page.uncheck('input[name="audience"][value="customers"]');
  await settle(page);
  assert.equal(await page.locator('fieldset:not([hidden]) input[name="broadcast"]').count(), 0, "broadcast is gone");
  assert.equal(await page.isVisible('input[name="broadcast"]'), false);
  assert.equal(await score(page), cli({ audience: ["internal"], broadcast: "yes" }).score);
  // Its answer was kept: it comes back when the question applies again.
  await page.check('input[name="audience"][value="customers"]');
  await settle(page);
  assert.equal(await page.isChecked('input[name="broadcast"][value="yes"]'), true);
  assert.equal(await score(page), withBroadcast);
  await page.assertClean();
  await page.closeAll();
});

test("the language switch re-renders everything in English, and ?lang=en starts in English", { timeout: 30_000 }, async () => {
  const page = await open(env, "?lang=de");
  const de = await legends(page);
  assert.deepEqual(
    de,
    QUESTIONS.filter((q) => de.includes(q.title.de)).map((q) => q.title.de),
  );
  assert.ok(de.length >= 5, "the questions that always apply are there");
  await page.click('.mc-lang button[lang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  const en = await legends(page);
  assert.deepEqual(
    en,
    de.map((t) => QUESTIONS.find((q) => q.title.de === t).title.en),
    "every legend is now English",
  );
  assert.equal(await page.getAttribute('.mc-lang button[lang="en"]', "aria-pressed"), "true");
  assert.match(await page.title(), /Messenger check/);
  await page.assertClean();
  await page.closeAll();

  const en2 = await open(env, "?lang=en");
  assert.equal(await en2.evaluate(() => document.documentElement.lang), "en");
  assert.equal((await legends(en2))[0], QUESTIONS[0].title.en);
  await en2.assertClean();
  await en2.closeAll();

  // Without ?lang the browser's language decides.
  const browserEn = await open(env, "", { locale: "en-GB" });
  assert.equal((await legends(browserEn))[0], QUESTIONS[0].title.en);
  await browserEn.closeAll();
});

test("a what-if applies with one click, gives the score it promised, and undo returns", { timeout: 60_000 }, async () => {
  const page = await open(env, `?lang=de#${fragment(WORST)}`);
  // The address follows the answers once the visitor asks for a link (read back below).
  await page.click(".mc-share-button");
  const start = await score(page);
  assert.equal(start, cli(WORST).score);
  const first = page.locator(".mc-what-if").first();
  const promised = Number(await first.locator(".mc-what-if-score").textContent());
  assert.ok(promised < start, "a what-if lowers the score");
  await first.locator("button").click();
  const after = await scoreChange(page, start);
  assert.equal(after, promised, "the score the what-if promised");
  // And it is the CLI's score for the changed answers (read back from the share link).
  await settle(page);
  const changed = await page.evaluate(() => location.hash);
  const answers = Object.fromEntries(
    changed
      .slice(1)
      .split("&")
      .filter((p) => !p.startsWith("v="))
      .map((p) => p.split("="))
      .map(([k, v]) => [k, QUESTIONS.find((q) => q.id === k).multi ? v.split(",") : v]),
  );
  assert.equal(after, cli(answers).score);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("mc-undo")), true, "focus moves to undo");
  await page.click(".mc-undo");
  assert.equal(await scoreChange(page, after), start, "undo restores the score");
  await settle(page);
  assert.equal(await page.evaluate(() => location.hash), `#${fragment(WORST)}`);
  assert.equal(
    await page.evaluate(() => document.activeElement?.classList.contains("mc-results-title")),
    true,
    "with nothing left to undo, focus goes to the result's heading",
  );

  // A measure applies the same way.
  const measure = page.locator(".mc-measure").first();
  const measured = Number(await measure.locator(".mc-after strong").textContent());
  await measure.locator("button").click();
  assert.equal(await scoreChange(page, start), measured, "the score the measure promised");
  await page.click(".mc-undo");
  assert.equal(await scoreChange(page, measured), start);
  await page.assertClean();
  await page.closeAll();
});

test("keyboard only (Tab, arrows, Space) completes the worst case and reaches the CLI's score", { timeout: 120_000 }, async () => {
  const page = await open(env, "?lang=de");
  const expected = cli(WORST).score;
  const active = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el && el.tagName === "INPUT" ? { name: el.name, value: el.value, type: el.type } : { tag: el?.tagName };
    });
  for (const q of QUESTIONS) {
    if (WORST[q.id] === undefined) continue;
    const want = [].concat(WORST[q.id]);
    let tabs = 0;
    while ((await active()).name !== q.id) {
      await page.keyboard.press("Tab");
      assert.ok(++tabs < 60, `Tab reaches question ${q.id}`);
    }
    const options = q.options.map((o) => o.id);
    if (q.multi) {
      for (let i = 0; i < options.length; i++) {
        assert.equal((await active()).value, options[i]);
        if (want.includes(options[i])) await page.keyboard.press("Space");
        if (i < options.length - 1) await page.keyboard.press("Tab");
      }
    } else {
      const index = options.indexOf(want[0]);
      if (index === 0) await page.keyboard.press("Space");
      for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
      assert.equal((await active()).value, want[0]);
    }
    await settle(page);
    const checked = await page.$$eval(`input[name="${q.id}"]:checked`, (els) => els.map((e) => e.value));
    assert.deepEqual(checked.sort(), [...want].sort(), `${q.id} answered by keyboard`);
  }
  assert.equal(await score(page), expected);
  await page.assertClean();
  await page.closeAll();
});

test("a share link with the worst case restores the answers and the CLI's score", { timeout: 30_000 }, async () => {
  const page = await open(env, `#${fragment(WORST)}`);
  assert.equal(await score(page), cli(WORST).score);
  for (const [q, a] of Object.entries(WORST)) {
    for (const id of [].concat(a)) assert.equal(await page.isChecked(`input[name="${q}"][value="${id}"]`), true, `${q}=${id}`);
  }
  assert.equal(await page.locator(".mc-notice").count(), 0, "a valid link shows no notice");
  await page.assertClean();
  await page.closeAll();
});

test("a broken or hostile link keeps a working widget with a notice and injects nothing", { timeout: 30_000 }, async () => {
  const hostile = "#v=1&sector=<img src=x onerror=alert(1)>&foo=bar&messenger=%E0%A4%A";
  const page = await open(env, hostile);
  const notice = page.locator('.mc-notice[role="status"]');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /Link/);
  assert.ok(text.includes("<img src=x onerror=alert(1)>") || text.includes("%3Cimg"), "the bad value is shown as text");
  assert.match(text, /foo=bar/);
  assert.equal(await page.locator("#messenger-check img").count(), 0, "no injected element");
  assert.equal(await page.evaluate(() => document.querySelectorAll("img, iframe, object, embed").length), 0);
  // The widget still works.
  await page.check('input[name="messenger"][value="whatsapp"]');
  assert.equal(await scoreChange(page, 0), cli({ messenger: "whatsapp" }).score);
  await page.click(".mc-notice button");
  assert.equal(await page.locator(".mc-notice").count(), 0, "the notice can be closed");
  await page.assertClean();
  await page.closeAll();

  // Every kind of broken link leaves a working widget with a notice, no console error and
  // no injected element; whatever was valid is used.
  const broken = {
    "unknown ids": ["#v=1&sector=bakery&colour=red&messenger=whatsapp", { messenger: "whatsapp" }],
    "bad encoding": ["#v=1&sector=%ZZ&audience=%E0%A4%A&messenger=whatsapp", { messenger: "whatsapp" }],
    "an unknown version": ["#v=9&sector=trade&messenger=whatsapp", {}],
    "20,000 characters": [`#v=1&messenger=whatsapp&x=${"a".repeat(20000)}`, { messenger: "whatsapp" }],
    "markup in values": [
      '#v=1&messenger=whatsapp&audience=customers,<script>alert(1)</script>&sector="><svg onload=alert(2)>&<b>x</b>=1',
      { messenger: "whatsapp", audience: ["customers"] },
    ],
  };
  for (const [what, [link, valid]] of Object.entries(broken)) {
    const p = await open(env, link);
    await p.locator('.mc-notice[role="status"]').waitFor();
    assert.equal(await score(p), cli(valid).score, `${what}: the valid part is used`);
    const injected = await p.evaluate(() => ({
      elements: document.querySelectorAll("script:not([src]), img, iframe, object, embed, b, svg[onload]").length,
      handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
    }));
    assert.deepEqual(injected, { elements: 0, handlers: 0 }, `${what}: no injected element`);
    await p.check('input[name="messenger"][value="telegram"]');
    await settle(p);
    assert.equal(await score(p), cli({ ...valid, messenger: "telegram" }).score, `${what}: the widget works`);
    await p.assertClean();
    await p.closeAll();
  }
});

test("a panic replaces the widget with a short message and a reload button (never a blank page) and is logged", { timeout: 30_000 }, async () => {
  const page = await open(env, "?lang=en");
  const thrown = await page.evaluate(async () => {
    const m = await import("/pkg/messenger_check.js"); // the page's own instance
    try {
      m.__panicForTests();
      return "no panic";
    } catch (e) {
      return String(e);
    }
  });
  assert.match(thrown, /unreachable|RuntimeError/);
  const alert = page.locator('#messenger-check .mc-crashed[role="alert"]');
  assert.match(await alert.locator(".mc-error").textContent(), /messenger check ran into an error/);
  assert.equal(await page.locator("#messenger-check fieldset").count(), 0, "the broken widget is gone");
  const trouble = await page.trouble();
  assert.ok(
    trouble.some((t) => t.includes("panicked") && t.includes("panic requested by the test suite")),
    "the panic is logged",
  );
  // The button brings the widget back, in a fresh instance, and it works.
  await page.click("#messenger-check .mc-reload");
  await page.waitForSelector(LIVE);
  await page.check('input[name="messenger"][value="whatsapp"]');
  assert.equal(await scoreChange(page, 0), cli({ messenger: "whatsapp" }).score);
  await page.closeAll();
});

test("an honest start: no verdict until the answers carry one, then the band", { timeout: 60_000 }, async () => {
  const ui = JSON.parse(readFileSync(new URL("../../engine/catalog/ui.json", import.meta.url), "utf8"));
  const meta = JSON.parse(readFileSync(new URL("../../engine/catalog/meta.json", import.meta.url), "utf8"));
  const label = (id, lang) => meta.bands.find((b) => b.id === id).label[lang];
  for (const lang of ["de", "en"]) {
    const page = await open(env, `?lang=${lang}`);
    const empty = cli({}, lang);
    assert.equal(empty.provisional, true, "nothing answered: provisional");
    const band = (await page.textContent(".mc-band-label")).trim();
    assert.notEqual(band, label("low", lang), "no green 'low' before anything is answered");
    assert.ok(band.includes(label("low", lang)) && band.includes(label("critical", lang)), `the open range of bands: ${band}`);
    assert.equal((await page.textContent(".mc-advice")).trim(), ui.nothing_answered[lang]);
    assert.equal(await page.locator(".mc-summary.mc-band-open").count(), 1, "neutral, not a band colour");
    assert.equal(await page.locator(".mc-gauge-seg.is-active").count(), 0, "no band highlighted on the gauge");
    const factors = await page.textContent(".mc-factors");
    assert.ok(!factors.includes(ui.no_factors[lang]), "never 'nothing speaks against your use' before the answers say so");
    assert.ok(factors.includes(ui.no_factors_yet[lang]));

    // A setup done right, answered completely: now the band is a verdict.
    const good = {
      sector: "trade",
      audience: ["internal"],
      messenger: "threema_work",
      server_operator: "vendor",
      dpa: "yes",
      device: "company_business_only",
      contact_access: "denied",
      content: ["appointments"],
      chat_backup: "off",
      media_autosave: "off",
      usage_policy: "written",
      works_council: "none",
    };
    await answerByClicking(page, good);
    const expected = cli(good, lang);
    assert.equal(expected.provisional, false);
    await page.waitForFunction((t) => document.querySelector(".mc-band-label")?.textContent.trim() === t, expected.band_label, { timeout: 3000 });
    assert.equal(await page.locator(`.mc-summary.mc-band-${expected.band}`).count(), 1);
    assert.equal(await page.locator(`.mc-gauge-seg.is-active.mc-seg-${expected.band}`).count(), 1);
    assert.equal((await page.textContent(".mc-advice")).trim(), expected.band_advice);
    assert.ok((await page.textContent(".mc-factors")).includes(ui.no_factors[lang]));
    await page.assertClean();
    await page.closeAll();
  }
});

test("the facts say they may be out of date when the catalog is more than a year old", { timeout: 30_000 }, async () => {
  const ui = JSON.parse(readFileSync(new URL("../../engine/catalog/ui.json", import.meta.url), "utf8"));
  const meta = JSON.parse(readFileSync(new URL("../../engine/catalog/meta.json", import.meta.url), "utf8"));
  const [y, m, d] = meta.as_of.split("-").map(Number);
  const fresh = await open(env, "?lang=en", { now: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T12:00:00` });
  assert.equal(await fresh.locator(".mc-stale:visible").count(), 0, "on the as-of date: no note");
  await fresh.closeAll();
  const later = await open(env, "?lang=en", { now: `${y + 1}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T12:00:00` });
  assert.equal(await later.locator(".mc-stale:visible").count(), 0, "exactly a year later: still no note");
  await later.closeAll();
  const old = await open(env, "?lang=en", { now: `${y + 2}-01-15T12:00:00` });
  const note = (await old.locator(".mc-stale:visible").textContent()).trim();
  assert.ok(note.startsWith(ui.stale.en.split("{date}")[0]), note);
  await old.assertClean();
  await old.closeAll();
});
