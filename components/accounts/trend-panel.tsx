"use client";
// Loads Recharts only on the account page, after first paint; clicking a day opens the findings
// first seen that day.
import { lifecycleStatuses } from "@/lib/domain/lifecycle";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import type { Severity } from "@/lib/domain/severity";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import type { TrendPoint } from "@/components/charts/trend-chart";

const TrendChart = dynamic(() => import("@/components/charts/trend-chart").then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <div aria-hidden className="h-[340px] animate-pulse rounded bg-canvas" />,
});

export function TrendPanel({ accountId, points, severities }: { accountId: string; points: TrendPoint[]; severities: Severity[] }) {
  const router = useRouter();
  if (!points.length) return <p className="text-sm text-muted">No daily snapshots yet: the trend starts with the first day synced.</p>;
  return (
    <TrendChart
      data={points}
      severities={severities}
      onSelect={(day) => router.push(findingsHref({ account: [accountId], firstSeenFrom: day, firstSeenTo: day, status: [...lifecycleStatuses], inUse: "all" }))}
    />
  );
}
