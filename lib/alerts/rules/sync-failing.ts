// Sync failing: the last N finished runs all FAILED. Alerts once per failing streak (keyed by the
// streak's first run) and again after a run succeeded and a new streak began. The run's error is
// AWS's text only for a maker who would see it in the app (lib/auth/error-text.ts).
import { errorForActor } from "@/lib/auth/error-text";
import type { Evaluator } from "./types";

export const syncFailing: Evaluator = async (c) => {
  const { rows } = (await c.tx.query(
    `SELECT id, outcome, error FROM sync_runs WHERE outcome <> 'RUNNING' AND id <= $1 ORDER BY id DESC LIMIT 500`,
    [c.batch.toRunId],
  )) as { rows: { id: number; outcome: string; error: string | null }[] };
  const streak: typeof rows = [];
  for (const r of rows) {
    if (r.outcome !== "FAILED") break;
    streak.push(r);
  }
  const failing = streak.length >= c.rule.params.runs;
  const first = streak[streak.length - 1];
  const key = first ? `FAILING:${first.id}` : "";
  return {
    candidates: failing ? [{
      subject: "sync", transition: key,
      item: { title: `The last ${streak.length} sync runs failed`, severity: null, accountId: null, detail: (errorForActor(c.maker, streak[0].error) ?? "no error recorded").slice(0, 300), link: `${c.appUrl}/sync` },
    }] : [],
    heading: () => `Sync failing — ${c.rule.name}`,
    link: () => `${c.appUrl}/sync`,
    recovered: (alerted) => alerted.filter((k) => k !== `sync\n${key}`),
  };
};
