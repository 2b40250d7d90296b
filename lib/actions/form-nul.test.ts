// A NUL character in a submitted form (PostgreSQL's text holds none) is refused by the field's name
// once the caller is admitted (guardAction), before any verb runs: the exception, token and access
// forms say which field, and nothing is written, audit included.
import { NO_FORM_STATE } from "./form-state";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => { throw Object.assign(new Error("redirect"), { url }); },
  notFound: () => { throw new Error("not found"); },
}));

const { createExceptionAction } = await import("./risk-exceptions");
const { createTokenAction } = await import("./api-token-actions");
const { saveMappingAction } = await import("./access-mappings");
const database = setupQueryTestDatabase();
const NUL_EXPECTED = "expected text without a NUL character (U+0000)";

const form = (f: Record<string, string>) => {
  const d = new FormData();
  for (const [k, v] of Object.entries(f)) d.set(k, v);
  return d;
};
const count = async (table: string) => (await database().pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

describe("a NUL in a form", () => {
  beforeEach(() => {
    requestHeaders = new Headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
  });

  it("is refused by the field's name, and nothing is written", async () => {
    const exception = await createExceptionAction({ ok: false, message: null, issues: [], savedId: null },
      form({ target: "finding", findingArn: "arn:aws:inspector2:us-east-1:111111111111:finding/x", reason: "accepted until the patch\0", owner: "me", expiresOn: "2099-01-01" }));
    expect(exception).toMatchObject({ ok: false, message: `reason: ${NUL_EXPECTED}` });
    const token = await createTokenAction({ message: null, secret: null, name: null }, form({ name: "ci", role: "viewer", scopeKind: "accounts", accounts: "111111111111\0", expiresInDays: "30" }));
    expect(token).toEqual({ message: `accounts: ${NUL_EXPECTED}`, secret: null, name: null });
    const mapping = await saveMappingAction(NO_FORM_STATE, form({ "gro\0up": "sec", role: "admin", scopeKind: "all" }));
    expect(mapping).toEqual({ ok: false, message: `gro\ufffdup: ${NUL_EXPECTED}` });
    for (const table of ["risk_exceptions", "api_tokens", "access_group_mappings", "audit_events"]) expect(await count(table), table).toBe(0);
  });

  it("is refused only once the caller is admitted: a cross-site post hears that first", async () => {
    requestHeaders = new Headers({ host: "127.0.0.1:3000", origin: "http://evil.example" });
    const token = await createTokenAction({ message: null, secret: null, name: null }, form({ name: "ci\0" }));
    expect(token.message).toMatch(/cross-origin/);
  });
});
