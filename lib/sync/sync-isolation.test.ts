import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheStatusCounts, emulatorStatusCounts, startSyncWorld, type SyncWorld } from "./test-support";

describe("a region the role may not read", () => {
  let w: SyncWorld;
  const q = async (sql: string, params: unknown[] = []) => (await w.database.pool.query(sql, params)).rows;
  beforeAll(async () => {
    w = await startSyncWorld({ deniedRegions: ["eu-west-1"], findings: 800 });
  });
  afterAll(async () => w?.close());

  it("ends PARTIAL: the other region syncs fully, the denied one is recorded with the missing action", async () => {
    const r = await w.sync();
    expect(r.outcome).toBe("PARTIAL");
    const byRegion = Object.fromEntries(r.regions.map((o) => [o.region, o]));
    expect(byRegion["us-east-1"].status).toBe("OK");
    expect(byRegion["eu-west-1"].status).toBe("ACCESS_DENIED");
    expect(byRegion["eu-west-1"].error).toMatch(/^access denied: the role needs inspector2:ListMembers in eu-west-1/);

    const cache = await cacheStatusCounts(w);
    expect(Object.keys(cache).every((k) => k.startsWith("us-east-1/"))).toBe(true);
    const aws = await emulatorStatusCounts({ ...w, config: { ...w.config, regions: ["us-east-1"] } });
    expect(cache).toEqual(aws);
  });

  it("marks every account in the denied region ACCESS_DENIED, so zero findings there never reads as clean", async () => {
    const rows = await q("SELECT region, sync_status, count(*)::int AS n FROM account_regions GROUP BY 1, 2 ORDER BY 1, 2");
    const eu = rows.filter((r) => r.region === "eu-west-1");
    expect(eu.map((r) => r.sync_status)).toEqual(["ACCESS_DENIED"]);
    const us = rows.filter((r) => r.region === "us-east-1").map((r) => r.sync_status);
    expect(us).toContain("OK");
    expect(us).not.toContain("ACCESS_DENIED");
    const [err] = await q("SELECT sync_error FROM account_regions WHERE region = 'eu-west-1' LIMIT 1");
    expect(err.sync_error).toContain("inspector2:ListMembers");
    const [region] = await q("SELECT status, error FROM sync_region_results WHERE region = 'eu-west-1'");
    expect(region.status).toBe("ACCESS_DENIED");
    // No watermark for the region that was never read: its next run starts from scratch.
    expect(await q("SELECT region FROM sync_watermarks ORDER BY region")).toEqual([{ region: "us-east-1" }]);
  });

  it("catches up in full once access is granted", async () => {
    w.emu.setOptions({ deniedRegions: [] });
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    expect(r.regions.find((o) => o.region === "eu-west-1")?.findings?.mode).toBe("FULL");
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
    const rows = await q("SELECT DISTINCT sync_status FROM account_regions WHERE region = 'eu-west-1'");
    expect(rows.map((r) => r.sync_status)).not.toContain("ACCESS_DENIED");
  });

  it("fails the run with one clear message when the role cannot be assumed", async () => {
    const r = await w.sync({ config: { ...w.config, externalId: "wrong-external-id" } });
    expect(r.outcome).toBe("FAILED");
    expect(r.error).toMatch(new RegExp(`^could not assume ${w.emu.roleArn.replace(/[/]/g, "\\/")}: .+ \\(check INSPECTORATE_ROLE_ARN`));
    expect(r.regions).toEqual([]);
  });

  it("the delegated-admin check names both accounts when the role sits in another account", async () => {
    const config = { ...w.config, roleArn: w.emu.roleArn };
    // A session in another account: the emulator's admin check answers with its real admin.
    const { checkDelegatedAdmin } = await import("@/lib/aws/checks");
    const { createAwsClients } = await import("@/lib/aws/clients");
    const { roleCredentials } = await import("@/lib/aws/credentials");
    const aws = createAwsClients({
      credentials: roleCredentials({ roleArn: config.roleArn, externalId: config.externalId, sessionName: "vitest", stsRegion: "us-east-1" }),
      homeRegion: "us-east-1",
    });
    const check = await checkDelegatedAdmin(aws.inspector("eu-west-1"), "eu-west-1", "999988887777");
    aws.destroy();
    expect(check).toEqual({ ok: false, kind: "ERROR", message: `role in account 999988887777, but the delegated admin in eu-west-1 is ${w.emu.adminAccountId}` });
  });
});

describe("a role that may not ask who the delegated admin is", () => {
  it("still lists every region, and its notes keep AWS's refusal apart from their own words", async () => {
    const w = await startSyncWorld({ deniedActions: ["inspector2:GetDelegatedAdminAccount"], findings: 300 });
    try {
      const r = await w.sync();
      expect(r.outcome).toBe("SUCCEEDED");
      const [run] = (await w.database.pool.query("SELECT notes FROM sync_runs WHERE id = $1", [r.runId])).rows;
      const notes = (run.notes as { kind: string; region?: string; message: string; error?: string }[]).filter((n) => n.kind === "delegated-admin");
      expect(notes.map((n) => n.region).sort()).toEqual([...w.config.regions].sort());
      for (const n of notes) {
        expect(n.message).toBe("could not confirm the delegated admin; the region is listed anyway");
        expect(n.error).toMatch(new RegExp(`^access denied: the role needs inspector2:GetDelegatedAdminAccount in ${n.region}: User: arn:aws:iam::\\d{12}:role/\\S+ is not authorized`));
      }
      const { errorsForActor } = await import("@/lib/auth/error-text");
      const { allScope } = await import("@/lib/queries/scope");
      const seen = errorsForActor({ notes }, { role: "viewer", scope: allScope }).notes;
      expect(seen.map((n) => [n.message, n.error])).toEqual(notes.map((n) => [n.message, `access denied in ${n.region} — ask an admin`]));
    } finally {
      await w.close();
    }
  }, 120_000);
});
