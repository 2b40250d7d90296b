// Does known-exploitation enrichment slow the findings listing? Full syncs of one 200k world into
// fresh databases, alternating without/with enrichment (off, on, on, off: drift cancels out), each
// timing the listing (every region's findings listed and written) the same way.
import { benchDatabase } from "./bench-db";
import { startEmulatorProcess } from "./emulator-process";
import { benchConfig, benchSync } from "./run-bench-sync";
import { fmt } from "./bench-format";

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function enrichmentComparison(findings: number, regions: string[]): Promise<void> {
  const emu = await startEmulatorProcess(["--accounts", "40", "--findings", String(findings), "--regions", regions.join(","), "--seed", "11"]);
  const listing: Record<"off" | "on", number[]> = { off: [], on: [] };
  // CPU seconds (sync + emulator + PostgreSQL) until every region was listed: steadier than wall time on a shared machine.
  const cpu: Record<"off" | "on", number[]> = { off: [], on: [] };
  try {
    for (const mode of ["off", "on", "on", "off"] as const) {
      const database = await benchDatabase();
      try {
        const config = benchConfig(emu, regions, { enrichment: { enabled: mode === "on" } });
        const r = await benchSync(database, emu, config);
        listing[mode].push(r.findingsSeconds);
        const l = r.listingCpu;
        if (l) cpu[mode].push(l.sync + l.emulator + l.postgres);
        const e = r.result.regions.map((x) => x.enrichment).filter((x) => x !== undefined);
        const { rows } = await database.pool.query("SELECT count(*)::int AS n, count(*) FILTER (WHERE in_kev)::int AS kev FROM vulnerability_intel");
        console.log(`  enrichment ${mode}: ${fmt(r.findings, 0)} findings, listing+writes ${fmt(r.findingsSeconds, 2)} s (${l ? fmt(l.sync + l.emulator + l.postgres, 1) : "?"} CPU-s), whole run ${fmt(r.seconds, 1)} s (${r.result.outcome})` +
          (mode === "on" ? `; details: ${e.reduce((n, x) => n + x!.calls, 0)} BatchGetFindingDetails calls for ${rows[0].n} vulnerabilities (${rows[0].kev} in KEV), ` +
            `${e.map((x) => `${fmt(x!.durationMs / 1000, 2)} s`).join(" + ")} per region, after every region was listed; errors: ${e.map((x) => x!.error ?? "none").join(", ")}` : ""));
      } finally {
        await database.close();
      }
    }
  } finally {
    await emu.stop();
  }
  const off = mean(listing.off), on = mean(listing.on), cOff = mean(cpu.off), cOn = mean(cpu.on);
  console.log(`enrichment vs listing: listing without ${listing.off.map((x) => fmt(x, 2)).join(", ")} s, with ${listing.on.map((x) => fmt(x, 2)).join(", ")} s; ` +
    `mean ${fmt(on, 2)} vs ${fmt(off, 2)} s = ${fmt((100 * (on - off)) / off, 1)} %; listing CPU ${fmt(cOn, 1)} vs ${fmt(cOff, 1)} CPU-s = ${fmt((100 * (cOn - cOff)) / cOff, 1)} % (target within 10 %)`);
}
