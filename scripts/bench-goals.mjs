// The performance goals (issues 9 and 19) against the figures of the last `make bench`: reads
// www/test-results/bench-page.jsonl (measure.mjs) and, if present, bench-lighthouse.jsonl,
// and prints each goal as met or missed by how much. Why a goal is missed is written in the
// README ("How the page loads, and how fast"); this only measures.
//   node scripts/bench-goals.mjs
import { readFileSync, existsSync } from "node:fs";

const dir = new URL("../www/test-results/", import.meta.url);
const lines = (name) => {
  const url = new URL(name, dir);
  if (!existsSync(url)) return [];
  return readFileSync(url, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
};
const page = lines("bench-page.jsonl");
const lh = lines("bench-lighthouse.jsonl");
const by = (list, name) => list.find((r) => r.name === name);

const peer = by(page, "surveyjs");
const limit = by(page, "limit");
if (!by(page, "messenger-check") || !by(page, "messenger-check-live") || !peer || !limit) {
  console.error("bench-goals: run scripts/bench-page.sh first (www/test-results/bench-page.jsonl)");
  process.exit(2);
}
// The page and the embeddings people use beside it (issue 19), as measure.mjs names them.
const WAYS = [
  ["messenger-check", "page"],
  ["embed", "embed.html"],
  ["element", "<messenger-check>"],
  ["mount", "mount()"],
];

const rows = [];
/** A goal "value <= limit" (or ">=" with `atLeast`), printed with its margin. */
function goal(what, value, target, unit, { atLeast = false, digits = 1 } = {}) {
  if (typeof value !== "number" || Number.isNaN(value)) {
    rows.push({ goal: what, value: "-", target: `${atLeast ? ">=" : "<="} ${target}${unit}`, result: "not measured" });
    return;
  }
  const met = atLeast ? value >= target : value <= target;
  const gap = Math.abs(value - target);
  const fmt = (v) => `${Number(v.toFixed(digits))}${unit}`;
  rows.push({ goal: what, value: fmt(value), target: `${atLeast ? ">=" : "<="} ${fmt(target)}`, result: met ? "met" : `missed by ${fmt(gap)}` });
}

for (const [name, label] of WAYS) {
  const first = by(page, name);
  const live = by(page, `${name}-live`);
  if (!first) continue;
  goal(`${label}: first question / limit`, first.first_ms / limit.first_ms, 1.5, "x", { digits: 2 });
  goal(`${label}: bytes until the first score`, first.bytes / 1000, 150, " KB", { digits: 0 });
  if (live && live.update_ms > 0) {
    goal(`${label}: answer to score (live)`, live.update_ms, 4, " ms");
    goal(`${label}: answer to score / SurveyJS`, live.update_ms / peer.update_ms, 0.1, "x", { digits: 3 });
  }
}
const lhPage = by(lh, "messenger-check");
if (lhPage) {
  goal("page: Lighthouse performance", lhPage.performance, 0.95, "", { atLeast: true, digits: 2 });
  goal("page: Lighthouse LCP", lhPage.lcp_ms, 1500, " ms", { digits: 0 });
  goal("page: Lighthouse TBT", lhPage.tbt_ms, 200, " ms", { digits: 0 });
  goal("page: Lighthouse CLS", lhPage.cls, 0.02, "", { digits: 3 });
}
const lhEmbed = by(lh, "embed");
if (lhEmbed) {
  goal("embed.html: Lighthouse performance", lhEmbed.performance, 0.95, "", { atLeast: true, digits: 2 });
  goal("embed.html: Lighthouse LCP", lhEmbed.lcp_ms, 1500, " ms", { digits: 0 });
}
// No task over 50 ms under Lighthouse's 4x CPU slowdown, on any of our pages.
for (const [name, label] of WAYS) {
  const r = by(lh, name);
  if (r) goal(`${label}: longest task, 4x CPU`, r.longest_task_ms, 50, " ms", { digits: 0 });
}
console.log("Goals (issues 9 and 19), from this run:");
const width = Math.max(...rows.map((r) => r.goal.length)) + 1;
for (const r of rows) console.log(`  ${r.goal.padEnd(width)} ${r.value.padStart(9)}  goal ${r.target.padEnd(10)}  ${r.result}`);
console.log('Why the misses: README, "How the page loads, and how fast".');
