import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BatchGetFindingDetailsCommand, ListFindingsCommand, ValidationException, type Finding, type Inspector2Client,
} from "@aws-sdk/client-inspector2";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import type { EmulatorHandle } from "./server";
import { allFindings, startListedEmulator, sts, TEST_NOW } from "./test-support";

// ListFindings through the real SDK: pagination, every filter shape, sorting, validation.

let h: EmulatorHandle;
let c: Inspector2Client;
let all: Finding[];

beforeAll(async () => ({ h, c, all } = await startListedEmulator()));
afterAll(() => h.close());

const S = (value: string, comparison: "EQUALS" | "PREFIX" | "NOT_EQUALS" = "EQUALS") => ({ comparison, value });
const ids = (fs: Finding[]) => fs.map((f) => f.findingArn).sort();
const where = (pred: (f: Finding) => boolean) => ids(all.filter(pred));

describe("ListFindings pagination", () => {
  it("pages to the end with no token on the last page and no duplicates", async () => {
    expect(all.length).toBeGreaterThan(500);
    expect(new Set(ids(all)).size).toBe(all.length);
    const last = await c.send(new ListFindingsCommand({ maxResults: 100, filterCriteria: { findingArn: [S(all[0].findingArn!)] } }));
    expect(last.findings).toHaveLength(1);
    expect(last.nextToken).toBeUndefined();
  });

  it("returns the same set whatever the page size", async () => {
    const small = await allFindings(c, { severity: [S("CRITICAL")] }, 7);
    expect(ids(small)).toEqual(where((f) => f.severity === "CRITICAL"));
  });

  it("emits epoch timestamps the SDK parses into real dates", () => {
    const f = all[0];
    expect(f.firstObservedAt!.getUTCFullYear()).toBeGreaterThan(2024);
    expect(f.updatedAt!.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
    expect(f.findingArn).toMatch(/^arn:aws:inspector2:us-east-1:\d{12}:finding\/[0-9a-f]{32}$/);
  });
});

describe("ListFindings filters", () => {
  it("StringFilter EQUALS with OR inside a key and AND across keys", async () => {
    const acct = all[0].awsAccountId!;
    const got = await allFindings(c, { awsAccountId: [S(acct)], severity: [S("HIGH"), S("CRITICAL")] });
    expect(got.length).toBeGreaterThan(0);
    expect(ids(got)).toEqual(where((f) => f.awsAccountId === acct && (f.severity === "HIGH" || f.severity === "CRITICAL")));
  });

  it("PREFIX and NOT_EQUALS", async () => {
    const pre = await allFindings(c, { title: [S("CVE-2023-", "PREFIX")] });
    expect(pre.length).toBeGreaterThan(0);
    expect(ids(pre)).toEqual(where((f) => f.title!.startsWith("CVE-2023-")));
    const ne = await allFindings(c, { findingStatus: [S("CLOSED", "NOT_EQUALS")], findingType: [S("PACKAGE_VULNERABILITY", "NOT_EQUALS")] });
    expect(ids(ne)).toEqual(where((f) => f.status !== "CLOSED" && f.type !== "PACKAGE_VULNERABILITY"));
    expect(ne.length).toBeGreaterThan(0);
  });

  it("DateFilter on firstObservedAt and updatedAt", async () => {
    const from = new Date(TEST_NOW.getTime() - 14 * 86400_000);
    const got = await allFindings(c, { firstObservedAt: [{ startInclusive: from }] });
    expect(got.length).toBeGreaterThan(0);
    expect(ids(got)).toEqual(where((f) => f.firstObservedAt!.getTime() >= from.getTime()));
    const mid = new Date(TEST_NOW.getTime() - 7 * 86400_000);
    const upd = await allFindings(c, { updatedAt: [{ startInclusive: from, endInclusive: mid }] });
    expect(ids(upd)).toEqual(where((f) => f.updatedAt!.getTime() >= from.getTime() - 500 && f.updatedAt!.getTime() <= mid.getTime() + 500));
  });

  it("NumberFilter on inspectorScore and epssScore", async () => {
    const got = await allFindings(c, { inspectorScore: [{ lowerInclusive: 9 }], epssScore: [{ lowerInclusive: 0.5, upperInclusive: 1 }] });
    expect(got.length).toBeGreaterThan(0);
    expect(ids(got)).toEqual(where((f) => (f.inspectorScore ?? -1) >= 9 && (f.epss?.score ?? -1) >= 0.5));
  });

  it("MapFilter on resourceTags", async () => {
    const got = await allFindings(c, { resourceTags: [{ comparison: "EQUALS", key: "Environment", value: "production" }] });
    expect(got.length).toBeGreaterThan(0);
    expect(ids(got)).toEqual(where((f) => f.resources![0].tags?.Environment === "production"));
  });

  it("resource, package and exploit keys", async () => {
    const ec2 = all.find((f) => f.resources![0].type === "AWS_EC2_INSTANCE")!;
    const ami = ec2.resources![0].details!.awsEc2Instance!.imageId!;
    expect(ids(await allFindings(c, { ec2InstanceImageId: [S(ami)] }))).toEqual(where((f) => f.resources![0].details?.awsEc2Instance?.imageId === ami));
    const img = all.find((f) => f.resources![0].type === "AWS_ECR_CONTAINER_IMAGE")!.resources![0];
    const repo = img.details!.awsEcrContainerImage!.repositoryName!;
    expect(ids(await allFindings(c, { ecrImageRepositoryName: [S(repo)], ecrImageHash: [S(img.details!.awsEcrContainerImage!.imageHash!)] })))
      .toEqual(where((f) => f.resources![0].id === img.id));
    expect(ids(await allFindings(c, { resourceId: [S(img.id!)] }))).toEqual(where((f) => f.resources![0].id === img.id));
    const fn = all.find((f) => f.resources![0].type === "AWS_LAMBDA_FUNCTION")!.resources![0].details!.awsLambdaFunction!;
    expect(ids(await allFindings(c, { lambdaFunctionName: [S(fn.functionName!)], lambdaFunctionRuntime: [S(fn.runtime!)] })))
      .toEqual(where((f) => f.resources![0].details?.awsLambdaFunction?.functionName === fn.functionName));
    const pkg = await allFindings(c, { vulnerablePackages: [{ name: S("openssl") }], fixAvailable: [S("YES")] });
    expect(ids(pkg)).toEqual(where((f) => f.packageVulnerabilityDetails?.vulnerablePackages?.[0].name === "openssl" && f.fixAvailable === "YES"));
    const exploit = await allFindings(c, { exploitAvailable: [S("YES")], vendorSeverity: [S("high"), S("CRITICAL")], vulnerabilityId: [S("CVE-", "PREFIX")] });
    expect(ids(exploit)).toEqual(where((f) => f.exploitAvailable === "YES" && ["high", "CRITICAL"].includes(f.packageVulnerabilityDetails?.vendorSeverity ?? "") && f.title!.startsWith("CVE-")));
    const types = await allFindings(c, { resourceType: [S("AWS_LAMBDA_FUNCTION")], findingType: [S("CODE_VULNERABILITY")] });
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((f) => f.codeVulnerabilityDetails!.cwes!.length > 0 && f.codeVulnerabilityDetails!.filePath!.startLine! > 0)).toBe(true);
  });

  it("network findings carry ports, protocol and path steps", () => {
    const n = all.filter((f) => f.type === "NETWORK_REACHABILITY");
    expect(n.length).toBeGreaterThan(0);
    for (const f of n) {
      expect(f.networkReachabilityDetails!.openPortRange!.begin).toBeGreaterThanOrEqual(0);
      expect(f.networkReachabilityDetails!.networkPath!.steps!.length).toBeGreaterThan(1);
    }
  });
});

