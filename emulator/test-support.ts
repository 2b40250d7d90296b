import { Inspector2Client, paginateListFindings, type FilterCriteria, type Finding } from "@aws-sdk/client-inspector2";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { startEmulator, type EmulatorHandle } from "./server";

// Real SDK clients pointed at an emulator, the way the app builds them: base credentials,
// then an assumed role with the demo external id.

export const TEST_NOW = new Date("2026-11-20T12:00:00Z");

export function roleCredentials(h: EmulatorHandle, region = "us-east-1", externalId = h.externalId) {
  return fromTemporaryCredentials({
    params: { RoleArn: h.roleArn, RoleSessionName: "vitest", ExternalId: externalId },
    masterCredentials: h.baseCredentials,
    clientConfig: { endpoint: h.url, region },
  });
}

export function inspector(h: EmulatorHandle, region = "us-east-1", extra: Record<string, unknown> = {}) {
  return new Inspector2Client({ endpoint: h.url, region, credentials: roleCredentials(h, region), ...extra });
}

export function baseInspector(h: EmulatorHandle, region = "us-east-1") {
  return new Inspector2Client({ endpoint: h.url, region, credentials: h.baseCredentials });
}

export function sts(h: EmulatorHandle, region = "us-east-1") {
  return new STSClient({ endpoint: h.url, region, credentials: h.baseCredentials });
}

export function organizations(h: EmulatorHandle) {
  return new OrganizationsClient({ endpoint: h.url, region: "us-east-1", credentials: roleCredentials(h) });
}

export async function allFindings(client: Inspector2Client, filterCriteria?: FilterCriteria, maxResults = 100): Promise<Finding[]> {
  const out: Finding[] = [];
  for await (const page of paginateListFindings({ client, pageSize: maxResults }, { filterCriteria, maxResults })) out.push(...(page.findings ?? []));
  return out;
}

/** The SDK suites' shared world (seed 11, 8 accounts, 2,500 findings at TEST_NOW): the emulator, a
 *  client with the assumed role, and every finding it lists. */
export async function startListedEmulator(): Promise<{ h: EmulatorHandle; c: Inspector2Client; all: Finding[] }> {
  const h = await startEmulator({ seed: 11, accounts: 8, findings: 2500, now: TEST_NOW });
  const c = inspector(h);
  return { h, c, all: await allFindings(c) };
}
