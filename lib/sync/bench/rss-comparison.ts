// Issue 16's memory bar: a 2M first load's peak RSS no higher than a 200k one's. One run's peak is the
// largest of ~2,000 samples of a process whose heap swings with V8's collections, so two runs of the same
// size differ by 20-40 MB: one pair of runs cannot settle the bar either way. This runs the two sizes
// (the same 1,000 findings an account) in turn, each first load in a fresh process as `--scenario
// first-load` does, alternating which size goes first, and prints every peak, each size's median and
// range, and the bar on the medians. With `--accounts N` both sizes list N accounts: what grows with
// the findings alone, apart from what grows with the organization's accounts.
import { spawn } from "node:child_process";
import { fmt } from "./bench-format";

export interface RssRun {
  findings: number;
  peakRssMb: number;
  findingsPerSecond: number;
}

const SIZES = [
  { findings: 200_000, accounts: 200 },
  { findings: 2_000_000, accounts: 2_000 },
];

/** The figures of one `--scenario first-load` child's output. */
export function parseFirstLoad(findings: number, out: string): RssRun {
  const rss = /peak RSS ([\d,]+) MB/.exec(out)?.[1];
  const rate = /= ([\d,]+) findings\/s end to end \(SUCCEEDED\)/.exec(out)?.[1];
  if (!rss || !rate) throw new Error(`a first load of ${findings} findings printed no peak RSS or rate (did it succeed?):\n${out}`);
  const n = (s: string) => Number(s.replaceAll(",", ""));
  return { findings, peakRssMb: n(rss), findingsPerSecond: n(rate) };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function firstLoadChild(findings: number, accounts: number): Promise<RssRun> {
  const args = [...process.execArgv, process.argv[1], "--scenario", "first-load", "--findings", String(findings), "--accounts", String(accounts)];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env: process.env });
  let out = "";
  child.stdout.on("data", (d) => (out += String(d)));
  return new Promise((ok, fail) => {
    child.once("error", fail);
    child.once("exit", (code) => {
      if (code !== 0) return fail(new Error(`the first load of ${findings} findings exited with ${code}:\n${out}`));
      try {
        ok(parseFirstLoad(findings, out));
      } catch (err) {
        fail(err);
      }
    });
  });
}

export async function rssComparison(rounds: number, accounts?: number): Promise<void> {
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error(`--rounds: expected a whole number from 1 to 20, got ${rounds}`);
  if (accounts !== undefined && (!Number.isInteger(accounts) || accounts < 1 || accounts > 20_000)) throw new Error(`--accounts: expected a whole number from 1 to 20,000, got ${accounts}`);
  const sizes = accounts === undefined ? SIZES : SIZES.map((s) => ({ ...s, accounts }));
  console.log(`peak RSS, first loads of 200k (${fmt(sizes[0].accounts)} accounts) and 2M (${fmt(sizes[1].accounts)} accounts) in turn, ${rounds} round(s), each in its own process`);
  const runs: RssRun[] = [];
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? sizes : [...sizes].reverse();
    for (const s of order) {
      const r = await firstLoadChild(s.findings, s.accounts);
      runs.push(r);
      console.log(`  round ${round}: ${fmt(s.findings)} findings: peak RSS ${fmt(r.peakRssMb)} MB, ${fmt(r.findingsPerSecond)} findings/s`);
    }
  }
  const of = (findings: number) => runs.filter((r) => r.findings === findings).map((r) => r.peakRssMb);
  const [small, large] = [of(SIZES[0].findings), of(SIZES[1].findings)];
  const line = (xs: number[]) => `median ${fmt(median(xs), 1)} MB (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
  console.log(`200k: ${line(small)}; 2M: ${line(large)}`);
  const gap = median(large) - median(small);
  console.log(`2M's median peak against 200k's: ${gap > 0 ? "+" : ""}${fmt(gap, 1)} MB (target: < 512 MB and no higher than at 200k) ` +
    `${Math.max(...large) < 512 && gap <= 0 ? "✔" : "✘"}`);
}
