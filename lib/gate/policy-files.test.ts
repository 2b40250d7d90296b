// Policies, the example files and the store: validation names the field, every edit is a new
// version, unchanged files add none; POST /api/gate's authorisation and field errors.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";

let database: TestDatabase;
let files: typeof import("@/lib/actions/gate-policy-files");
let store: typeof import("@/lib/actions/gate-policies");
let queries: typeof import("@/lib/queries/gate/policies");
let route: typeof import("@/app/api/gate/route");
const TOKEN = "policy-test-token-0123456789";

beforeAll(async () => {
  database = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: database.url, INSPECTORATE_GATE_TOKEN: TOKEN, ...(database.flavour === "pglite" ? { INSPECTORATE_EMBEDDED_DB: "1" } : {}) });
  [files, store, queries, route] = await Promise.all([import("@/lib/actions/gate-policy-files"), import("@/lib/actions/gate-policies"), import("@/lib/queries/gate/policies"), import("@/app/api/gate/route")]);
});
afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db().close();
  await database?.close();
});

describe("gate policies", () => {
  it("loads the repository's example files as versions, idempotently, and rejects bad files by field", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gate-policies-"));
    for (const f of fs.readdirSync("policies")) fs.copyFileSync(path.join("policies", f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, "broken.yaml"), "name: broken\nrules:\n  - id: x\n    when: { minEpss: 2 }\n");
    expect(await files.loadPolicyDirectory(dir)).toEqual([
      { file: "broken.yaml", ok: false, message: "rules.0.when.minEpss: Too big: expected number to be <=1" },
      { file: "lambda-strict.json", ok: true, message: "lambda-strict v1" },
      { file: "production.yaml", ok: true, message: "production v1" },
    ]);
    expect((await files.loadPolicyDirectory(dir)).map((r) => r.message)).toContain("production v1 (unchanged)");
    const prod = await queries.policyInForce("production");
    expect(prod?.policy.overrides.map((o) => o.name)).toEqual(["sandbox", "payments"]);
  });

  it("saves each edit as a new version, admins only, and lists the built-in default", async () => {
    const doc = { name: "team-a", rules: [{ id: "r1", when: { severities: ["CRITICAL"] } }] };
    const ann = { kind: "user" as const, id: "u-ann", name: "ann", role: "admin" as const };
    expect(await store.savePolicyVersion(doc, ann)).toMatchObject({ ok: true, version: 1 });
    expect(await store.savePolicyVersion({ ...doc, maxCacheAgeHours: 6 }, ann)).toMatchObject({ ok: true, version: 2 });
    expect(await store.savePolicyVersion(doc, { ...ann, id: "u-bob", name: "bob", role: "analyst" })).toMatchObject({ ok: false, status: 403 });
    const bad = await store.savePolicyVersion({ name: "Team A", rules: [] }, ann);
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).toEqual(["name", "rules"]);
    expect((await queries.policyHistory("team-a")).map((p) => [p.version, p.createdBy, p.policy.maxCacheAgeHours])).toEqual([[2, "ann", 6], [1, "ann", 24]]);
    expect((await queries.listPolicies()).map((p) => p.name)).toEqual(["default", "lambda-strict", "production", "team-a"]);
  });
});

describe("POST /api/gate", () => {
  const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }) =>
    route.POST(new Request("http://127.0.0.1:3000/api/gate", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }));

  it("needs a valid bearer token (or the guard's actor) and JSON", async () => {
    expect((await post("{}", { origin: "http://evil.example", "content-type": "text/plain" })).status).toBe(403);
    expect((await post({}, { authorization: "Bearer nope", "content-type": "application/json" })).status).toBe(401);
    expect((await post({}, { authorization: `Bearer ${TOKEN}`, "content-type": "text/plain" })).status).toBe(415);
    expect((await post("{nope")).status).toBe(400);
  });

  it("names the bad field, an unknown policy, and answers undecidable for an image nobody scanned", async () => {
    const bad = await (await post({ artifact: { kind: "ecr-image", repository: "app", digest: "sha256:xyz" } })).json();
    expect(bad.issues).toEqual([{ field: "artifact.digest", message: "expected sha256: and 64 hex digits" }]);
    const both = await (await post({ artifact: { kind: "lambda-function", functionName: "fn", qualifier: "bad alias!" } })).json();
    expect(both.issues[0].field).toBe("artifact.qualifier");
    const ami = await (await post({ artifact: { kind: "ami", amiId: "ami-nope" } })).json();
    expect(ami.issues).toEqual([{ field: "artifact.amiId", message: 'expected an AMI id such as ami-0abc1234, got "ami-nope"' }]);
    const unknown = await post({ artifact: { kind: "ami", amiId: "ami-0123456789abcdef0" }, policy: "nope" });
    expect(unknown.status).toBe(404);
    const r = await (await post({ artifact: { kind: "ecr-image", repository: "app", digest: `sha256:${"a".repeat(64)}` } })).json();
    expect(r).toMatchObject({ verdict: "undecidable", policy: { name: "default", version: 0 }, source: "cache" });
    expect(r.undecidable.map((u: { code: string }) => u.code)).toEqual(["not-scanned", "cache-stale"]);
  });
});
