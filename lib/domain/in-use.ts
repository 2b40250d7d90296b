// The "In use only" switch (issue 15): which ECR image findings count. Pure, shared by the URL
// parsers, the SQL helper and the UI labels.
//   only (default): leave out findings on ECR images Inspector reports as running nowhere
//                   (inUseCount 0). Images with unknown usage are INCLUDED: hiding what we know
//                   nothing about would read as "not running", which nobody said.
//   all:            every finding counts.
//   idle:           (explorer only) just the findings on images known not to run.
// Other resource types (EC2, Lambda, Azure…) always count. Without any usage data the default
// excludes nothing, so it is "on once in-use data exists" by construction.
export const inUseModes = ["only", "all", "idle"] as const;
export type InUseMode = (typeof inUseModes)[number];
export const defaultInUse: InUseMode = "only";

export function parseInUse(v: unknown, allowed: readonly InUseMode[] = inUseModes): InUseMode {
  return typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as InUseMode) : defaultInUse;
}

/** The URL value: the default is left out of links. */
export const inUseParam = (mode: InUseMode | undefined) => (mode && mode !== defaultInUse ? mode : undefined);

export const inUseLabel: Record<InUseMode, string> = {
  only: "In use only",
  all: "All images",
  idle: "Not in use",
};
