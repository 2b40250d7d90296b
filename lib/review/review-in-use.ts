// Which "In use only" choice (lib/domain/in-use.ts) a review was computed with, and how to say it.
// Reviews frozen before the switch existed counted every image, so a record without it reads
// as "all", labelled as such: it is what they counted, not a default.
import type { ReviewInUse } from "./review-params";

export function recordedInUse(meta: { inUse?: ReviewInUse }): { mode: ReviewInUse; recorded: boolean } {
  return meta.inUse ? { mode: meta.inUse, recorded: true } : { mode: "all", recorded: false };
}

/** One line for the page, the CSV header and the PDF. */
export function inUseLine(meta: { inUse?: ReviewInUse }): string {
  const { mode, recorded } = recordedInUse(meta);
  if (!recorded) return "All images (frozen before the in-use switch existed: every image counted)";
  return mode === "only"
    ? "In use only (findings on container images running nowhere today are left out; unknown usage counts)"
    : "All images (including container images running nowhere)";
}
