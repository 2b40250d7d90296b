import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDatabase } from "@/lib/db/test-database";
import { closeReviewDatabase, earlierToday, insertAccount, insertDaily, insertException, insertFinding, insertRun, useReviewDatabase } from "@/lib/queries/review/review-fixtures";
import type { LoadedReview } from "@/lib/queries/review/load-review";
import { addDaysToDay, toDay } from "@/lib/review/day";
import { expiryInstant } from "@/lib/review/exceptions";
import { reviewHeadline } from "@/lib/review/export/review-headline";
import { pdfLines } from "@/lib/review/export/pdf-text";
import { GET as getJson } from "./route";
import { GET as getCsv } from "./csv/route";
import { GET as getPdf } from "./pdf/route";
import { POST as freeze } from "./freeze/route";
import { GET as listExceptions, POST as createException } from "./exceptions/route";
import { POST as revoke } from "./exceptions/[id]/revoke/route";

// Route handlers read the session cookie; outside a request there is none (local mode).
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers() }));

const A = "111111111111", B = "222222222222";
const today = toDay(new Date());
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
// Writes are JSON (the guard refuses anything else); the host is the one the app listens on.
const req = (path: string, init?: RequestInit) =>
  new Request(`http://127.0.0.1:3000${path}`, init?.method === "POST" ? { ...init, headers: { "content-type": "application/json" } } : init);

