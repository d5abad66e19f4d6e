// The performance goals (issue 9) against the figures of the last `make bench`: reads
// www/test-results/bench-page.jsonl (measure.mjs) and, if present, bench-lighthouse.jsonl,
// and prints each goal as met or missed by how much. Why a goal is missed is written in the
// README ("How the page loads, and how fast"); this only measures.
//   node scripts/bench-goals.mjs
import { readFileSync, existsSync } from "node:fs";

const dir = new URL("../www/test-results/", import.meta.url);
const lines = (name) => {
  const url = new URL(name, dir);
  if (!existsSync(url)) return [];
  return readFileSync(url, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
};
const page = lines("bench-page.jsonl");
const lh = lines("bench-lighthouse.jsonl");
const by = (list, name) => list.find((r) => r.name === name);

const ours = by(page, "messenger-check");
const live = by(page, "messenger-check-live");
const peer = by(page, "surveyjs");
const limit = by(page, "limit");
if (!ours || !live || !peer || !limit) {
  console.error("bench-goals: run scripts/bench-page.sh first (www/test-results/bench-page.jsonl)");
  process.exit(2);
}
const lhOurs = by(lh, "messenger-check");

const rows = [];
/** A goal "value <= limit" (or ">=" with `atLeast`), printed with its margin. */
function goal(what, value, target, unit, { atLeast = false, digits = 1 } = {}) {
  const met = atLeast ? value >= target : value <= target;
  const gap = Math.abs(value - target);
  const fmt = (v) => `${Number(v.toFixed(digits))}${unit}`;
  rows.push({ goal: what, value: fmt(value), target: `${atLeast ? ">=" : "<="} ${fmt(target)}`, result: met ? "met" : `missed by ${fmt(gap)}` });
}

goal("first question / limit", ours.first_ms / limit.first_ms, 1.5, "x", { digits: 2 });
goal("answer to score (live)", live.update_ms, 4, " ms");
goal("answer to score / SurveyJS", live.update_ms / peer.update_ms, 0.1, "x", { digits: 3 });
goal("bytes on the wire", ours.bytes / 1000, 150, " KB", { digits: 0 });
if (lhOurs) {
  goal("Lighthouse performance", lhOurs.performance, 0.95, "", { atLeast: true, digits: 2 });
  goal("Lighthouse LCP", lhOurs.lcp_ms, 1500, " ms", { digits: 0 });
  goal("Lighthouse TBT", lhOurs.tbt_ms, 200, " ms", { digits: 0 });
  goal("Lighthouse CLS", lhOurs.cls, 0.02, "", { digits: 3 });
  goal("longest task, 4x CPU", lhOurs.longest_task_ms, 50, " ms", { digits: 0 });
}
console.log("Goals (issue 9), from this run:");
for (const r of rows) console.log(`  ${r.goal.padEnd(28)} ${r.value.padStart(9)}  goal ${r.target.padEnd(10)}  ${r.result}`);
console.log("Why the misses: README, \"How the page loads, and how fast\".");
