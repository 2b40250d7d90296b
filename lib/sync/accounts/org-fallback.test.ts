import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startSyncWorld, type SyncWorld } from "../test-support";

/** An Organizations endpoint that denies everything, as for a role without organizations:* rights. */
async function denyingOrganizations(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-ErrorType": "AccessDeniedException" });
      res.end(JSON.stringify({ __type: "AccessDeniedException", Message: "You don't have permissions to access this resource." }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

describe("without Organizations permissions", () => {
  let w: SyncWorld;
  let orgs: Awaited<ReturnType<typeof denyingOrganizations>>;
  beforeAll(async () => {
    orgs = await denyingOrganizations();
    w = await startSyncWorld({ findings: 300, regions: ["us-east-1"] });
    // Standard per-service endpoint configuration, read by the SDK itself.
    process.env.AWS_ENDPOINT_URL_ORGANIZATIONS = orgs.url;
  });
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_ORGANIZATIONS;
    await w?.close();
    await orgs?.close();
  });

  it("still syncs, names accounts from INSPECTORATE_ACCOUNT_NAMES or their id, and says so on the run", async () => {
    const named = w.emu.adminAccountId;
    const owners = { [named]: "secops" };
    const r = await w.sync({ config: { ...w.config, accountNames: { [named]: "security-tooling" }, owners } });
    expect(r.outcome).toBe("SUCCEEDED");
    const accounts = (await w.database.pool.query("SELECT id, name, team, ou_name FROM accounts ORDER BY id")).rows;
    expect(accounts.length).toBeGreaterThan(1);
    for (const a of accounts) {
      if (a.id === named) expect(a).toMatchObject({ name: "security-tooling", team: "secops" });
      else expect(a).toMatchObject({ name: a.id, team: null, ou_name: null });
    }
    const [run] = (await w.database.pool.query("SELECT notes FROM sync_runs WHERE id = $1", [r.runId])).rows;
    const note = run.notes.find((n: { kind: string }) => n.kind === "organizations");
    expect(note.message).toBe("account names not read from AWS Organizations; using INSPECTORATE_ACCOUNT_NAMES, else the account id");
    expect(note.error).toContain("organizations:ListAccounts");
  });
});
