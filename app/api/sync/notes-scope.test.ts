// GET /api/sync through the real route and guard: a finished run's notes name accounts, so only a
// viewer of the whole organization receives them; a scoped viewer gets the status without them.
import { describe, expect, it } from "vitest";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { allScope } from "@/lib/queries/scope";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import { GET } from "./route";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();
const admin: Actor = { kind: "user", id: "u-admin", name: "admin@example.com", role: "admin", scope: allScope };
const notes = [
  { kind: "lifecycle", message: `account ${B}: active → suspended` },
  { kind: "integrity", region: "us-east-1", message: `re-listed 1 account(s) whose counts disagreed with Inspector: ${B}` },
  { kind: "demo", message: "Demo data: synced from the bundled emulator's demo organization" },
];

async function status(secret?: string) {
  const res = await GET(new Request("http://127.0.0.1:3000/api/sync", secret ? { headers: { authorization: `Bearer ${secret}` } } : {}));
  expect(res.status).toBe(200);
  return res.json();
}

describe("GET /api/sync and a run's notes", () => {
  it("sends the notes to whole-organization viewers only", async () => {
    const pool = database().pool;
    await addAccount(database(), A, { team: "payments" });
    await addAccount(database(), B, { team: "search" });
    await pool.query(
      `INSERT INTO sync_runs (trigger, started_at, finished_at, outcome, mode, notes) VALUES ('manual', now() - interval '2 minutes', now(), 'SUCCEEDED', 'FULL', $1::jsonb)`,
      [JSON.stringify(notes)],
    );

    // Local mode's admin and a whole-organization viewer token: every note.
    expect((await status()).lastRun.notes).toEqual(notes);
    const everything = await createApiToken(admin, { name: "all-viewer", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    expect((await status(everything.secret)).lastRun).toMatchObject({ notes, demo: true });

    // A viewer of account A only: the run, its outcome and the demo flag, but no notes and no B.
    const scoped = await createApiToken(admin, { name: "payments-viewer", role: "viewer", scope: { accounts: [A] }, expiresInDays: 5 }, null);
    const body = await status(scoped.secret);
    expect(body.running).toBe(false);
    expect(body.lastRun).toMatchObject({ outcome: "SUCCEEDED", mode: "FULL", demo: true, notes: [] });
    expect(JSON.stringify(body)).not.toContain(B);
  });
});
