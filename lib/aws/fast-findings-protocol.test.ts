import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Inspector2Client, ListFindingsCommand, ListCoverageCommand, ListCoverageStatisticsCommand } from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "@/emulator/server";
import { roleCredentials } from "@/emulator/test-support";
import { toFindingRow } from "@/lib/sync/map/finding-row";
import { FastListFindingsProtocol, reviveFinding, wireFindingJson } from "./fast-findings-protocol";

describe("FastListFindingsProtocol", () => {
  let emu: EmulatorHandle;
  let standard: Inspector2Client;
  let fast: Inspector2Client;
  beforeAll(async () => {
    emu = await startEmulator({ seed: 3, accounts: 4, findings: 600, regions: ["us-east-1", "eu-west-1"], deniedRegions: ["eu-west-1"], now: new Date("2026-11-20T12:00:00Z") });
    const credentials = roleCredentials(emu);
    standard = new Inspector2Client({ endpoint: emu.url, region: "us-east-1", credentials });
    fast = new Inspector2Client({ endpoint: emu.url, region: "us-east-1", credentials, protocol: FastListFindingsProtocol });
  });
  afterAll(async () => {
    standard?.destroy();
    fast?.destroy();
    await emu?.close();
  });

  it("returns exactly what the SDK's own deserializer returns, page after page", async () => {
    let nextToken: string | undefined;
    let compared = 0;
    const types = new Set<string>();
    do {
      const input = { maxResults: 100, nextToken };
      const [a, b] = await Promise.all([standard.send(new ListFindingsCommand(input)), fast.send(new ListFindingsCommand(input))]);
      expect(b.nextToken).toEqual(a.nextToken);
      expect(b.findings).toHaveLength(a.findings!.length);
      expect(b.findings).toEqual(a.findings);
      b.findings!.forEach((f, i) => {
        types.add(f.resources![0].type!);
        expect(f.firstObservedAt).toBeInstanceOf(Date);
        // The kept wire JSON has epoch-second timestamps and revives to exactly the SDK's object;
        // it is what the sync stores as the finding's raw JSON.
        const bytes = wireFindingJson(f)!;
        const wire = bytes.toString("utf8");
        expect(JSON.parse(wire).firstObservedAt).toBe(a.findings![i].firstObservedAt!.getTime() / 1000);
        expect(reviveFinding(JSON.parse(wire))).toEqual(a.findings![i]);
        const mapped = toFindingRow(f, "us-east-1");
        expect(mapped.ok && mapped.row.raw).toBe(bytes); // the response's own bytes, not a copy
      });
      for (const f of a.findings!) expect(wireFindingJson(f)).toBeUndefined();
      compared += a.findings!.length;
      nextToken = a.nextToken;
    } while (nextToken);
    expect(compared).toBeGreaterThan(200);
    expect([...types].sort()).toEqual(["AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE", "AWS_LAMBDA_FUNCTION", "Microsoft.Compute/virtualMachines"]);
  });

  it("returns exactly what the SDK returns for ListCoverage too, every page and resource type", async () => {
    let nextToken: string | undefined;
    const types = new Set<string>();
    let compared = 0;
    do {
      const input = { maxResults: 100, nextToken };
      const [a, b] = await Promise.all([standard.send(new ListCoverageCommand(input)), fast.send(new ListCoverageCommand(input))]);
      expect(b.coveredResources).toEqual(a.coveredResources);
      expect(b.nextToken).toEqual(a.nextToken);
      for (const c of b.coveredResources ?? []) {
        types.add(c.resourceType!);
        if (c.lastScannedAt !== undefined) expect(c.lastScannedAt).toBeInstanceOf(Date);
      }
      compared += a.coveredResources?.length ?? 0;
      nextToken = a.nextToken;
    } while (nextToken);
    expect(compared).toBeGreaterThan(50);
    expect(types.size).toBeGreaterThanOrEqual(3);
  });

  it("leaves other operations and errors to the standard protocol", async () => {
    const stats = await fast.send(new ListCoverageStatisticsCommand({}));
    expect(stats.totalCounts).toBeGreaterThan(0);
    const denied = new Inspector2Client({ endpoint: emu.url, region: "eu-west-1", credentials: roleCredentials(emu, "eu-west-1"), protocol: FastListFindingsProtocol });
    await expect(denied.send(new ListFindingsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } });
    denied.destroy();
  });
});
