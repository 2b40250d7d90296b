import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { ROUTES } from "./inspector/routes";
import { startEmulator, type EmulatorHandle } from "./server";
import { sts, TEST_NOW } from "./test-support";

// Hostile and malformed input on every route: answered with a 4xx error shape, never a
// 500 or a dead server.

let h: EmulatorHandle;
let key: string;
beforeAll(async () => {
  h = await startEmulator({ seed: 1, accounts: 4, findings: 400, now: TEST_NOW });
  key = (await sts(h).send(new AssumeRoleCommand({ RoleArn: h.roleArn, RoleSessionName: "fuzz", ExternalId: h.externalId }))).Credentials!.AccessKeyId!;
});
afterAll(() => h.close());

const token = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const BODIES = [
  "null", "[]", "123", "\"str\"", "{", "{\"a\":", "\u0000", "{\"maxResults\":-1}", "{\"maxResults\":1.5}", "{\"maxResults\":\"9\"}",
  "{\"nextToken\":\"!!!\"}", `{"nextToken":"${token({ o: "x", c: -4 })}"}`, `{"nextToken":"${token([1])}"}`, "{\"nextToken\":42}",
  "{\"filterCriteria\":[]}", "{\"filterCriteria\":{\"severity\":\"HIGH\"}}", "{\"filterCriteria\":{\"severity\":[null]}}",
  "{\"filterCriteria\":{\"severity\":[{\"comparison\":\"EQUALS\"}]}}", "{\"filterCriteria\":{\"updatedAt\":[{\"startInclusive\":\"yesterday\"}]}}",
  "{\"filterCriteria\":{\"resourceTags\":[{\"comparison\":\"EQUALS\",\"key\":\"\"}]}}", "{\"filterCriteria\":{\"vulnerablePackages\":[{\"name\":null,\"bogus\":1}]}}",
  "{\"filterCriteria\":{\"portRange\":[{\"beginInclusive\":-1}]}}", "{\"sortCriteria\":{\"field\":\"NOPE\",\"sortOrder\":\"DESC\"}}", "{\"sortCriteria\":[]}",
  "{\"aggregationType\":\"ACCOUNT\",\"aggregationRequest\":{\"accountAggregation\":null}}", "{\"aggregationType\":\"NOPE\"}",
  "{\"aggregationType\":\"AMI\",\"aggregationRequest\":{\"amiAggregation\":{\"amis\":\"x\",\"sortBy\":\"NOPE\"}}}", "{\"accountIds\":[1,2]}",
  "{\"accountIds\":\"123456789012\"}", "{\"accountId\":{\"x\":1}}", "{\"findingArns\":[]}", "{\"findingArns\":[\"arn:aws:inspector2:us-east-1:1:finding/zz\"]}",
  "{\"groupBy\":\"NOPE\"}", "{\"action\":\"MAYBE\"}", "{\"arns\":[5]}", `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}`,
];

describe("robustness", () => {
  it("answers every route and malformed body without a 5xx", async () => {
    const auth = `AWS4-HMAC-SHA256 Credential=${key}/20261120/us-east-1/inspector2/aws4_request, SignedHeaders=host, Signature=00`;
    for (const path of Object.keys(ROUTES)) {
      for (const body of BODIES) {
        const r = await fetch(`${h.url}${path}`, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body });
        expect(r.status, `${path} ${body}`).toBeLessThan(500);
        if (r.status >= 400) expect(r.headers.get("x-amzn-errortype"), `${path} ${body}`).toMatch(/Exception$/);
        await r.text();
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 30_000);

  it("garbage for STS, Organizations, unsigned and unknown requests", async () => {
    const send = (headers: Record<string, string>, body: string, path = "/", method = "POST") => fetch(`${h.url}${path}`, { method, headers, body: method === "GET" ? undefined : body });
    const orgAuth = `AWS4-HMAC-SHA256 Credential=${key}/20261120/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=00`;
    const cases: [Record<string, string>, string, string?, string?][] = [
      [{ "content-type": "application/x-www-form-urlencoded" }, "Action=AssumeRole&RoleArn=%ZZ"],
      [{ authorization: orgAuth.replace("organizations", "sts"), "content-type": "application/x-www-form-urlencoded" }, "Action=Nope"],
      [{ authorization: orgAuth, "x-amz-target": "AWSOrganizationsV20161128.ListAccounts" }, "{bad"],
      [{ authorization: orgAuth, "x-amz-target": "AWSOrganizationsV20161128.ListAccounts" }, "{\"MaxResults\":500}"],
      [{ authorization: orgAuth, "x-amz-target": "AWSOrganizationsV20161128.ListAccounts" }, "{\"NextToken\":\"@@\"}"],
      [{ authorization: orgAuth, "x-amz-target": "AWSOrganizationsV20161128.Nope" }, "{}"],
      [{ authorization: "garbage" }, "{}", "/findings/list"],
      [{}, "{}", "/findings/list"],
      [{}, "", "/", "GET"],
      [{}, "", "/_emulator/nope", "GET"],
    ];
    for (const [headers, body, path, method] of cases) {
      const r = await send(headers, body, path, method);
      expect(r.status, JSON.stringify([headers, body, path])).toBeGreaterThanOrEqual(400);
      expect(r.status, JSON.stringify([headers, body, path])).toBeLessThan(500);
      await r.text();
    }
    expect((await fetch(`${h.url}/_emulator/state`)).status).toBe(200);
  });
});
