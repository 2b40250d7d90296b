import { ListCoverageCommand } from "@aws-sdk/client-inspector2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "../server";
import { allFindings, inspector, TEST_NOW } from "../test-support";

let emu: EmulatorHandle;
beforeAll(async () => { emu = await startEmulator({ seed: 3, accounts: 3, findings: 300, regions: ["us-east-1"], now: TEST_NOW }); });
afterAll(() => emu.close());

const push = async (body: unknown) => {
  const r = await fetch(`${emu.url}/_emulator/ecr/push`, { method: "POST", body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
};

describe("POST /_emulator/ecr/push", () => {
  it("scans a pushed image after the delay: coverage pending then complete, findings from its packages", async () => {
    const client = inspector(emu);
    await allFindings(client, { ecrImageRepositoryName: [{ comparison: "EQUALS", value: "warm-up" }] }); // assume the role first
    const { status, body } = await push({ repository: "gate/demo", tags: ["v1"], scanDelaySeconds: 1.5, packages: [{ name: "curl" }, { name: "left-pad", version: "1.0.0" }] });
    expect(status).toBe(200);
    expect(body.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const coverage = async () => (await client.send(new ListCoverageCommand({
      filterCriteria: { ecrRepositoryName: [{ comparison: "EQUALS", value: "gate/demo" }], resourceType: [{ comparison: "EQUALS", value: "AWS_ECR_CONTAINER_IMAGE" }] },
    }))).coveredResources ?? [];
    const byHash = { ecrImageHash: [{ comparison: "EQUALS" as const, value: body.digest }] };
    expect((await coverage())[0].scanStatus).toEqual({ statusCode: "INACTIVE", reason: "PENDING_INITIAL_SCAN" });
    expect(await allFindings(client, byHash)).toEqual([]);
    await new Promise((ok) => setTimeout(ok, 1600));
    const row = (await coverage())[0];
    expect(row.scanStatus).toEqual({ statusCode: "ACTIVE", reason: "SUCCESSFUL" });
    expect(row.resourceId).toBe(body.resourceId);
    expect(row.lastScannedAt).toBeInstanceOf(Date);
    const findings = await allFindings(client, byHash);
    expect(findings.map((f) => f.title)).toEqual(["CVE-2023-38545 - curl"]);
    expect(findings[0]).toMatchObject({ severity: "CRITICAL", exploitAvailable: "YES", fixAvailable: "YES", status: "ACTIVE" });
    // The pushed finding also shows in an unfiltered listing's last page, and not under another hash.
    expect((await allFindings(client)).some((f) => f.findingArn === findings[0].findingArn)).toBe(true);
    expect(await allFindings(client, { ecrImageHash: [{ comparison: "EQUALS", value: `sha256:${"0".repeat(64)}` }] })).toEqual([]);
    client.destroy();
  });

  it("takes explicit vulnerabilities, keeps MANUAL repositories unscanned and names bad fields", async () => {
    const { body } = await push({ repository: "gate/manual", scanDelaySeconds: 0, scanFrequency: "MANUAL", packages: [{ name: "x", vulnerabilities: [{ id: "CVE-2099-1", severity: "HIGH" }] }] });
    expect(body.scanCompleteAt).toBeNull();
    const client = inspector(emu);
    const rows = (await client.send(new ListCoverageCommand({ filterCriteria: { ecrRepositoryName: [{ comparison: "EQUALS", value: "gate/manual" }] } }))).coveredResources ?? [];
    expect(rows[0].scanStatus?.reason).toBe("SCAN_FREQUENCY_MANUAL");
    client.destroy();
    const bad = await push({ repository: "Bad Name" });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^repository:/);
  });
});
