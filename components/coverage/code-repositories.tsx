import Link from "next/link";
import type { Scope } from "@/lib/queries/scope";
import { getCodeRepositories, getCodeSetup } from "@/lib/queries/coverage/code-repositories";
import { explainScanStatusReason } from "@/lib/domain/scan-status-reasons";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { Card } from "@/components/ui/card";
import { ScrollArea } from "@/components/ui/scroll-area";
import { TableHead } from "@/components/ui/table-head";
import { formatAge } from "@/components/ui/format";

/** Code repositories (Inspector code security): what is scanned, by which set-up, with what found. */
export async function CodeRepositoriesLoader({ scope }: { scope: Scope }) {
  const [repos, setup] = await Promise.all([getCodeRepositories(scope), getCodeSetup()]);
  if (!repos.length && !setup.integrations.length) return null;
  return (
    <Card title="Code repositories" actions={<span id="code-repositories" className="text-xs text-muted">SAST, IaC and SCA scanning</span>}>
      <div className="mb-3 space-y-1 text-sm">
        {setup.integrations.map((i, n) => (
          <p key={n}><span className="font-semibold">{i.name ?? "(unnamed integration)"}</span> · {i.type ?? "—"} · {i.region} · {i.status ?? "—"}{i.status && i.status !== "ACTIVE" && i.status_reason ? `: ${i.status_reason}` : ""}</p>
        ))}
        {setup.configurations.map((c, n) => (
          <p key={n} className="text-muted">
            Scan configuration <span className="font-semibold text-ink">{c.name ?? "(unnamed)"}</span> ({c.region}): {c.rule_set_categories.join(", ") || "—"} · periodic {c.periodic_scan_frequency?.toLowerCase() ?? "—"} · on {c.continuous_events.map((e) => e.replace("_", " ").toLowerCase()).join(", ") || "—"} · {c.projects} project{c.projects === 1 ? "" : "s"}
          </p>
        ))}
      </div>
      <ScrollArea label="Code repositories">
        <table className="w-full text-sm" data-testid="code-repositories">
          <TableHead columns={["Repository", "Account", "Scan", { label: "Open findings", align: "right" }, { label: "Last scanned", align: "right" }]} />
          <tbody>
            {repos.map((r) => (
              <tr key={`${r.region}/${r.resource_id}`} className="border-b border-line/60">
                <td className="px-2 py-1.5"><span className="font-mono text-xs">{r.project ?? r.resource_id}</span><div className="text-[11px] text-muted">{r.provider ?? "—"} · {r.region}{r.last_commit ? ` · commit ${r.last_commit.slice(0, 8)}` : ""}</div></td>
                <td className="px-2 py-1.5"><Link prefetch={false} href={`/accounts/${r.account_id}`} className="hover:text-accent hover:underline">{r.account_name ?? r.account_id}</Link></td>
                <td className="px-2 py-1.5 text-xs">{r.scan_status_code === "ACTIVE" ? "scanned" : "not scanned"} · {explainScanStatusReason(r.scan_status_reason).label}</td>
                <td className="px-2 py-1.5 text-right tabular-nums"><Link prefetch={false} href={findingsHref({ resource: r.resource_id })} className="hover:underline">{r.open_findings}</Link></td>
                <td className="px-2 py-1.5 text-right text-xs">{r.last_scanned_at ? `${formatAge(r.last_scanned_at)} ago` : "never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Card>
  );
}
