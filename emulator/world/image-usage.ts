import { hashUnit } from "../prng";
import type { World } from "./types";

// Whether an ECR image runs anywhere, deterministic per image: about half run now; the rest are
// idle — recently, for 90+ days (not pulled since), or never pulled at all (no dates).

const DAY = 86400;

export type UsageKind = "running" | "idle" | "stale" | "never";

export interface ImageUsage {
  kind: UsageKind;
  inUseCount: number;
  lastInUseAt?: number;
  imagePulledAt?: number;
}

export function usageKind(w: World, r: number): UsageKind {
  const u = hashUnit(w.seed, 0x05e, r, 1);
  return u < 0.5 ? "running" : u < 0.7 ? "idle" : u < 0.85 ? "stale" : "never";
}

/** pushedAt bounds the dates: an image is not used before it exists. */
export function imageUsage(w: World, r: number, pushedAt: number): ImageUsage {
  const kind = usageKind(w, r);
  const u = (k: number) => hashUnit(w.seed, 0x05e, r, k);
  const at = (daysAgo: number) => Math.max(pushedAt + 3600, w.start - Math.floor(daysAgo * DAY));
  if (kind === "never") return { kind, inUseCount: 0 };
  if (kind === "running") {
    const last = w.start - Math.floor(u(2) * 3600);
    return { kind, inUseCount: 1 + Math.floor(u(3) * 8), lastInUseAt: last, imagePulledAt: at(u(4) * 2) };
  }
  const daysAgo = kind === "idle" ? 5 + u(2) * 50 : 95 + u(2) * 200;
  const last = at(daysAgo);
  return { kind, inUseCount: 0, lastInUseAt: last, imagePulledAt: last };
}