describe("ListFindings sorting", () => {
  it("sorts by inspector score descending across pages", async () => {
    const got: Finding[] = [];
    let nextToken: string | undefined;
    do {
      const r = await c.send(new ListFindingsCommand({ maxResults: 50, nextToken, sortCriteria: { field: "INSPECTOR_SCORE", sortOrder: "DESC" }, filterCriteria: { findingType: [S("PACKAGE_VULNERABILITY")] } }));
      got.push(...r.findings!);
      nextToken = r.nextToken;
    } while (nextToken);
    expect(got.length).toBe(all.filter((f) => f.type === "PACKAGE_VULNERABILITY").length);
    const scores = got.map((f) => f.inspectorScore ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe("validation errors", () => {
  const expectValidation = async (p: Promise<unknown>, text: RegExp) => {
    const e = await p.then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationException);
    expect((e as Error).message).toMatch(text);
    return e as ValidationException;
  };

  it("maxResults above the limit uses AWS's wording", async () => {
    const e = await expectValidation(c.send(new ListFindingsCommand({ maxResults: 101 })),
      /^1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100$/);
    expect(e.reason).toBe("FIELD_VALIDATION_FAILED");
    expect(e.fields?.[0].name).toBe("maxResults");
  });

  it("11 entries for one key, unknown keys and bad comparisons are rejected", async () => {
    const eleven = Array.from({ length: 11 }, (_, k) => S(`CVE-${k}`));
    await expectValidation(c.send(new ListFindingsCommand({ filterCriteria: { vulnerabilityId: eleven } })), /less than or equal to 10/);
    await expectValidation(c.send(new ListFindingsCommand({ filterCriteria: { severity: [] } })), /greater than or equal to 1/);
    await expectValidation(c.send(new ListFindingsCommand({ filterCriteria: { severity: [{ comparison: "LIKE" as never, value: "x" }] } })), /enum value set/);
  });

  it("malformed JSON is CANNOT_PARSE; an empty body is accepted; unknown routes are 404", async () => {
    const creds = (await sts(h).send(new AssumeRoleCommand({ RoleArn: h.roleArn, RoleSessionName: "raw", ExternalId: h.externalId }))).Credentials!;
    const auth = `AWS4-HMAC-SHA256 Credential=${creds.AccessKeyId}/20261120/us-east-1/inspector2/aws4_request, SignedHeaders=host, Signature=00`;
    const post = (path: string, body: string) => fetch(`${h.url}${path}`, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body });
    const bad = await post("/findings/list", "{not json");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-amzn-errortype")).toBe("ValidationException");
    expect((await bad.json()).reason).toBe("CANNOT_PARSE");
    const empty = await post("/delegatedadminaccounts/get", "");
    expect(empty.status).toBe(200);
    expect((await empty.json()).delegatedAdmin.accountId).toBe(h.adminAccountId);
    expect((await post("/organizationconfiguration/describe", "{}")).status).toBe(200);
    // The SDK drops members it does not model, so unknown keys are only reachable raw.
    const unknownKey = await post("/findings/list", JSON.stringify({ filterCriteria: { colour: [S("blue")] } }));
    expect(unknownKey.status).toBe(400);
    expect((await unknownKey.json()).message).toMatch(/^1 validation error detected: .*filterCriteria\.colour/);
    const unknown = await post("/no/such/route", "{}");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    const weird = await post("/findings/list", JSON.stringify({ maxResults: "ten", filterCriteria: [1, 2], nextToken: 5 }));
    expect(weird.status).toBe(400);
    expect((await fetch(`${h.url}/findings/list`, { method: "POST", headers: { authorization: auth }, body: "\u0000\uffff" })).status).toBe(400);
  });
});

describe("BatchGetFindingDetails", () => {
  it("returns details for package findings and errors for the rest", async () => {
    const pkg = all.find((f) => f.type === "PACKAGE_VULNERABILITY" && f.exploitAvailable === "YES")!;
    const net = all.find((f) => f.type === "NETWORK_REACHABILITY")!;
    const r = await c.send(new BatchGetFindingDetailsCommand({ findingArns: [pkg.findingArn!, net.findingArn!, `${pkg.findingArn!.slice(0, -4)}ffff`] }));
    expect(r.findingDetails).toHaveLength(1);
    expect(r.findingDetails![0].epssScore).toBe(pkg.epss!.score);
    expect(r.findingDetails![0].exploitObserved?.firstSeen).toBeInstanceOf(Date);
    expect(r.errors!.map((e) => e.errorCode)).toEqual(["FINDING_DETAILS_NOT_FOUND", "FINDING_DETAILS_NOT_FOUND"]);
  });
});
