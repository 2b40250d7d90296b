"use client";
// "Sync now" and live progress: POST /api/sync starts a run; React Query polls GET /api/sync
// every second while one runs, and the server-rendered history refreshes when it ends.
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { formatCount, formatDateTime } from "@/components/ui/format";
import { StatusPill } from "@/components/ui/status-pill";
import type { SyncStatus } from "@/lib/sync/sync-status";
import { runPhaseLabel } from "./run-phase-label";

async function readStatus(): Promise<SyncStatus> {
  const res = await fetch("/api/sync", { cache: "no-store" });
  if (!res.ok) throw new Error(`GET /api/sync answered ${res.status}`);
  return res.json();
}

/** `notAllowed`: why the reader's role may not start a run (it lacks the "sync" permission), when it
 *  may not: the button is then disabled and says so, rather than being refused after a click. */
export function SyncNowPanel({ notAllowed }: { notAllowed?: string }) {
  const router = useRouter();
  const status = useQuery({ queryKey: ["sync-status"], queryFn: readStatus, refetchInterval: (q) => (q.state.data?.running ? 1000 : 10_000), staleTime: 0, retry: 1 });
  const start = useMutation({
    mutationFn: async () => {
      const res = await fetch("/api/sync", { method: "POST" });
      const body = await res.json().catch(() => ({}));
      if (!res.ok && res.status !== 409) throw new Error((body as { error?: string }).error ?? `POST /api/sync answered ${res.status}`);
      return body;
    },
    onSettled: () => status.refetch(),
  });
  const wasRunning = useRef(false);
  const running = status.data?.running ?? false;
  useEffect(() => {
    if (wasRunning.current && !running) router.refresh();
    wasRunning.current = running;
  }, [running, router]);
  const p = status.data?.progress;
  return (
    <div className="rounded-lg border border-line bg-panel p-4 shadow-sm" data-testid="sync-now-panel">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => start.mutate()}
          disabled={!!notAllowed || running || start.isPending || status.isError}
          aria-describedby={notAllowed ? "sync-not-allowed" : undefined}
          className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {running ? "Syncing…" : start.isPending ? "Starting…" : "Sync now"}
        </button>
        <p className="min-w-0 text-sm [overflow-wrap:anywhere]" aria-live="polite">
          {status.isError ? <span className="text-red-800">{status.error.message}</span> : running && p ? (
            <>
              Run {p.runId ?? "…"} · {runPhaseLabel[p.phase]} · <span className="tabular-nums">{formatCount(p.findings)}</span> findings
              {p.findingsPerSecond > 0 && <span className="text-muted"> · {formatCount(Math.round(p.findingsPerSecond))}/s</span>}
              {p.etaSeconds !== null && <span className="text-muted"> · about {Math.ceil(p.etaSeconds)} s left</span>}
              {p.throttled > 0 && <span className="text-amber-800"> · throttled {p.throttled}×</span>}
            </>
          ) : status.data?.lastRun ? (
            <>
              Last run #{status.data.lastRun.id} <StatusPill value={status.data.lastRun.outcome} />
              {status.data.lastRun.finishedAt && <span className="text-muted"> finished {formatDateTime(status.data.lastRun.finishedAt)}</span>}
              {status.data.lastRun.error && <span className="text-red-800"> · {status.data.lastRun.error}</span>}
            </>
          ) : (
            <span className="text-muted">No sync running.</span>
          )}
        </p>
        {start.isError && <p role="alert" className="text-sm text-red-800">{start.error.message}</p>}
      </div>
      {notAllowed && <p id="sync-not-allowed" className="mt-2 text-sm text-muted">{notAllowed}</p>}
      {running && p && p.regions.length > 0 && (
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {p.regions.map((r) => {
            const pct = r.partitionsTotal ? Math.round((r.partitionsDone / r.partitionsTotal) * 100) : r.phase === "done" ? 100 : 0;
            return (
              <li key={r.region} className="rounded-md bg-canvas px-3 py-2 text-xs">
                <div className="flex justify-between"><span className="font-mono font-semibold">{r.region}</span><span>{r.phase}</span></div>
                <div className="mt-1 h-1.5 overflow-hidden rounded bg-line"><div className={`h-full ${r.phase === "failed" ? "bg-red-700" : "bg-accent"}`} style={{ width: `${pct}%` }} /></div>
                <div className="mt-1 text-muted">{formatCount(r.findings)} findings{r.expectedFindings ? ` of ~${formatCount(r.expectedFindings)}` : ""}{r.error && <span className="text-red-800"> · {r.error}</span>}</div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
