// Done when: a sync bringing new critical findings sends, per rule, one Slack digest, one Teams
// card, one signed webhook and one email to local receivers, each naming the findings and linking
// to the explorer filter; the delivery log shows them. The sync commits and its process "dies"
// before any alert work: a fresh instance (own pool) delivers once, and a second pass sends nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeQuotedPrintable, setAlertTestEnv } from "./test-support/alert-env";
import { localActor } from "@/lib/auth/local-actor";
import { createDatabase } from "@/lib/db/client";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import { createChannel } from "./channel-store";
import { listDeliveries } from "./delivery-log";
import { createRule } from "./rule-store";
import { runAlertsOnce } from "./run-alerts";
import { startHttpReceiver, startSmtpReceiver } from "./test-support/receivers";

const policy = setAlertTestEnv();
const secret = "h".repeat(40);
const app = "https://inspectorate.example";
let w: SyncWorld;
let rx: Awaited<ReturnType<typeof startHttpReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const cves = ["CVE-2099-0001", "CVE-2099-0002", "CVE-2099-0003"];

beforeAll(async () => {
  [rx, smtp] = await Promise.all([startHttpReceiver({ webhookSecret: secret }), startSmtpReceiver()]);
  w = await startSyncWorld({ regions: ["us-east-1"], accounts: 4, findings: 120, now: new Date() });
  await w.sync();
  await runAlertsOnce(w.database.pool, app, { policy }); // no rules yet: the first sync's findings are history
}, 120_000);
afterAll(async () => { await rx?.close(); await smtp?.close(); await w?.close(); });

const push = async (accountId: string, repository: string, ids: string[]) =>
  (await fetch(`${w.emu.url}/_emulator/ecr/push`, { method: "POST", body: JSON.stringify({ accountId, repository, scanDelaySeconds: 0, packages: [{ name: "libdemo", version: "1.0.0", vulnerabilities: ids.map((id) => ({ id, severity: "CRITICAL", cvss: 9.8 })) }] }) })).json();

describe("alerts after a sync", () => {
  it("3 new criticals in 2 accounts: one digest per rule and channel, delivered once after a restart", async () => {
    const pool = w.database.pool;
    const kinds = [["SLACK", { url: `${rx.url}/slack` }], ["TEAMS", { url: `${rx.url}/teams` }], ["WEBHOOK", { url: `${rx.url}/webhook`, signingSecret: secret }],
      ["EMAIL", { host: "127.0.0.1", port: smtp.port, from: "alerts@inspectorate.example", to: ["sec@example.com"] }]] as const;
    const channels = await Promise.all(kinds.map(([kind, c]) => createChannel(pool, localActor, { name: kind.toLowerCase(), config: { kind, ...c } })));
    const [a, b] = w.emu.accountIds().filter((id) => id !== w.emu.adminAccountId && id !== w.emu.managementAccountId);
    const channelIds = channels.map((c) => c.id);
    const orgRule = await createRule(pool, localActor, { name: "New criticals", kind: "NEW_FINDINGS", minSeverity: "CRITICAL", scope: "all", channelIds });
    const teamRule = await createRule(pool, localActor, { name: "Team A", kind: "NEW_FINDINGS", minSeverity: "HIGH", scope: { accounts: [a] }, channelIds });
    await push(a, "alerts/one", cves.slice(0, 2));
    await push(b, "alerts/two", cves.slice(2));
    const run = await w.sync();
    expect(run.outcome).toBe("SUCCEEDED");
    expect(rx.received).toHaveLength(0); // the sync knows nothing about alerts

    const fresh = createDatabase(w.database.url, 2); // the restarted process
    try {
      expect(await runAlertsOnce(fresh.pool, app, { policy })).toEqual({ planned: 8, sent: 8, failed: 0 });
      expect(await runAlertsOnce(fresh.pool, app, { policy })).toEqual({ planned: 0, sent: 0, failed: 0 });
    } finally {
      await fresh.close();
    }
    for (const path of ["/slack", "/teams", "/webhook"]) {
      expect(rx.received.filter((r) => r.path === path).map((r) => [r.status, r.problems])).toEqual([[200, []], [200, []]]);
    }
    expect(smtp.mails).toHaveLength(2);
    const all = [...rx.received.map((r) => r.body), ...smtp.mails.map((m) => decodeQuotedPrintable(m.raw))];
    const orgWide = all.filter((t) => t.includes("New criticals"));
    const teamA = all.filter((t) => t.includes("Team A"));
    expect(orgWide).toHaveLength(4);
    expect(teamA).toHaveLength(4);
    for (const text of orgWide) {
      for (const cve of cves) expect(text).toContain(cve);
      // Exactly the alerted findings (the explorer's alert filter), not their accounts' others.
      expect(text).toContain(`${app}/findings?alert=${orgRule.id}%3A${run.runId}`);
    }
    for (const text of teamA) {
      expect(text).toContain(cves[0]);
      expect(text).not.toContain(cves[2]);
      expect(text).toContain(`${app}/findings?alert=${teamRule.id}%3A${run.runId}`);
    }
    const log = await listDeliveries(pool, 50);
    expect(log.filter((d) => d.status === "SENT").map((d) => d.channelKind).sort()).toEqual(["EMAIL", "EMAIL", "SLACK", "SLACK", "TEAMS", "TEAMS", "WEBHOOK", "WEBHOOK"]);
  }, 120_000);

  it("the next sync without changes alerts nothing again (dedup on finding + transition)", async () => {
    await w.sync({ full: true });
    expect(await runAlertsOnce(w.database.pool, app, { policy })).toEqual({ planned: 0, sent: 0, failed: 0 });
  }, 60_000);
});
