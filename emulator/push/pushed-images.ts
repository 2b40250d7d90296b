import { randomBytes } from "node:crypto";
import { CVES, type Severity } from "../catalogue/cves";
import type { World } from "../world/types";

// Images pushed through /_emulator/ecr/push, kept beside the generated world. Each one's scan is
// pending until `scanCompleteAtMs` (wall time, so a pipeline's --wait really waits), then its
// findings (one per vulnerable package) appear through ListFindings and its coverage turns ACTIVE.

export interface PushedVulnerability {
  id: string; severity: Severity; cvss: number; epss: number; exploitAvailable: boolean; fixedInVersion: string; summary: string;
}
export interface PushedPackage { name: string; version: string; vulnerabilities: PushedVulnerability[] }

export interface PushedImage {
  accountId: string;
  region: string;
  repository: string;
  digest: string;
  tags: string[];
  scanFrequency: "SCAN_ON_PUSH" | "CONTINUOUS_SCAN" | "MANUAL";
  pushedAt: number; // world epoch seconds
  scanCompleteAtMs: number;
  packages: PushedPackage[];
  findingIds: string[]; // 32 hex each, one per (package, vulnerability)
}

const stores = new WeakMap<World, PushedImage[]>();

export function pushedImages(w: World): PushedImage[] {
  let s = stores.get(w);
  if (!s) stores.set(w, (s = []));
  return s;
}

export const imageResourceId = (p: PushedImage) => `arn:aws:ecr:${p.region}:${p.accountId}:repository/${p.repository}/${p.digest}`;
export const scanComplete = (p: PushedImage, nowMs = Date.now()) => p.scanFrequency !== "MANUAL" && nowMs >= p.scanCompleteAtMs;
export const newDigest = () => `sha256:${randomBytes(32).toString("hex")}`;
export const newFindingId = () => randomBytes(16).toString("hex");

/** The catalogue's vulnerabilities of a package name (any family), for packages pushed without their own list. */
export function catalogueVulnerabilities(name: string, version: string | undefined): { version: string; vulns: PushedVulnerability[] } {
  const hits = CVES.filter((c) => c.pkg.toLowerCase() === name.toLowerCase());
  const seen = new Set<string>();
  const vulns = hits.filter((c) => !seen.has(c.id) && seen.add(c.id)).map((c) => ({
    id: c.id, severity: c.severity, cvss: c.score, epss: c.epss, exploitAvailable: c.exploit, fixedInVersion: c.fixed, summary: c.summary,
  }));
  return { version: version ?? hits[0]?.version ?? "1.0.0", vulns };
}
