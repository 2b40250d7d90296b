// One rule's digest for one batch, as alert_deliveries stores it: the heading states what the link
// opens (a finding rule's distinct findings) and the alerts when more; `total` stays the alerts (the
// items, listed or not), and accountIds holds every account they concern, not only the listed ones.
import { digestCount } from "./digest-count";
import type { StoredDigest } from "./digest";
import type { StoredRule } from "./rule-config";
import type { Candidate, Evaluation } from "./rules/types";

export function buildDigest(rule: Pick<StoredRule, "name" | "kind" | "params">, ev: Evaluation, fresh: Candidate[], runId: number): StoredDigest {
  const count = digestCount(fresh);
  return {
    rule: rule.name, kind: rule.kind, heading: ev.heading(count), total: count.alerts,
    findings: ev.subjects === "findings" ? count.subjects : null,
    items: fresh.slice(0, rule.params.topN).map((c) => c.item), link: ev.link(fresh, runId), runId,
    accountIds: [...new Set(fresh.flatMap((c) => (c.item.accountId ? [c.item.accountId] : [])))].sort(),
  };
}
