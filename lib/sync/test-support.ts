// An emulated organization plus a fresh database, wired the way a user would configure the
// app (standard AWS environment variables), for the sync's integration tests.
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from "@/emulator/server";
import { allFindings, inspector } from "@/emulator/test-support";
import { emulatorSdkEnv } from "@/emulator/aws-env";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { runSync, type RunSyncOptions } from "./run-sync";
import type { SyncConfig } from "./sync-config";

export const TEST_START = new Date("2026-11-20T12:00:00Z");

export interface SyncWorld {
  emu: EmulatorHandle;
  database: TestDatabase;
  config: SyncConfig;
  sync(opts?: Partial<RunSyncOptions>): ReturnType<typeof runSync>;
  close(): Promise<void>;
}

/** `reuse`: a database the caller owns (emptied by the caller, left open by close()). */
export async function startSyncWorld(o: EmulatorOptions = {}, config: Partial<SyncConfig> = {}, reuse?: TestDatabase): Promise<SyncWorld> {
  const regions = o.regions ?? ["us-east-1", "eu-west-1"];
  const emu = await startEmulator({ seed: 7, accounts: 5, findings: 1500, historyWeeks: 4, now: TEST_START, ...o, regions });
  Object.assign(process.env, emulatorSdkEnv(emu, emu.baseCredentials, regions));
  const database = reuse ?? (await createTestDatabase());
  const cfg: SyncConfig = {
    roleArn: emu.roleArn, externalId: emu.externalId, sessionName: "vitest", regions,
    accountNames: {}, owners: {}, demo: false, overlapMs: 15 * 60_000, fullSyncEveryMs: 24 * 3_600_000,
    partitionConcurrency: 4, batchSize: 200, writeConcurrency: 2, ...config,
  };
  return {
    emu, database, config: cfg,
    sync: (opts = {}) => runSync({ trigger: "cli", database, config: cfg, now: () => emu.now(), ...opts }),
    async close() {
      if (!reuse) await database.close();
      await emu.close();
    },
  };
}

/** What Inspector holds, counted per region and status through an independent plain listing. */
export async function emulatorStatusCounts(w: SyncWorld): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const region of w.config.regions) {
    const client = inspector(w.emu, region);
    for (const f of await allFindings(client)) out[`${region}/${f.status}`] = (out[`${region}/${f.status}`] ?? 0) + 1;
    client.destroy();
  }
  return out;
}

export async function cacheStatusCounts(w: SyncWorld): Promise<Record<string, number>> {
  const { rows } = await w.database.pool.query(
    "SELECT region, status, count(*)::int AS n FROM findings WHERE gone_at IS NULL GROUP BY region, status",
  );
  return Object.fromEntries(rows.map((r) => [`${r.region}/${r.status}`, r.n]));
}
