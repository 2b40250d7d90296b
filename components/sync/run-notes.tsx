// A run's notes on the Sync page: what the run could not read or chose to do (Organizations not
// readable, findings skipped by the mapper, a first load's bulk mode, accounts re-listed for integrity).
// They name accounts across the organization, so a viewer of part of it is told they exist, not shown them;
// AWS's words in a note (its `error`: a principal's ARN, an AccessDenied) reach admins of the whole
// organization as AWS wrote them and everyone else as their plain reason (lib/auth/error-text.ts, applied
// to the run by the page).
import { runNoteLabel, runNoteWarns, type VisibleNotes } from "@/lib/sync/run/run-notes";
import { StatusPill } from "@/components/ui/status-pill";
import { formatCount } from "@/components/ui/format";

const SHOWN = 30;

export function RunNotes({ notes }: { notes: VisibleNotes }) {
  const heading = <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Notes</h3>;
  if (!Array.isArray(notes)) {
    if (notes.hidden === 0) return null;
    return (
      <div className="text-sm" data-testid="sync-notes">
        {heading}
        <p className="mt-1 text-muted">{formatCount(notes.hidden)} {notes.hidden === 1 ? "note" : "notes"}: no access. Notes name accounts across the organization, so only viewers of the whole organization see them.</p>
      </div>
    );
  }
  if (!notes.length) return null;
  return (
    <div className="text-sm" data-testid="sync-notes">
      {heading}
      <ul className="mt-1 space-y-1">
        {notes.slice(0, SHOWN).map((n, i) => (
          <li key={i} className="break-words">
            <span className="mr-1.5"><StatusPill value={n.kind} label={runNoteLabel(n.kind)} tone={runNoteWarns(n.kind) ? "warn" : "neutral"} /></span>
            {n.region && <span className="mr-1 font-mono text-xs">{n.region}:</span>}
            {n.message}
            {n.error && <span className="text-muted">: {n.error}</span>}
          </li>
        ))}
      </ul>
      {notes.length > SHOWN && <p className="mt-1 text-xs text-muted">{formatCount(notes.length - SHOWN)} more notes not shown.</p>}
    </div>
  );
}
