// Builds explorer links from a filter: the one way pages, charts and the weekly review link
// into /findings. Defaults (status open, sort score, limit 50) are left out of the URL.
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import { defaultFindingsLimit, findingsFilterFieldNames } from "./findings-fields";
import type { FindingsFilter, FindingsFilterInput } from "./findings-filter";
import { alertRefText, type AlertRef } from "./alert-ref";

type TagValue = { key: string; value?: string };

function serialise(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => serialise(field, v));
  if (field === "tag" && typeof value === "object") {
    const t = value as TagValue;
    return [t.value === undefined ? t.key : `${t.key}:${t.value}`];
  }
  if (field === "alert" && typeof value === "object") return [alertRefText(value as AlertRef)];
  return [String(value)];
}

function isDefault(field: string, value: unknown): boolean {
  if (field === "status") return Array.isArray(value) && value.length === 1 && value[0] === OPEN_STATUS;
  if (field === "sort") return value === "score";
  if (field === "limit") return value === defaultFindingsLimit;
  return false;
}

export function findingsSearchParams(filter: FindingsFilterInput | FindingsFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of findingsFilterFieldNames) {
    const value = (filter as Record<string, unknown>)[field];
    if (isDefault(field, value)) continue;
    for (const v of serialise(field, value)) params.append(field, v);
  }
  return params;
}

/** `/findings?…` for a filter; pass `status: [...lifecycleStatuses]` for every status. */
export function findingsHref(filter: FindingsFilterInput | FindingsFilter = {}): string {
  const qs = findingsSearchParams(filter).toString();
  return qs ? `/findings?${qs}` : "/findings";
}

/** The same filter with some fields changed; any change other than the cursor resets paging. */
export function withFilter(filter: FindingsFilter, change: Partial<FindingsFilter>): FindingsFilter {
  const next = { ...filter, ...change };
  if (!("cursor" in change)) delete next.cursor;
  return next;
}

/** The finding detail page; the ARN is one encoded path segment (it contains ':' and '/'). */
export function findingHref(arn: string): string {
  return `/findings/${encodeURIComponent(arn)}`;
}

/** The CSV export of a filter: every matching row, so paging and grouping are dropped. */
export function findingsExportHref(filter: FindingsFilter): string {
  const qs = findingsSearchParams({ ...filter, cursor: undefined, group: undefined, limit: defaultFindingsLimit }).toString();
  return `/api/findings/export${qs ? `?${qs}` : ""}`;
}
