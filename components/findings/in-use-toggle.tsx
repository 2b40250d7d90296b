"use client";
// The explorer's "In use only" switch: on by default (no inUse in the URL); off writes inUse=all.
// "Not in use" (inUse=idle) is a filter of its own in More filters; the switch then shows off.
import type { FindingsFilter } from "@/lib/queries/findings/findings-filter";
import { withFilter } from "@/lib/queries/findings/findings-href";

export function InUseToggle({ filter, navigate }: { filter: FindingsFilter; navigate: (f: FindingsFilter) => void }) {
  const on = filter.inUse === undefined || filter.inUse === "only";
  return (
    <button type="button" role="switch" aria-checked={on} data-testid="in-use-switch"
      title="Counts exclude findings on container images not running anywhere; images with unknown usage are included."
      onClick={() => navigate(withFilter(filter, { inUse: on ? "all" : undefined }))}
      className="inline-flex items-center gap-2 rounded-md border border-line bg-white px-2 py-1 text-sm font-semibold hover:border-accent">
      <span aria-hidden className={`relative inline-block h-4 w-7 rounded-full ${on ? "bg-accent" : "bg-line"}`}>
        <span className={`absolute top-0.5 h-3 w-3 rounded-full bg-white shadow ${on ? "left-3.5" : "left-0.5"}`} />
      </span>
      In use only
    </button>
  );
}
