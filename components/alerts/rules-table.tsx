// The alert rules of /admin/alerts. With no rules a sentence stands in for the table: eight column
// headers with nothing under them crowd a phone's width. Headers do not wrap; the table scrolls in
// its box instead, as the tokens table does.
import type { RuleReach } from "@/lib/alerts/rule-reach";
import type { StoredRule } from "@/lib/alerts/rule-config";
import { ruleKindLabel } from "@/lib/alerts/rule-config";
import { describeScopeRule } from "@/lib/auth/group-map";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Delete, Paused, Toggle } from "./alert-row-actions";

const reachText = (r: RuleReach | null) =>
  !r ? "nothing: its maker is gone or may no longer manage alerts" : r.accounts === "all" ? "whole organization" : `${r.accounts.length} ${r.accounts.length === 1 ? "account" : "accounts"}`;

/** `reach[i]`: what rules[i] counts now (rule-reach.ts); `channels`: channel names by id. */
export function RulesTable({ rules, reach, channels }: { rules: StoredRule[]; reach: (RuleReach | null)[]; channels: Map<number, string> }) {
  if (rules.length === 0) return <p className="mb-4 text-sm text-muted" data-testid="rules-empty">No rules yet.</p>;
  return (
    <ScrollArea label="Rules" className="mb-4"><table className="w-full text-sm [&_td]:px-2 [&_th]:px-2 [&_th]:whitespace-nowrap" data-testid="rules-table">
      <thead><tr className="text-left text-xs uppercase text-muted"><th className="py-1">Name</th><th>When</th><th>From severity</th><th>Scope</th><th>Counts now</th><th>Channels</th><th><span className="sr-only">Pause or resume</span></th><th><span className="sr-only">Delete</span></th></tr></thead>
      <tbody>
        {rules.map((r, i) => (
          <tr key={r.id} className="border-t border-line">
            <td className="py-1.5 font-medium">{r.name}{r.enabled === false && <Paused />}</td><td>{ruleKindLabel[r.kind]}</td><td>{r.minSeverity.toLowerCase()}</td>
            <td>{describeScopeRule(r.scope)}</td><td>{reachText(reach[i] ?? null)}</td><td>{r.channelIds.map((id) => channels.get(id) ?? "—").join(", ") || "—"}</td><td><Toggle what="rule" id={r.id} name={r.name} enabled={r.enabled !== false} /></td><td><Delete what="rule" id={r.id} /></td>
          </tr>
        ))}
      </tbody>
    </table></ScrollArea>
  );
}
