import Link from "next/link";
import { overviewHref } from "@/lib/queries/posture/overview-href";
import type { OverviewFilter } from "@/lib/queries/posture/overview-filter";

/** Region chips as plain links: the overview re-renders on the server for the chosen region. */
export function RegionFilter({ regions, filter }: { regions: string[]; filter: OverviewFilter }) {
  const chip = (label: string, href: string, active: boolean) => (
    <Link key={label} href={href} aria-current={active ? "true" : undefined} className={`rounded-full px-2.5 py-1 text-xs font-semibold ${active ? "bg-ink text-white" : "bg-panel text-ink ring-1 ring-line hover:ring-accent"}`}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="Region" className="flex flex-wrap items-center gap-1.5">
      {chip("All regions", overviewHref({ ...filter, region: [] }), filter.region.length === 0)}
      {regions.map((r) => chip(r, overviewHref({ ...filter, region: [r] }), filter.region.length === 1 && filter.region[0] === r))}
    </nav>
  );
}
