// The /admin/access server actions through guardAction: a cross-site post is refused before any
// change, a same-site one is saved and audited with the client's address (local mode's admin).
import { NO_FORM_STATE } from "./form-state";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => { throw new Redirect(url); },
  notFound: () => { throw new Error("not found"); },
}));

// The environment maps "ops" (read when first needed, after this line).
process.env.INSPECTORATE_OIDC_GROUP_MAP = JSON.stringify({ ops: { role: "admin", scope: "all" } });
const { deleteMappingAction, saveMappingAction } = await import("./access-mappings");
const database = setupQueryTestDatabase();

const form = (f: Record<string, string>) => {
  const d = new FormData();
  for (const [k, v] of Object.entries(f)) d.set(k, v);
  return d;
};
/** Where a removal sent the browser (each of its outcomes is a redirect back to the page). */
async function outcome(run: Promise<unknown>): Promise<URLSearchParams> {
  const err = await run.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(Redirect);
  const url = new URL((err as Redirect).url, "http://127.0.0.1:3000");
  expect(url.pathname).toBe("/admin/access");
  return url.searchParams;
}
const mappings = async () => (await database().pool.query("SELECT group_name, role FROM access_group_mappings ORDER BY group_name")).rows;

describe("access mapping actions", () => {
  beforeEach(() => {
    requestHeaders = new Headers({ host: "127.0.0.1:3000" });
  });

  it("refuses a cross-site post before changing anything", async () => {
    requestHeaders = new Headers({ host: "127.0.0.1:3000", origin: "http://evil.example" });
    const refused = await saveMappingAction(NO_FORM_STATE, form({ group: "sec", role: "admin", scopeKind: "all" }));
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/cross-origin/);
    requestHeaders = new Headers({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" });
    expect((await outcome(deleteMappingAction(form({ group: "sec" })))).get("error")).toMatch(/cross-site/);
    expect(await mappings()).toEqual([]);
    expect((await database().pool.query("SELECT count(*)::int AS n FROM audit_events")).rows[0].n).toBe(0);
  });

  it("saves and removes a mapping from the same site, auditing the client's address", async () => {
    requestHeaders = new Headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "x-forwarded-for": "203.0.113.5" });
    expect(await saveMappingAction(NO_FORM_STATE, form({ group: "sec", role: "analyst", scopeKind: "all" }))).toEqual({ ok: true, message: "Saved the mapping of sec." });
    expect(await mappings()).toEqual([{ group_name: "sec", role: "analyst" }]);
    expect((await outcome(deleteMappingAction(form({ group: "sec" })))).get("removed")).toBe("sec");
    const audit = await database().pool.query("SELECT action, target, actor_kind, address FROM audit_events ORDER BY id");
    expect(audit.rows).toEqual([
      { action: "access.mapping.saved", target: "sec", actor_kind: "local", address: "203.0.113.5" },
      { action: "access.mapping.deleted", target: "sec", actor_kind: "local", address: "203.0.113.5" },
    ]);
  });

  it("removes an override of the environment's mapping only from the button that says the environment's applies again", async () => {
    requestHeaders = new Headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
    expect((await saveMappingAction(NO_FORM_STATE, form({ group: "ops", role: "viewer", scopeKind: "all" }))).ok).toBe(true);
    const refused = await outcome(deleteMappingAction(form({ group: "ops" })));
    expect(refused.get("error")).toMatch(/^removing it would bring back the environment's mapping of "ops" \(INSPECTORATE_OIDC_GROUP_MAP\): admin, whole organization; confirm/);
    expect((await mappings()).map((m) => m.group_name)).toContain("ops");
    expect((await outcome(deleteMappingAction(form({ group: "ops", restoreEnvironment: "1" })))).get("removed")).toBe("ops");
    expect((await mappings()).map((m) => m.group_name)).not.toContain("ops");
  });
});
