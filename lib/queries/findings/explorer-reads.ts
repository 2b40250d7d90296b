// The explorer's answer as the page and /api/findings serve it: memoised per scope and filter until the
// data changes (explorerMemo: a sync run, or any write to findings, accounts or account_regions), except
// an alert filter's. Viewers asking the same question at once share one computation: a weekly review's
// 50 attendees opening one link run its grouped count once, not 50 times over a pool of 10 connections
// (at 1M findings that queue ran past the pool's 15 s wait).
import type { Scope } from "@/lib/queries/scope";
import { explorerMemo } from "@/lib/queries/posture/sync-version";
import type { FindingsFilter } from "./findings-filter";
import { getExplorerResult, type ExplorerResult } from "./explorer-result";

export function explorerResult(scope: Scope, filter: FindingsFilter): Promise<ExplorerResult> {
  // A digest's alert=<rule>:<run> reads alert_sent, which the alerts worker writes after the run without
  // moving the data version: an answer remembered before that (a link opened early, by hand) would stay
  // empty. Those pages are a digest's readers, few, and their query reads one run's rows by index.
  if (filter.alert) return getExplorerResult(scope, filter);
  return explorerMemo().get(`explorer:${JSON.stringify([scope, filter])}`, (version) => getExplorerResult(scope, filter, version));
}
