import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetClustersForImageCommand, GetConfigurationCommand, paginateGetClustersForImage, paginateListCoverage,
  type ClusterInformation, type CoveredResource, type Finding, type Inspector2Client,
} from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "./server";
import { allFindings, inspector, TEST_NOW } from "./test-support";

// Images in use (findings, coverage, GetClustersForImage), GetConfiguration and Azure resources,
// through the real SDK.

let h: EmulatorHandle;
let c: Inspector2Client;
let findings: Finding[];
let coverage: CoveredResource[];
const DAY = 86400_000;

beforeAll(async () => {
  h = await startEmulator({ seed: 9, accounts: 12, findings: 2500, now: TEST_NOW });
  c = inspector(h);
  findings = await allFindings(c);
  coverage = [];
  for await (const p of paginateListCoverage({ client: c }, {})) coverage.push(...p.coveredResources!);
});
afterAll(() => h.close());

async function clusters(resourceId: string, pageSize: number) {
  const out: ClusterInformation[] = [];
  for await (const p of paginateGetClustersForImage({ client: c, pageSize }, { filter: { resourceId } })) out.push(...p.cluster!);
  return out;
}

describe("images in use", () => {
  it("ECR findings carry inUseCount (running and idle) and lastInUseAt as dates; never-used images have none", () => {
    const images = findings.map((f) => f.resources![0].details?.awsEcrContainerImage).filter((d) => d !== undefined);
    expect(images.some((d) => d.inUseCount! > 0)).toBe(true);
    expect(images.some((d) => d.inUseCount === 0)).toBe(true);
    expect(images.some((d) => d.inUseCount === 0 && d.lastInUseAt === undefined)).toBe(true);
    expect(images.find((d) => d.lastInUseAt)!.lastInUseAt).toBeInstanceOf(Date);
  });

  it("coverage's ecrImage says when each image was pulled: recently, 90+ days ago, or never", () => {
    const meta = coverage.filter((r) => r.resourceType === "AWS_ECR_CONTAINER_IMAGE").map((r) => r.resourceMetadata!.ecrImage!);
    expect(meta.some((m) => m.imagePulledAt && TEST_NOW.getTime() - m.imagePulledAt.getTime() > 90 * DAY)).toBe(true);
    expect(meta.some((m) => m.imagePulledAt && TEST_NOW.getTime() - m.imagePulledAt.getTime() < 3 * DAY)).toBe(true);
    expect(meta.some((m) => m.imagePulledAt === undefined && m.inUseCount === 0)).toBe(true);
  });

  it("GetClustersForImage pages ECS and EKS clusters; idle images only have stopped units; unknown images are 404", async () => {
    const running = coverage.find((r) => (r.resourceMetadata?.ecrImage?.inUseCount ?? 0) >= 1 && r.scanType === "PACKAGE")!;
    const all = await clusters(running.resourceId!, 100);
    expect(all.length).toBeGreaterThan(0);
    expect(await clusters(running.resourceId!, 1)).toEqual(all);
    expect(all[0].clusterArn).toMatch(/^arn:aws:(ecs|eks):us-east-1:\d{12}:cluster\//);
    expect(all.every((x) => x.clusterDetails![0].lastInUse instanceof Date && (x.clusterDetails![0].runningUnitCount ?? 0) > 0)).toBe(true);
    const meta = all[0].clusterDetails![0].clusterMetadata!;
    expect(meta.awsEcsMetadataDetails?.taskDefinitionArn ?? meta.awsEksMetadataDetails?.namespace).toBeTruthy();
    const idle = coverage.find((r) => r.resourceMetadata?.ecrImage?.inUseCount === 0 && r.resourceMetadata.ecrImage.lastInUseAt)!;
    expect((await clusters(idle.resourceId!, 100)).every((x) => x.clusterDetails![0].runningUnitCount === 0)).toBe(true);
    const never = coverage.find((r) => r.resourceMetadata?.ecrImage && !r.resourceMetadata.ecrImage.lastInUseAt)!;
    expect(await clusters(never.resourceId!, 100)).toEqual([]);
    await expect(c.send(new GetClustersForImageCommand({ filter: { resourceId: "arn:aws:ecr:us-east-1:000000000000:repository/x/sha256:0" } }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    await expect(c.send(new GetClustersForImageCommand({ filter: { resourceId: running.resourceId! }, maxResults: 101 }))).rejects.toThrow(/less than or equal to 100/);
  });

  it("GetConfiguration returns the ECR re-scan setting per region", async () => {
    const us = (await c.send(new GetConfigurationCommand({}))).ecrConfiguration!.rescanDurationState!;
    expect(us).toMatchObject({ rescanDuration: "DAYS_90", pullDateRescanDuration: "DAYS_30", pullDateRescanMode: "LAST_IN_USE_AT", status: "SUCCESS" });
    expect(us.updatedAt).toBeInstanceOf(Date);
    const eu = (await inspector(h, "eu-west-1").send(new GetConfigurationCommand({}))).ecrConfiguration!.rescanDurationState!;
    expect(eu.pullDateRescanMode).toBe("LAST_PULL_DATE");
    await expect(c.send(new GetConfigurationCommand({ accountId: "12" }))).rejects.toMatchObject({ name: "ValidationException" });
  });
});

describe("other clouds", () => {
  it("Azure VMs come with provider fields on findings and coverage; AWS resources have none", () => {
    const azure = findings.filter((f) => f.resources![0].provider === "AZURE");
    expect(azure.length).toBeGreaterThan(0);
    const r = azure[0].resources![0];
    expect(r.type).toBe("Microsoft.Compute/virtualMachines");
    expect(r.providerAccountId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(azure[0].awsAccountId).toMatch(/^\d{12}$/);
    expect(findings.find((f) => f.resources![0].type === "AWS_EC2_INSTANCE")!.resources![0].provider).toBeUndefined();
    const cov = coverage.filter((x) => x.provider === "AZURE");
    expect(cov.length).toBeGreaterThan(0);
    expect(cov[0]).toMatchObject({ resourceType: "Microsoft.Compute/virtualMachines", providerPartition: "azure" });
  });
});
