// Many widgets on one page (`make bench`): mounts N widgets with the npm package in headless
// Chromium, all at once (Promise.all, as a page of many elements does) and one after another
// (each awaited), and prints how long until all are complete, and the time per widget at the
// start and at the end (a per-widget time that grows with the page is the quadratic cost).
//   node scripts/bench-widgets.mjs [N]        N widgets (default 1000), the package in dist/npm/
//   MC_BEFORE_SITE=dir …                      also measures the package installed in dir/node_modules
// One run each; the figures go to www/test-results/bench-widgets.jsonl.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(repo, "www", "package.json"));
const { chromium } = require("playwright-core");
const { serve } = await import(join(repo, "www", "e2e-embed", "lib.mjs"));
const N = Number(process.argv[2] || 1000);

/** A folder with the package installed from the tarball in dist/npm/, and a blank page. */
function site() {
  const dir = mkdtempSync(join(tmpdir(), "mc-bench-widgets-"));
  const tgz = readdirSync(join(repo, "dist", "npm")).find((f) => f.endsWith(".tgz"));
  writeFileSync(join(dir, "package.json"), '{ "name": "bench-widgets", "private": true }\n');
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", "--offline", join(repo, "dist", "npm", tgz)], {
    cwd: dir,
    stdio: "inherit",
  });
  return dir;
}

function blank(dir) {
  mkdirSync(join(dir, "bench"), { recursive: true });
  writeFileSync(
    join(dir, "bench", "index.html"),
    '<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>bench</title></head><body><main></main></body></html>\n',
  );
}

async function measure(dir, label) {
  blank(dir);
  const server = await serve({ root: dir });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const out = { label, n: N };
  try {
    for (const mode of ["parallel", "serial"]) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(server.url("/bench/"));
      const r = await page.evaluate(
        async ({ n, mode }) => {
          const { mount } = await import("/node_modules/messenger-check/index.js");
          (await mount(document.createElement("div"))).destroy();
          const hosts = Array.from({ length: n }, () => {
            const h = document.createElement("div");
            document.querySelector("main").append(h);
            return h;
          });
          const per = [];
          const started = performance.now();
          if (mode === "parallel") {
            await Promise.all(hosts.map((h) => mount(h)));
          } else {
            for (const h of hosts) {
              const t = performance.now();
              await mount(h);
              per.push(performance.now() - t);
            }
          }
          const avg = (a) => a.reduce((x, y) => x + y, 0) / Math.max(1, a.length);
          return { seconds: (performance.now() - started) / 1000, first50: avg(per.slice(0, 50)), last50: avg(per.slice(-50)) };
        },
        { n: N, mode },
      );
      out[mode] = r;
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

const results = [];
if (process.env.MC_BEFORE_SITE) results.push(await measure(resolve(process.env.MC_BEFORE_SITE), "before"));
results.push(await measure(site(), "now"));
mkdirSync(join(repo, "www", "test-results"), { recursive: true });
for (const r of results) {
  console.log(
    `${r.label}: ${r.n} widgets, all at once ${r.parallel.seconds.toFixed(1)} s; one after another ${r.serial.seconds.toFixed(1)} s ` +
      `(${r.serial.first50.toFixed(0)} ms per widget for the first 50, ${r.serial.last50.toFixed(0)} ms for the last 50)`,
  );
  appendFileSync(join(repo, "www", "test-results", "bench-widgets.jsonl"), `${JSON.stringify({ date: new Date().toISOString(), ...r })}\n`);
}
