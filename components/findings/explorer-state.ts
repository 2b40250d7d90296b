"use client";
// The explorer's URL state on the client: the parsed filter from useSearchParams, navigation by
// history.pushState (Next keeps useSearchParams in sync) and the React Query fetch of /api/findings.
import { useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { parseFindingsFilter, type FindingsFilter } from "@/lib/queries/findings/findings-filter";
import { findingsHref, findingsSearchParams } from "@/lib/queries/findings/findings-href";
import type { ExplorerResult } from "@/lib/queries/findings/explorer-result";

export function useExplorerState(initial: { qs: string; result: ExplorerResult }) {
  const params = useSearchParams();
  const { filter, issues } = useMemo(() => parseFindingsFilter(new URLSearchParams(params.toString())), [params]);
  // Only valid fields go to the API, so one bad field never blanks the list.
  const apiQs = findingsSearchParams(filter).toString();
  const query = useQuery({
    queryKey: ["findings", apiQs],
    queryFn: async ({ signal }): Promise<ExplorerResult> => {
      const res = await fetch(`/api/findings?${apiQs}`, { signal });
      if (!res.ok) throw new Error(`The findings API answered ${res.status}`);
      return res.json();
    },
    initialData: apiQs === initial.qs ? initial.result : undefined,
    placeholderData: keepPreviousData,
  });
  const navigate = (next: FindingsFilter | string) => {
    window.history.pushState(null, "", typeof next === "string" ? next : findingsHref(next));
  };
  return { filter, issues, query, navigate };
}
