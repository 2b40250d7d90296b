// The review's "In use only" switch: the overview's component, linking to the same review with the
// other choice in the URL. A frozen review shows the choice it was recorded with, locked.
import { Suspense } from "react";
import type { Scope } from "@/lib/queries/scope";
import { reviewHref, type ReviewParams } from "@/lib/review/review-params";
import { inUseLine, recordedInUse } from "@/lib/review/review-in-use";
import type { ReviewMeta } from "@/lib/queries/review/review-types";
import { InUseSwitch } from "@/components/usage/in-use-switch";
import { InUseSwitchLoader } from "@/components/usage/in-use-switch-loader";

type Params = Pick<ReviewParams, "date" | "group" | "value" | "weeks" | "inUse">;

export function ReviewInUseSwitch({ params, meta, frozen, scope }: { params: Params; meta: ReviewMeta; frozen: boolean; scope: Scope }) {
  if (frozen) {
    const { mode } = recordedInUse(meta);
    return <InUseSwitch on={mode === "only"} href="#" locked={`Frozen with: ${inUseLine(meta)}. A frozen record keeps its choice.`} />;
  }
  const on = params.inUse === "only";
  const href = reviewHref({ ...params, inUse: on ? "all" : "only" });
  return (
    <Suspense fallback={<InUseSwitch on={on} href={href} />}>
      <InUseSwitchLoader scope={scope} regions={[]} on={on} href={href} />
    </Suspense>
  );
}
