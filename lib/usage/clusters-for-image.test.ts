import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paginateListCoverage } from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "@/emulator/server";
import { emulatorAwsEnv } from "@/emulator/aws-env";
import { inspector, TEST_NOW } from "@/emulator/test-support";
import { clustersForImage } from "./clusters-for-image";
import { toImageClusters } from "./image-clusters";

// The finding page's on-demand cluster list: the real SDK, the app's assumed role from the
// standard configuration, against the emulator; cached, and failures become a sentence.
let h: EmulatorHandle;
const images: { id: string; inUse: number }[] = [];

beforeAll(async () => {
  h = await startEmulator({ seed: 9, accounts: 6, findings: 800, now: TEST_NOW, regions: ["us-east-1"] });
  Object.assign(process.env, emulatorAwsEnv(h, h.baseCredentials, ["us-east-1"]));
  for await (const p of paginateListCoverage({ client: inspector(h) }, { filterCriteria: { resourceType: [{ comparison: "EQUALS", value: "AWS_ECR_CONTAINER_IMAGE" }] } })) {
    for (const c of p.coveredResources!) images.push({ id: c.resourceId!, inUse: c.resourceMetadata?.ecrImage?.inUseCount ?? -1 });
  }
});
afterAll(() => h.close());

describe("clustersForImage", () => {
  it("lists the ECS/EKS clusters of a running image with running units, and caches the answer", async () => {
    const running = images.find((i) => i.inUse > 0)!;
    const a = await clustersForImage("us-east-1", running.id);
    expect(a.ok && a.clusters.length).toBeGreaterThan(0);
    if (!a.ok) return;
    expect(a.clusters.every((c) => (c.kind === "ECS" || c.kind === "EKS") && c.running! > 0 && c.lastInUse instanceof Date)).toBe(true);
    expect(await clustersForImage("us-east-1", running.id)).toBe(a);
  });

  it("says why when Inspector cannot answer", async () => {
    const a = await clustersForImage("us-east-1", "arn:aws:ecr:us-east-1:000000000000:repository/x/sha256:00");
    expect(a).toEqual({ ok: false, error: "Inspector does not know this image" });
  });
});

describe("toImageClusters", () => {
  it("maps ECS and EKS metadata; missing details stay unknown", () => {
    const at = new Date("2026-11-20T10:00:00Z");
    expect(toImageClusters([
      { clusterArn: "arn:aws:ecs:us-east-1:111122223333:cluster/prod", clusterDetails: [{ lastInUse: at, runningUnitCount: 2, stoppedUnitCount: 0, clusterMetadata: { awsEcsMetadataDetails: { detailsGroup: "service:api", taskDefinitionArn: "arn:aws:ecs:us-east-1:111122223333:task-definition/api:7" } } }] },
      { clusterArn: "arn:aws:eks:us-east-1:111122223333:cluster/k8s", clusterDetails: [{ lastInUse: at, clusterMetadata: { awsEksMetadataDetails: { namespace: "pay", workloadInfoList: [{ name: "api", type: "Deployment" }] } } }] },
      { clusterArn: "arn:aws:ecs:us-east-1:111122223333:cluster/bare" },
      { clusterArn: undefined },
    ])).toEqual([
      { arn: "arn:aws:ecs:us-east-1:111122223333:cluster/prod", kind: "ECS", name: "prod", lastInUse: at, running: 2, stopped: 0, detail: "api:7" },
      { arn: "arn:aws:eks:us-east-1:111122223333:cluster/k8s", kind: "EKS", name: "k8s", lastInUse: at, running: null, stopped: null, detail: "namespace pay · Deployment api" },
      { arn: "arn:aws:ecs:us-east-1:111122223333:cluster/bare", kind: "ECS", name: "bare", lastInUse: null, running: null, stopped: null, detail: null },
    ]);
  });
});
