import Link from "next/link";
import { channelKindLabel } from "@/lib/alerts/channel-config";
import { alertChannels, alertRuleReach, alertRules } from "@/lib/alerts/app-store";
import { wholeOrganization } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollArea } from "@/components/ui/scroll-area";
import { ChannelForm } from "@/components/alerts/channel-form";
import { RuleForm } from "@/components/alerts/rule-form";
import { Delete, Paused, Toggle } from "@/components/alerts/alert-row-actions";
import { RulesTable } from "@/components/alerts/rules-table";
import { SendTestButton } from "@/components/alerts/send-test-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alerts" };

const th = "text-left text-xs uppercase text-muted";

export default async function Page() {
  const actor = await requirePermission("alerts");
  // A scoped admin lists and changes only rules within their admin scope, and uses channels without changing them.
  const [channels, rules] = await Promise.all([alertChannels(), alertRules(actor)]);
  const orgAdmin = wholeOrganization(actor, "alerts");
  const names = new Map(channels.map((c) => [c.id, c.name]));
  // A rule counts only accounts its maker still reaches with "alerts" (lib/alerts/rule-reach.ts).
  const reach = await Promise.all(rules.map(alertRuleReach));
  return (
    <>
      <PageHeader title="Alerts" subtitle="After each sync, every rule sends one digest per channel of what changed: new criticals, exploitable findings, SLA, coverage lost, failing syncs. Each finding alerts once per change. A rule counts only accounts its maker can still reach."
        actions={<Link href="/admin/alert-log" className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Delivery log</Link>} />
      <div className="space-y-5">
        <Card title="Channels">
          {/* As the rules table: with no channels a sentence stands in for headers with nothing under them. */}
          {channels.length === 0 ? <p className="mb-4 text-sm text-muted" data-testid="channels-empty">No channels yet.</p> : <ScrollArea label="Channels" className="mb-4"><table className="w-full text-sm [&_th]:whitespace-nowrap" data-testid="channels-table">
            <thead><tr className={th}><th className="py-1">Name</th><th>Kind</th><th>Target</th><th>Created</th><th><span className="sr-only">Send a test</span></th><th><span className="sr-only">Pause or resume</span></th><th><span className="sr-only">Delete</span></th></tr></thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.id} className="border-t border-line">
                  <td className="py-1.5 font-medium">{c.name}{!c.enabled && <Paused />}</td><td>{channelKindLabel[c.kind]}</td><td>{c.summary}</td>
                  <td>{c.createdAt.toISOString().slice(0, 10)} by {c.createdBy}</td>
                  {orgAdmin ? <><td><SendTestButton id={c.id} name={c.name} /></td><td><Toggle what="channel" id={c.id} name={c.name} enabled={c.enabled} /></td><td><Delete what="channel" id={c.id} /></td></> : <><td /><td /><td /></>}
                </tr>
              ))}
            </tbody>
          </table></ScrollArea>}
          {orgAdmin ? <ChannelForm /> : <p className="text-sm text-muted" data-testid="channels-scoped-note">Channels are shared by every rule: only a whole-organization admin adds, tests, pauses or deletes them. Your rules may use any of them.</p>}
        </Card>
        <Card title="Rules">
          {!orgAdmin && <p className="mb-3 text-sm text-muted" data-testid="rules-scoped-note">Your admin scope is limited to some accounts: only rules whose scope lies within it are listed. Whole-organization admins manage the others.</p>}
          <RulesTable rules={rules} reach={reach} channels={names} />
          <RuleForm channels={channels.map((c) => ({ id: c.id, name: c.name }))} wholeOrg={orgAdmin} />
        </Card>
      </div>
    </>
  );
}
