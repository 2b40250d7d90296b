"use client";
// The four trend charts, each drilling into the explorer (coverage into the coverage page)
// with the selected week, severity and review group in the URL.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { Card } from "@/components/ui/card";
import type { Trends } from "@/lib/queries/review/review-types";
import { closedInWeekHref, newInWeekHref, openWeekHref, type LinkGroup } from "@/lib/review/review-links";

// Recharts (~128 KB gzipped) loads after first paint, so the page's first load stays small.
const chartSkeleton = () => <div aria-hidden className="h-[220px] animate-pulse rounded bg-canvas" />;
const OpenBySeverityChart = dynamic(() => import("./open-by-severity-chart").then((m) => m.OpenBySeverityChart), { ssr: false, loading: chartSkeleton });
const FlowChart = dynamic(() => import("./flow-chart").then((m) => m.FlowChart), { ssr: false, loading: chartSkeleton });
const MttrChart = dynamic(() => import("./mttr-chart").then((m) => m.MttrChart), { ssr: false, loading: chartSkeleton });
const CoverageChart = dynamic(() => import("./coverage-chart").then((m) => m.CoverageChart), { ssr: false, loading: chartSkeleton });

export function TrendCards({ trends, group }: { trends: Trends; group: LinkGroup }) {
  const router = useRouter();
  const firstCoverage = trends.coverage.findIndex((w) => w.day);
  const hint = <span className="text-xs text-muted" data-no-print>Click a week to open its findings</span>;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:grid-cols-2 print:gap-3">
      <Card title="Open findings by severity" actions={hint}>
        <OpenBySeverityChart data={trends.open} onSelect={(w, s) => router.push(openWeekHref(group, w.weekEnd, s))} />
      </Card>
      <Card title="New vs closed per week" actions={hint}>
        <FlowChart data={trends.flow} onSelect={(w, k) => router.push(k === "opened" ? newInWeekHref(group, w.week, w.weekEnd) : closedInWeekHref(group, w.week, w.weekEnd, undefined, k))} />
      </Card>
      <Card title="Mean time to remediate (days)" actions={hint}>
        <MttrChart data={trends.mttr} onSelect={(w) => router.push(closedInWeekHref(group, w.week, w.weekEnd, undefined, "remediated"))} />
      </Card>
      <Card title="Scan coverage" actions={<span className="text-xs text-muted" data-no-print>Click to open coverage</span>}>
        <CoverageChart data={trends.coverage} onSelect={() => router.push(group.kind === "account" && group.value ? `/coverage?account=${group.value}` : "/coverage")} />
        {firstCoverage > 0 && (
          <p className="mt-2 text-xs text-muted">
            No coverage before the week of {trends.coverage[firstCoverage].label}: the cache records coverage from its first sync on (Inspector keeps no history of it).
          </p>
        )}
      </Card>
    </div>
  );
}
