import Link from "next/link";
import { Suspense } from "react";
import { CodeSnippetLoader } from "@/components/findings/detail/code-snippet";
import { notFound } from "next/navigation";
import { scopeForRequest } from "@/lib/queries/scope";
import { getFindingDetail } from "@/lib/queries/findings/finding-detail";
import { mapCode, mapNetwork, mapPackages, mapReferences, mapScores } from "@/lib/queries/findings/finding-raw-mapper";
import { mapRemediation, mapResources, mapVulnerability } from "@/lib/queries/findings/finding-resource-mapper";
import { findingTypeLabel, type FindingType } from "@/lib/domain/finding-enums";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { StatusPill } from "@/components/ui/status-pill";
import { formatDateTime } from "@/components/ui/format";
import { DetailSection, Facts } from "@/components/findings/detail/detail-section";
import { PackagesTable } from "@/components/findings/detail/packages-table";
import { ScorePanel } from "@/components/findings/detail/score-panel";
import { NetworkPath } from "@/components/findings/detail/network-path";
import { CodeLocation } from "@/components/findings/detail/code-location";
import { StatusHistory } from "@/components/findings/detail/status-history";
import { RelatedFindingsLoader } from "@/components/findings/detail/related-findings";
import { GoneNotice } from "@/components/findings/detail/gone-notice";
import { ResourcePanel } from "@/components/findings/detail/resource-panel";
import { findingKeyLabel } from "@/lib/domain/finding-key-label";
import { getFindingUsage } from "@/lib/queries/findings/image-usage";
import { providerLabel } from "@/lib/queries/posture/provider-rows";
import { ImageUsagePanel } from "@/components/usage/image-usage-panel";
import { getVulnerabilityIntel } from "@/lib/queries/kev/vulnerability-intel";
import { slaUsesKevDue } from "@/lib/queries/kev/kev-sla-setting";
import { effectiveDueAt } from "@/lib/review/sla-kev";
import { slaDays } from "@/lib/env";
import type { Severity } from "@/lib/domain/severity";
import { ExploitationPanel } from "@/components/findings/detail/exploitation-panel";
import { KevBadge } from "@/components/findings/kev-badge";

export const dynamic = "force-dynamic";

const exploitLabel: Record<string, string> = { YES: "Available", NO: "None known", NA: "Not applicable (Inspector gives none)" };
const sinceSource: Record<string, string> = { LAST_KNOWN_EXPLOIT: " (Inspector's last known exploit)", CACHE_FIRST_SAW: " (first seen exploitable by this cache)" };

type Props = { params: Promise<{ arn: string }> };

// Next hands over the segment still percent-encoded when it holds an encoded "/".
const arnOf = (segment: string) => (segment.includes("%") ? decodeURIComponent(segment) : segment);

export async function generateMetadata({ params }: Props) {
  const arn = arnOf((await params).arn);
  return { title: `Finding ${arn.split("/").pop()?.slice(0, 8) ?? ""}` };
}

