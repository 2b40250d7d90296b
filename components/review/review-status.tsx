// Whether this review is the frozen record of the meeting (by whom, which version, hash checked),
// today's live computation, or a reconstruction of a past meeting that was never frozen.
import Link from "next/link";
import type { FrozenReview } from "@/lib/queries/review/frozen-reviews";
import { formatInstant } from "@/lib/review/format";
import { reviewHref, type ReviewParams } from "@/lib/review/review-params";
import { reviewStatusLine } from "@/lib/review/review-status";
import { CorrectForm } from "./correct-form";

type Frozen = Omit<FrozenReview, "payload">;
interface Props {
  frozen: Frozen | null;
  asOf: string;
  generatedAt: string;
  groupLabel: string;
  isToday: boolean;
  params: Pick<ReviewParams, "date" | "group" | "value" | "weeks" | "inUse">;
  /** Whether the reader may freeze and correct reviews (the freeze permission, over the whole organization). */
  mayFreeze: boolean;
}

export function ReviewStatus({ frozen, asOf, generatedAt, groupLabel, isToday, params, mayFreeze }: Props) {
  if (frozen) {
    const line = reviewStatusLine({ kind: "frozen", frozenAt: frozen.frozenAt, frozen, payload: { meta: { generatedAt } } });
    const newest = frozen.versions.at(-1)!.version;
    return (
      <div data-testid="frozen-label" className="mb-5 rounded-lg border border-[#5e9ccf] bg-[#eef5fb] px-4 py-2.5 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <span className="rounded bg-[#16213a] px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">Frozen</span>
          <span><strong>{line}</strong> — the record of this meeting, read-only, exactly as it was shown.</span>
          {frozen.hashVerified === false && <span role="alert" className="font-semibold text-[#b2182b]">The stored content no longer matches its hash.</span>}
        </div>
        {frozen.versions.length > 1 && (
          <p className="mt-1 text-xs" data-testid="review-versions">
            Versions:{" "}
            {frozen.versions.map((v) => (
              <span key={v.version} className="mr-2">
                {v.version === frozen.version ? <strong>{v.version}</strong> : <Link className="text-accent underline" href={reviewHref({ ...params, version: v.version === newest ? undefined : v.version })}>{v.version}</Link>}
                {" "}({formatInstant(v.createdAt)}{v.author ? `, ${v.author}` : ""}{v.reason ? `: ${v.reason}` : ""})
              </span>
            ))}
          </p>
        )}
        {mayFreeze && frozen.version === newest && <CorrectForm meetingDate={params.date} />}
      </div>
    );
  }
  const reconstruction = !isToday;
  return (
    <div data-testid={reconstruction ? "reconstruction-label" : "live-label"} className={`mb-5 flex flex-wrap items-center gap-2 rounded-lg border px-4 py-2.5 text-sm ${reconstruction ? "border-amber-400 bg-amber-50 text-amber-950" : "border-line bg-panel text-muted"}`}>
      <span className="rounded border border-current px-2 py-0.5 text-xs font-semibold uppercase tracking-wide">{reconstruction ? "Reconstruction" : "Live"}</span>
      <span>
        {groupLabel} · as of {formatInstant(asOf)}
        {reconstruction
          ? ` — this meeting was never frozen, so this is computed now (${formatInstant(generatedAt)}) from the cache, not what the meeting saw.`
          : mayFreeze ? " from the latest sync; freeze it at the meeting to keep this record." : " from the latest sync; it becomes the meeting's record once frozen."}
      </span>
    </div>
  );
}
