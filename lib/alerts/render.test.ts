// The renderers stay inside the published limits whatever the digest holds (checked by the same
// validators the local receivers use), and the email carries every item and the link.
import { describe, expect, it } from "vitest";
import { moreLine, type Digest } from "./digest";
import { emailMessage } from "./render-email";
import { slackMessage } from "./render-slack";
import { teamsMessage } from "./render-teams";
import { signature, verifySignature, webhookBody, webhookHeaders } from "./render-webhook";
import { slackProblems, teamsProblems } from "./test-support/payload-limits";

const big: Digest = {
  rule: "r", kind: "NEW_FINDINGS", heading: "H".repeat(400), total: 500, runId: 9, link: "https://app.example/findings?severity=CRITICAL",
  items: Array.from({ length: 40 }, (_, i) => ({ title: `CVE-2099-${i} <script>` + "x".repeat(4000), severity: "CRITICAL", accountId: "111122223333", detail: "d".repeat(500), link: `https://app.example/findings/${i}` })),
};

describe("renderers", () => {
  it("Slack: ≤50 blocks, header ≤150, sections ≤3000, escaped", () => {
    const m = slackMessage(big);
    expect(slackProblems(m)).toEqual([]);
    expect(JSON.stringify(m)).not.toContain("<script>");
    const huge = slackMessage({ ...big, items: [...big.items, ...big.items] });
    expect(slackProblems(huge)).toEqual([]);
  });

  it("Teams: one Adaptive Card with an Open-URL action", () => {
    const m = teamsMessage({ ...big, items: big.items.slice(0, 10) });
    expect(teamsProblems(m)).toEqual([]);
    expect(JSON.stringify(m)).toContain(big.link);
  });

  it("email: subject, every item, the link, HTML escaped", () => {
    const m = emailMessage({ ...big, items: big.items.slice(0, 3) });
    expect(m.subject.length).toBeLessThanOrEqual(200);
    expect(m.text).toContain("CVE-2099-2");
    expect(m.text).toContain("3 of 500 shown");
    expect(m.html).toContain("&lt;script&gt;");
    expect(m.html).toContain(big.link);
  });

  it("findings that alerted more than once: every channel says the alerts beside the findings, the webhook both fields", () => {
    const d: Digest = { ...big, heading: "10 findings (12 alerts) became exploitable or entered KEV — r", total: 12, findings: 10, items: big.items.slice(0, 3) };
    expect(moreLine(d)).toBe("3 of 12 alerts shown.");
    const email = emailMessage(d);
    expect(email.text).toContain("3 of 12 alerts shown.");
    expect(email.html).toContain("3 of 12 alerts shown.");
    for (const m of [slackMessage(d), teamsMessage(d)]) expect(JSON.stringify(m)).toContain("3 of 12 alerts shown.");
    expect(JSON.parse(webhookBody(d, "5"))).toMatchObject({ total: 12, findings: 10, heading: d.heading });
    // One alert per finding, or a digest queued before `findings` existed: as before.
    expect(moreLine({ ...d, total: 12, findings: 12 })).toBe("3 of 12 shown.");
    expect(moreLine({ ...d, findings: undefined })).toBe("3 of 12 shown.");
    expect(moreLine({ ...d, total: 3 })).toBeNull();
  });

  it("webhook: the signature verifies, a changed body or an old timestamp does not", () => {
    const h = webhookHeaders("k".repeat(32), "{}", "7");
    expect(verifySignature("k".repeat(32), h, "{}")).toBe(true);
    expect(verifySignature("k".repeat(32), h, "{ }")).toBe(false);
    expect(verifySignature("other-secret-000000", h, "{}")).toBe(false);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    expect(verifySignature("k".repeat(32), { ...h, "x-inspectorate-timestamp": old, "x-inspectorate-signature": signature("k".repeat(32), old, "{}") }, "{}")).toBe(false);
  });
});