export default async function Page({ params }: Props) {
  const arn = arnOf((await params).arn);
  const scope = await scopeForRequest();
  const [detail, usage] = await Promise.all([getFindingDetail(scope, arn), getFindingUsage(scope, arn)]);
  if (!detail) notFound();
  const { finding: f, events } = detail;
  const raw = f.raw;
  const packages = mapPackages(raw), scores = mapScores(raw), network = mapNetwork(raw), code = mapCode(raw);
  const intel = f.type === "PACKAGE_VULNERABILITY" ? await getVulnerabilityIntel(f.vulnerability_id) : undefined;
  const useKevDue = slaUsesKevDue();
  const kevDue = intel?.inKev ? intel.kevDateDue : null;
  const sla = effectiveDueAt({ firstObservedAt: f.first_observed_at, severity: f.severity as Severity, kevDateDue: kevDue }, slaDays(), useKevDue);
  const resources = mapResources(raw), remediation = mapRemediation(raw), vuln = mapVulnerability(raw), references = mapReferences(raw);
  return (
    <article className="space-y-5">
      <header>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted">
          <Link href="/findings" className="hover:text-accent">Findings</Link> ›{" "}
          <Link href={`/findings?cve=${encodeURIComponent(f.finding_key)}`} className="hover:text-accent">{findingKeyLabel(f.finding_key)}</Link>
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={f.severity} />
          <StatusPill value={f.status} />
          {intel?.inKev && <KevBadge due={kevDue?.toISOString()} />}
          {f.exploit_available === "YES" && <span className="rounded bg-red-700 px-1.5 py-0.5 text-[11px] font-bold uppercase text-white">exploit available</span>}
          <span className="text-sm text-muted">{findingTypeLabel[f.type as FindingType] ?? f.type}</span>
        </div>
        <h1 className="mt-2 text-xl font-semibold tracking-tight wrap-anywhere sm:text-2xl">{f.title}</h1>
        <p className="mt-1 break-all font-mono text-xs text-muted">{f.arn}</p>
        <GoneNotice finding={f} />
      </header>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-5">
          <DetailSection title="Description">
            <p className="text-sm leading-relaxed wrap-anywhere">{(raw.description as string | undefined) ?? "—"}</p>
            {(remediation.text || remediation.url) && (
              <p className="mt-3 text-sm wrap-anywhere">
                <span className="font-semibold">Recommendation: </span>
                {remediation.text}
                {remediation.url && <a href={remediation.url} target="_blank" rel="noreferrer" className="ml-1 text-accent underline">Read more</a>}
              </p>
            )}
          </DetailSection>
          {f.type === "PACKAGE_VULNERABILITY" && (
            <DetailSection title="Known exploitation" id="exploitation">
              <ExploitationPanel intel={intel} sla={sla} useKevDue={useKevDue} listedEpss={scores.epss} />
            </DetailSection>
          )}
          {packages.length > 0 && <DetailSection title="Vulnerable packages" id="packages"><PackagesTable packages={packages} /></DetailSection>}
          {network && <DetailSection title="Network path"><NetworkPath network={network} /></DetailSection>}
          {code && <DetailSection title="Code location"><CodeLocation code={code} /></DetailSection>}
          {code && f.type === "CODE_VULNERABILITY" && (
            <DetailSection title="Code snippet" id="snippet">
              <Suspense fallback={<p className="text-sm text-muted">Asking Inspector for the code…</p>}>
                <CodeSnippetLoader arn={f.arn} region={f.region} startLine={code.startLine} endLine={code.endLine} />
              </Suspense>
            </DetailSection>
          )}
          {(scores.inspectorScore !== undefined || scores.cvss.length > 0) && <DetailSection title="Scores"><ScorePanel scores={scores} /></DetailSection>}
          <DetailSection title={`Other resources with ${findingKeyLabel(f.finding_key)}`} id="other-resources">
            <Suspense fallback={<p className="text-sm text-muted" data-testid="other-resources-loading">Finding other open resources with {findingKeyLabel(f.finding_key)}…</p>}>
              <RelatedFindingsLoader scope={scope} finding={{ arn: f.arn, finding_key: f.finding_key, related_vulnerabilities: f.related_vulnerabilities, resource_id: f.resource_id }} />
            </Suspense>
          </DetailSection>
          <details className="min-w-0 rounded-lg border border-line bg-panel p-4 shadow-sm sm:p-5">
            <summary className="cursor-pointer text-sm font-semibold uppercase tracking-wide text-muted">Raw Inspector finding (JSON)</summary>
            <pre className="mt-3 max-h-[32rem] overflow-auto whitespace-pre-wrap rounded-md bg-canvas p-3 text-xs wrap-anywhere">{JSON.stringify(raw, null, 2)}</pre>
          </details>
        </div>
        <aside className="min-w-0 space-y-5">
          <DetailSection title="Where">
            <Facts items={[
              ["Account", <Link key="a" href={`/accounts/${f.account_id}`} className="text-accent hover:underline">{f.account_name ?? f.account_id} <span className="font-mono text-xs">{f.account_id}</span></Link>],
              ["Owner", f.account_owner ?? "—"],
              ["Contact", f.account_contact ?? "—"],
              ["OU", f.account_ou ?? "—"],
              ["Region", f.region],
              ...(usage && usage.provider !== "AWS" ? [["Cloud", `${providerLabel(usage.provider)} · ${usage.provider_account_id ?? "account unknown"}`] as [string, string]] : []),
            ]} />
          </DetailSection>
          {usage?.resource_type === "AWS_ECR_CONTAINER_IMAGE" && <ImageUsagePanel usage={usage} />}
          <DetailSection title={resources.length > 1 ? `Resources (${resources.length})` : "Resource"}>
            <div className="divide-y divide-line [&>*]:py-3 [&>*:first-child]:pt-0">
              {resources.map((r, i) => <ResourcePanel key={`${i}:${r.id}`} resource={r} />)}
            </div>
          </DetailSection>
          <DetailSection title="Dates">
            <Facts items={[
              ["First seen", formatDateTime(f.first_observed_at)],
              ["Last seen", formatDateTime(f.last_observed_at)],
              ["Updated", formatDateTime(f.updated_at)],
              ["Closed", formatDateTime(f.closed_at)],
              ["No longer reported", formatDateTime(f.gone_at)],
              ["Exploit", exploitLabel[f.exploit_available ?? "NA"] ?? f.exploit_available],
              [`Exploitable since${sinceSource[f.exploit_since_source ?? ""] ?? ""}`, formatDateTime(f.exploit_since)],
              ["Last known exploit", formatDateTime(vuln.lastKnownExploitAt)],
              ["Published", formatDateTime(vuln.vendorCreatedAt)],
              ["Vendor updated", formatDateTime(vuln.vendorUpdatedAt)],
            ]} />
          </DetailSection>
          <DetailSection title="Status history"><StatusHistory events={events} /></DetailSection>
          {references.length > 0 && (
            <DetailSection title="References">
              <ul className="space-y-1 text-sm">
                {references.map((u) => (
                  <li key={u} className="wrap-anywhere"><a href={u} target="_blank" rel="noreferrer" className="text-accent hover:underline">{u.replace(/^https?:\/\//, "")}</a></li>
                ))}
              </ul>
              {vuln.related.length > 0 && <p className="mt-2 text-xs text-muted wrap-anywhere">Related: {vuln.related.join(", ")}</p>}
            </DetailSection>
          )}
        </aside>
      </div>
    </article>
  );
}
