// How a finding was closed: remediated (its resource is still there and still scanned) or removed
// (the resource went away or scanning stopped, so Inspector closed it without a fix).
export const closureKinds = ["remediated", "removed"] as const;
export type ClosureKind = (typeof closureKinds)[number];
export const closureKindLabel: Record<ClosureKind, string> = { remediated: "Remediated", removed: "Resource removed or unscanned" };
