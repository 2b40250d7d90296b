// GET /api/sync through the real route and guard: a finished run's notes name accounts, so only a
// viewer of the whole organization receives them; a scoped viewer gets the status without them. A
// run's error (AWS's text: principal ARNs, account ids) reaches admins of the whole organization only.
import { describe, expect, it } from "vitest";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { createApiToken } from "@/lib/auth/api-tokens";
import { localActor } from "@/lib/auth/local-actor";
import { GET } from "./route";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();
// The tokens' maker: local mode's admin, who still exists when they are used (creator-actor.ts).
const admin = localActor;
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
    expect((await status()).lastRun).toMatchObject({ notes, notesHidden: 0 });
    const everything = await createApiToken(admin, { name: "all-viewer", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    expect((await status(everything.secret)).lastRun).toMatchObject({ notes, demo: true });

    // A viewer of account A only: the run, its outcome and the demo flag, but no notes and no B.
    const scoped = await createApiToken(admin, { name: "payments-viewer", role: "viewer", scope: { accounts: [A] }, expiresInDays: 5 }, null);
    const body = await status(scoped.secret);
    expect(body.running).toBe(false);
    expect(body.lastRun).toMatchObject({ outcome: "SUCCEEDED", mode: "FULL", demo: true, notes: [], notesHidden: notes.length });
    expect(JSON.stringify(body)).not.toContain(B);
  });

  it("gives a scoped admin the plain reason for the last run's error and progress message, as a viewer gets", async () => {
    const aws = `User: arn:aws:sts::${B}:assumed-role/InspectorateReadOnly/inspectorate is not authorized to perform: inspector2:ListFindings with an explicit deny`;
    const progress = { runId: null, trigger: "manual", phase: "failed", startedAt: "2026-12-03T09:00:00Z", heartbeatAt: "2026-12-03T09:01:00Z", regions: [{ region: "eu-west-1", phase: "failed", error: aws }], outcome: "FAILED", message: aws };
    await database().pool.query(
      `INSERT INTO sync_runs (trigger, started_at, finished_at, outcome, mode, error, progress) VALUES ('manual', now() - interval '1 minute', now(), 'FAILED', 'FULL', $1, $2::jsonb)`,
      [aws, JSON.stringify(progress)],
    );
    // Local mode's admin reaches the whole organization: AWS's own text.
    const raw = await status();
    expect(raw.lastRun.error).toBe(aws);
    expect(raw.progress.message).toBe(aws);

    const scopedAdmin = await createApiToken(admin, { name: "payments-admin", role: "admin", scope: { accounts: [A] }, expiresInDays: 5 }, null);
    const viewer = await createApiToken(admin, { name: "org-viewer", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    const seen = await status(scopedAdmin.secret);
    expect(seen.lastRun.error).toBe("access denied — ask an admin");
    expect(seen.progress.message).toBe("access denied — ask an admin");
    expect(seen.progress.regions[0].error).toBe("access denied in eu-west-1 — ask an admin");
    expect(JSON.stringify(seen)).not.toMatch(/arn:aws|222222222222/);
    const plain = await status(viewer.secret);
    expect({ error: seen.lastRun.error, message: seen.progress.message }).toEqual({ error: plain.lastRun.error, message: plain.progress.message });
  });

  it("gives a whole-organization viewer AWS's words in a note as their plain reason; an admin of the whole organization AWS's words", async () => {
    const aws = `AccessDeniedException: User: arn:aws:sts::${A}:assumed-role/InspectorateReadOnly/inspectorate is not authorized to perform: organizations:ListAccounts`;
    const quoted = [
      { kind: "organizations", message: `account names not read from AWS Organizations (${aws}); using the account id` },
      { kind: "lifecycle", message: `account ${B}: active → suspended` },
      { kind: "configuration", region: "us-east-1", message: "usage and cost (ListUsageTotals) not read", error: aws },
    ];
    await database().pool.query(
      `INSERT INTO sync_runs (trigger, started_at, finished_at, outcome, mode, notes) VALUES ('manual', now() - interval '1 minute', now(), 'SUCCEEDED', 'FULL', $1::jsonb)`,
      [JSON.stringify(quoted)],
    );
    expect((await status()).lastRun.notes).toEqual(quoted);
    const viewer = await createApiToken(admin, { name: "org-viewer-notes", role: "viewer", scope: "all", expiresInDays: 5 }, null);
    const seen = (await status(viewer.secret)).lastRun.notes;
    // An older note quoting AWS in its message: the message becomes the plain reason; a note with AWS's
    // words in `error` keeps its message and gets the plain reason as its error.
    expect(seen).toEqual([
      { kind: "organizations", message: "access denied — ask an admin" },
      quoted[1],
      { ...quoted[2], error: "access denied in us-east-1 — ask an admin" },
    ]);
  });
});