describe("review API and exports (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    const q = t.pool;
    await insertAccount(q, { id: A, name: "payments-prod", team: "payments" });
    await insertAccount(q, { id: B, name: "search-prod", owner: "bob" });
    for (let i = 0; i < 5; i++) await insertFinding(q, { arn: `old${i}`, accountId: A, firstObservedAt: daysAgo(40 + i), vulnerabilityId: "CVE-2026-1000", resourceId: `i-${i}` });
    await insertFinding(q, { arn: "new1", accountId: B, severity: "HIGH", firstObservedAt: daysAgo(2) });
    await insertFinding(q, { arn: "fixed1", accountId: B, status: "CLOSED", firstObservedAt: daysAgo(20), closedAt: daysAgo(1) });
    await insertException(q, { findingArn: "old0", createdAt: daysAgo(3), expiresAt: expiryInstant(today).toISOString() });
    await insertRun(q, daysAgo(90));
    await insertRun(q, earlierToday(3_600_000)); // today, the day of the latest snapshot
    for (let d = 0; d < 84; d += 3) {
      await insertDaily(q, addDaysToDay(today, -d), A, "CRITICAL", { open: 5 + (d % 7), opened: 1, closed: d % 2 });
      await insertDaily(q, addDaysToDay(today, -d), B, "HIGH", { open: 2 + (d % 5), opened: d % 3 });
    }
  });
  afterAll(() => closeReviewDatabase(t));

  it("prints the same numbers in the PDF as the JSON", async () => {
    const json = (await (await getJson(req("/api/review"))).json()) as LoadedReview;
    const p = json.payload;
    expect(p.sla.totals).toEqual({ breached: 4, dueSoon: 0, excepted: 1 });
    const res = await getPdf(req("/api/review/pdf"));
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const lines = (await pdfLines(new Uint8Array(await res.arrayBuffer()))).flat();
    const text = lines.join("\n");
    // The headline tiles, four to a row: labels on one line, figures on the next.
    const h = reviewHeadline(p);
    for (const row of [h.slice(0, 4), h.slice(4, 8)]) {
      const at = lines.indexOf(row.map((x) => x.label).join(" "));
      expect(at, row[0].label).toBeGreaterThan(-1);
      expect(lines[at + 1]).toBe(row.map((x) => x.value ?? "—").join(" "));
    }
    expect(text).toContain(`Breached ${p.sla.totals.breached} · due within 7 days ${p.sla.totals.dueSoon} · excepted ${p.sla.totals.excepted}`);
    // Every week's row: open by severity, total, new and closed.
    for (const [i, w] of p.trends.weeks.entries()) {
      const o = p.trends.open[i], f = p.trends.flow[i];
      const n = (v: number | null | undefined) => v ?? "—";
      const row = [w.label, n(o.open?.CRITICAL), n(o.open?.HIGH), n(o.open?.MEDIUM), n(o.open?.LOW), n(o.total), n(f.opened), n(f.remediated)].join(" ");
      expect(lines.some((l) => l.startsWith(row)), `week row "${row}"`).toBe(true);
    }
    expect(p.trends.open.filter((o) => (o.total ?? 0) > 0).length).toBeGreaterThanOrEqual(12);
    expect(text).toContain(`New critical and high: ${p.since.newCriticalHigh.count} (0 critical, 1 high)`);
    expect(text).toContain(`Fixed (remediated): ${p.since.fixed.count}`);
    expect(text).toContain("Expiring before the next meeting: 1");
    expect(text).toMatch(/Live review, not frozen/);
  });

  it("exports the same figures as CSV", async () => {
    const json = (await (await getJson(req("/api/review"))).json()) as LoadedReview;
    const csv = await (await getCsv(req("/api/review/csv"))).text();
    for (const h of reviewHeadline(json.payload)) expect(csv).toContain(`headline,${h.key},${h.label},count,${h.value ?? ""}\r\n`);
  });

  it("answers 400 with the field and reason for bad input", async () => {
    const bad = await getJson(req("/api/review?date=2026-02-30&weeks=x"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues).toEqual([
      { field: "date", message: "expected a date as YYYY-MM-DD, from 1970 to 9999" },
      { field: "weeks", message: "expected a number" },
    ]);
    expect((await getPdf(req("/api/review/pdf?group=owner"))).status).toBe(400);
    // Year 0000: JavaScript's dates take it, the database has no such day.
    expect((await (await getJson(req("/api/review?date=0000-01-01"))).json()).issues).toEqual([{ field: "date", message: "expected a date as YYYY-MM-DD, from 1970 to 9999" }]);
    const body = await createException(req("/api/review/exceptions", { method: "POST", body: "{" }));
    expect(body.status).toBe(400);
    const noReason = await createException(req("/api/review/exceptions", { method: "POST", body: JSON.stringify({ target: "finding", findingArn: "old1", owner: "x", expiresOn: today }) }));
    expect((await noReason.json()).issues).toEqual([{ field: "reason", message: "required" }]);
  });

  it("creates and revokes an exception through the API", async () => {
    const body = { target: "vulnerability", vulnerabilityId: "CVE-2026-1000", resourceIds: ["i-3", "i-4"], reason: "compensating WAF rule in place", owner: "payments", expiresOn: addDaysToDay(today, 60) };
    const created = await createException(req("/api/review/exceptions", { method: "POST", body: JSON.stringify(body) }));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const listed = await (await listExceptions(req("/api/review/exceptions"))).json();
    expect(listed.active.find((e: { id: number }) => e.id === id)).toMatchObject({ findings: 2, resourceIds: ["i-3", "i-4"] });
    const params = (v: string) => ({ params: Promise.resolve({ id: v }) });
    expect((await revoke(req(`/api/review/exceptions/${id}/revoke`, { method: "POST" }), params(String(id)))).status).toBe(200);
    expect((await revoke(req(`/api/review/exceptions/${id}/revoke`, { method: "POST" }), params(String(id)))).status).toBe(409);
    expect((await revoke(req("/api/review/exceptions/x/revoke", { method: "POST" }), params("x"))).status).toBe(404);
    expect((await revoke(req("/api/review/exceptions/999/revoke", { method: "POST" }), params("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });

  it("freezes once and then serves the frozen review, labelled", async () => {
    const first = await freeze(req("/api/review/freeze", { method: "POST", body: JSON.stringify({ meetingDate: today }) }));
    expect(first.status).toBe(201);
    const again = await freeze(req("/api/review/freeze", { method: "POST", body: JSON.stringify({ meetingDate: today }) }));
    expect(again.status).toBe(409);
    await insertFinding(t.pool, { arn: "late", accountId: A, firstObservedAt: daysAgo(1) });
    const json = (await (await getJson(req(`/api/review?date=${today}`))).json()) as LoadedReview;
    expect(json.frozenAt).not.toBeNull();
    expect(json.payload.since.newCriticalHigh.count).toBe(1); // "late" arrived after freezing
    const lines = (await pdfLines(new Uint8Array(await (await getPdf(req("/api/review/pdf"))).arrayBuffer()))).flat();
    expect(lines.some((l) => l.startsWith("Frozen on") && l.includes("by local admin") && l.includes("sha256"))).toBe(true);
  });

  it("refuses to freeze a meeting older than the grace and stores a correction as the next version", async () => {
    const old = await freeze(req("/api/review/freeze", { method: "POST", body: JSON.stringify({ meetingDate: addDaysToDay(today, -7) }) }));
    expect(old.status).toBe(400);
    expect((await old.json()).error).toMatch(/can no longer be frozen: a frozen review records what the meeting saw/);
    const body = JSON.stringify({ meetingDate: today, reason: "recomputed after the sync repaired account A" });
    const fix = await freeze(req("/api/review/freeze?correct=1", { method: "POST", body }));
    expect(fix.status).toBe(201);
    expect(await fix.json()).toMatchObject({ version: 2 });
    const json = (await (await getJson(req(`/api/review?date=${today}`))).json()) as LoadedReview;
    expect(json.frozen).toMatchObject({ version: 2, reason: "recomputed after the sync repaired account A", hashVerified: true });
    const csv = await (await getCsv(req(`/api/review/csv?date=${addDaysToDay(today, -7)}`))).text();
    expect(csv).toContain("Reconstruction, not a record");
  });
});
