import Link from "next/link";
import { getOtherResources, type OtherResources, type RelatedFindingRow } from "@/lib/queries/findings/finding-detail";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { log } from "@/lib/ops/logger";
import type { Scope } from "@/lib/queries/scope";
import { findingHref, findingsHref } from "@/lib/queries/findings/findings-href";
import { resourceTypeLabel, type ResourceType } from "@/lib/domain/finding-enums";
import { findingKeyLabel } from "@/lib/domain/finding-key-label";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { formatCount, formatScore } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";

/** Other open resources with the same key (this finding's own other resources included): the blast radius of one fix. */
export function RelatedFindings({ rows, total, capped, vulnerabilityId }: { rows: RelatedFindingRow[]; total: number; capped: boolean; vulnerabilityId: string }) {
  if (!total) return <p className="text-sm text-muted">No other open resource has {findingKeyLabel(vulnerabilityId)}.</p>;
  return (
    <div className="space-y-2">
      <ScrollArea label="Other resources">
      <table className="w-full text-sm">
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.arn}#${r.position}`} className="border-b border-line/60 last:border-0">
              <td className="py-1 pr-2"><SeverityBadge severity={r.severity} compact /></td>
              <td className="py-1 pr-2 text-right tabular-nums">{formatScore(r.inspector_score)}</td>
              <td className="max-w-[16rem] truncate py-1 pr-2 font-mono text-xs" title={r.resource_id}>
                <Link prefetch={false} href={findingHref(r.arn)} className="hover:text-accent hover:underline">{r.resource_name ?? r.resource_id}</Link>
              </td>
              <td className="py-1 pr-2 text-xs text-muted">{resourceTypeLabel[r.resource_type as ResourceType] ?? r.resource_type}</td>
              <td className="py-1 text-xs">{r.account_name ?? r.account_id} · {r.region}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollArea>
      <Link href={findingsHref({ cve: vulnerabilityId })} className="text-sm font-semibold text-accent hover:underline">
        All open findings for {findingKeyLabel(vulnerabilityId)} ({formatCount(total)}{capped && "+"} other resources) »
      </Link>
    </div>
  );
}

/** Reads the other resources after the finding has painted (wrapped in Suspense by the page). A
 *  failure here is said in this section, logged by kind; the finding above it stays on screen. */
export async function RelatedFindingsLoader({ scope, finding }: { scope: Scope; finding: Parameters<typeof getOtherResources>[1] }) {
  let other: OtherResources;
  try {
    other = await getOtherResources(scope, finding);
  } catch (err) {
    log().error({ component: "finding-detail", kind: internalErrorKind(err) }, "other resources could not be read");
    return (
      <p role="alert" className="text-sm" data-testid="other-resources-error">
        The other resources with {findingKeyLabel(finding.finding_key)} could not be read just now. Everything else on this page is complete; reload to try again.
      </p>
    );
  }
  return <RelatedFindings rows={other.rows} total={other.total} capped={other.capped} vulnerabilityId={finding.finding_key} />;
}
