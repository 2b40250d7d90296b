// --wait: ask Inspector itself (the real SDK, standard AWS configuration) until the image's scan
// is complete or the timeout passes: ListCoverage for its scan status, then ListFindings by digest.
import { Inspector2Client, paginateListCoverage, paginateListFindings, type CoveredResource, type Finding } from "@aws-sdk/client-inspector2";
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { Artifact } from "../artifact";
import { scanStateFromCoverage } from "../from-inspector";

export interface LiveObservation { coverage: CoveredResource | null; findings: Finding[]; digest: string | null; timedOut: boolean }

export function inspectorClient(region: string | undefined, env: NodeJS.ProcessEnv): Inspector2Client {
  const r = region ?? env.AWS_REGION ?? "us-east-1";
  const role = env.INSPECTORATE_ROLE_ARN;
  const credentials = role ? fromTemporaryCredentials({
    masterCredentials: fromNodeProviderChain(),
    params: { RoleArn: role, RoleSessionName: "inspectorate-gate", ...(env.INSPECTORATE_EXTERNAL_ID ? { ExternalId: env.INSPECTORATE_EXTERNAL_ID } : {}) },
    clientConfig: { region: r },
  }) : undefined;
  return new Inspector2Client({ region: r, ...(credentials ? { credentials } : {}) });
}

async function imageCoverage(client: Inspector2Client, a: Extract<Artifact, { kind: "ecr-image" }>): Promise<CoveredResource | null> {
  const filterCriteria = {
    ecrRepositoryName: [{ comparison: "EQUALS" as const, value: a.repository }], resourceType: [{ comparison: "EQUALS" as const, value: "AWS_ECR_CONTAINER_IMAGE" }],
    ...(a.accountId ? { accountId: [{ comparison: "EQUALS" as const, value: a.accountId }] } : {}),
  };
  for await (const page of paginateListCoverage({ client }, { filterCriteria, maxResults: 200 })) {
    for (const c of page.coveredResources ?? []) {
      if (a.digest ? c.resourceId?.endsWith(`/${a.digest}`) : c.resourceMetadata?.ecrImage?.tags?.includes(a.tag!)) return c;
    }
  }
  return null;
}

export async function waitForImageScan(client: Inspector2Client, a: Artifact, o: { timeoutSeconds: number; pollSeconds: number; log: (s: string) => void }): Promise<LiveObservation> {
  if (a.kind !== "ecr-image") throw new Error("--wait reads Inspector directly for ECR images only; ask the app about other artifacts");
  const deadline = Date.now() + o.timeoutSeconds * 1000;
  let coverage: CoveredResource | null = null;
  for (;;) {
    coverage = await imageCoverage(client, a);
    const s = scanStateFromCoverage(coverage);
    if (s.state === "complete" || s.state === "disabled") break;
    if (Date.now() + o.pollSeconds * 1000 > deadline) return { coverage, findings: [], digest: null, timedOut: true };
    o.log(`waiting for Inspector's scan (${s.reason})…`);
    await new Promise((ok) => setTimeout(ok, o.pollSeconds * 1000));
  }
  const digest = a.digest ?? coverage?.resourceId?.split("/").pop() ?? null;
  const findings: Finding[] = [];
  if (digest) {
    const filterCriteria = { ecrImageHash: [{ comparison: "EQUALS" as const, value: digest }], ecrImageRepositoryName: [{ comparison: "EQUALS" as const, value: a.repository }],
      findingStatus: [{ comparison: "EQUALS" as const, value: "ACTIVE" }] };
    for await (const page of paginateListFindings({ client }, { filterCriteria, maxResults: 100 })) findings.push(...(page.findings ?? []));
  }
  return { coverage, findings, digest, timedOut: false };
}
