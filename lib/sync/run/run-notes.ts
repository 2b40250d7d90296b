// A run's notes as read back from sync_runs.notes (JSON written by this or an older version): each a
// kind, an optional region, a message and, where AWS refused or failed something, AWS's own words. An entry of another shape is left out, not shown garbled;
// a kind this version does not name is kept and shown as a plain note.
import { z } from "zod";
import type { RunNote } from "../context";
import { seesWholeOrg, type Scope } from "@/lib/queries/scope";

const storedNote = z.object({ kind: z.string().min(1), region: z.string().optional(), message: z.string().min(1), error: z.string().min(1).optional() });

export type StoredRunNote = Omit<RunNote, "kind"> & { kind: RunNote["kind"] | (string & {}) };

export function runNotesFromJson(json: unknown): StoredRunNote[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((n) => {
    const parsed = storedNote.safeParse(n);
    return parsed.success ? [parsed.data] : [];
  });
}

/** What of a run's notes a viewer may see: every note for a viewer of the whole organization; for anyone
 *  else only how many there are, since notes name accounts across the organization. */
export type VisibleNotes = StoredRunNote[] | { hidden: number };
export const notesForScope = (notes: StoredRunNote[], scope: Scope): VisibleNotes => (seesWholeOrg(scope) ? notes : { hidden: notes.length });

const LABELS: Record<RunNote["kind"], string> = {
  demo: "Demo", organizations: "Organizations", backfill: "Backfill", coverage: "Coverage", integrity: "Integrity",
  "delegated-admin": "Delegated admin", mapping: "Findings skipped", region: "Region", "bulk-load": "First load", clock: "Clock",
  lifecycle: "Account lifecycle", enrichment: "Finding details", configuration: "Configuration",
};

/** The label a note's kind is shown under. */
export const runNoteLabel = (kind: string) => (Object.hasOwn(LABELS, kind) ? LABELS[kind as RunNote["kind"]] : "Note");

/** Kinds that say something was not read or not written: data the views may lack. */
const WARNS = new Set<string>(["organizations", "mapping", "configuration", "delegated-admin", "clock", "coverage"]);
export const runNoteWarns = (kind: string) => WARNS.has(kind);
