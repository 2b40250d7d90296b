// One line saying what a review is, for the page, the PDF and the CSV: the frozen record (when,
// by whom, which version, its hash), today's live review, or a reconstruction of a past meeting
// that was never frozen (computed now from the cache: not what that meeting saw).
import { formatInstant } from "./format";

export interface ReviewStatusInput {
  kind: "frozen" | "live" | "reconstruction";
  frozenAt: string | null;
  frozen: { version: number; author: string | null; reason: string | null; contentHash: string | null; hashVerified: boolean | null } | null;
  payload: { meta: { generatedAt: string } };
}

export function reviewStatusLine(r: ReviewStatusInput): string {
  if (r.kind === "frozen" && r.frozenAt) {
    const f = r.frozen;
    const by = f?.author ? ` by ${f.author}` : "";
    const version = f && f.version > 1 ? ` · correction ${f.version}${f.reason ? `: ${f.reason}` : ""}` : "";
    const hash = f?.contentHash ? ` · sha256 ${f.contentHash.slice(0, 12)}…${f.hashVerified === false ? " DOES NOT MATCH the stored content" : ""}` : "";
    return `Frozen on ${formatInstant(r.frozenAt)}${by}${version}${hash}`;
  }
  if (r.kind === "reconstruction") {
    return `Reconstruction, not a record: this meeting was never frozen, so it was computed on ${formatInstant(r.payload.meta.generatedAt)} from the cache as it is now`;
  }
  return `Live review, not frozen (generated ${formatInstant(r.payload.meta.generatedAt)})`;
}
