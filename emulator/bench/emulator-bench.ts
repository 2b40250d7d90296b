import { spawnSync } from "node:child_process";
import { ListFindingAggregationsCommand, ListFindingsCommand, type FilterCriteria } from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorOptions } from "../server";
import { inspector } from "../test-support";

// Prints generation time, RSS and ListFindings page latency (through the real SDK) at demo
// size and at 1,000 accounts x 3 regions x 1,000,000 findings. Each size runs in its own
// process so RSS is not polluted by the other. Usage: npm run bench:emulator [-- demo|1m]

const SIZES: Record<string, EmulatorOptions> = {
  demo: {},
  "1m": { accounts: 1000, findings: 1_000_000 },
};

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const ms = (t: number) => `${t.toFixed(1)} ms`;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}

async function run(size: string): Promise<void> {
  const now = new Date("2026-11-20T12:00:00Z");
  const cpu0 = process.cpuUsage();
  const [h, genMs] = await timed(() => startEmulator({ ...SIZES[size], now }));
  const genCpuMs = process.cpuUsage(cpu0).user / 1000; // load-independent companion to wall time
  const rssAfterGen = mb();
  const state = await (await fetch(`${h.url}/_emulator/state`)).json();
  const c = inspector(h);
  await c.send(new ListFindingsCommand({ maxResults: 1 })); // assume the role once
  const accounts = (await c.send(new ListFindingAggregationsCommand({ aggregationType: "ACCOUNT", maxResults: 100 }))).responses!.map((r) => r.accountAggregation!.accountId!);
  const severities = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];
  const lat: number[] = [];
  for (let k = 0; k < 25; k++) {
    const filterCriteria: FilterCriteria = k % 2 === 0
      ? { awsAccountId: [{ comparison: "EQUALS", value: accounts[(k * 7) % accounts.length] }], findingStatus: [{ comparison: "EQUALS", value: "ACTIVE" }] }
      : { severity: [{ comparison: "EQUALS", value: severities[k % severities.length] }] };
    const [first, t1] = await timed(() => c.send(new ListFindingsCommand({ maxResults: 100, filterCriteria })));
    const [, t2] = await timed(() => c.send(new ListFindingsCommand({ maxResults: 100, filterCriteria, nextToken: first.nextToken })));
    lat.push(t1, t2);
  }
  const [, aggMs] = await timed(() => c.send(new ListFindingAggregationsCommand({ aggregationType: "ACCOUNT", maxResults: 100, aggregationRequest: { accountAggregation: { sortBy: "HIGH" } } })));
  const [, sortMs] = await timed(() => c.send(new ListFindingsCommand({ maxResults: 100, sortCriteria: { field: "INSPECTOR_SCORE", sortOrder: "DESC" } })));
  const [, advMs] = await timed(() => h.advance(1));
  const findings = Object.values(state.findings as Record<string, number>).reduce((s, x) => s + x, 0);
  console.log(JSON.stringify({
    size, accounts: state.accounts, regions: state.regions.length, resources: state.resources, findings,
    generate: ms(genMs), generateCpu: ms(genCpuMs), rssMiB: rssAfterGen, pages: lat.length, p50: ms(pct(lat, 50)), p95: ms(pct(lat, 95)), max: ms(Math.max(...lat)),
    accountAggregation: ms(aggMs), sortedFirstPage: ms(sortMs), advanceOneDay: ms(advMs), rssMiBAtEnd: mb(),
  }));
  await h.close();
}

const only = process.argv[2];
if (only) {
  run(only).catch((e) => { console.error(e); process.exit(1); });
} else {
  for (const size of Object.keys(SIZES)) {
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], size], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
    process.stdout.write(r.stdout.split("\n").filter((l) => l.startsWith("{")).join("\n") + "\n");
  }
}
