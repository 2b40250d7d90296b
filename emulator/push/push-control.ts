import { z } from "zod";
import { ApiError } from "../http/errors";
import type { World } from "../world/types";
import { catalogueVulnerabilities, imageResourceId, newDigest, newFindingId, pushedImages, type PushedImage } from "./pushed-images";

// POST /_emulator/ecr/push: {repository, digest?, tags?, accountId?, region?, scanDelaySeconds?,
// scanFrequency?, packages: [{name, version?, vulnerabilities?}]}. Packages without their own
// vulnerabilities get the catalogue's CVEs for that package name.

const severity = z.enum(["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL", "UNTRIAGED"]);
const vuln = z.strictObject({
  id: z.string().min(1), severity, cvss: z.number().min(0).max(10).default(0), epss: z.number().min(0).max(1).default(0),
  exploitAvailable: z.boolean().default(false), fixedInVersion: z.string().default("NotAvailable"), summary: z.string().default("Pushed vulnerability."),
});
const body = z.strictObject({
  repository: z.string().regex(/^[a-z0-9][a-z0-9._\/-]{0,255}$/),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional(),
  tags: z.array(z.string().min(1)).default([]),
  accountId: z.string().regex(/^\d{12}$/).optional(),
  region: z.string().optional(),
  scanDelaySeconds: z.number().min(0).max(3600).default(2),
  scanFrequency: z.enum(["SCAN_ON_PUSH", "CONTINUOUS_SCAN", "MANUAL"]).default("SCAN_ON_PUSH"),
  packages: z.array(z.strictObject({ name: z.string().min(1), version: z.string().optional(), vulnerabilities: z.array(vuln).optional() })).default([]),
});

export function pushImage(w: World, input: unknown, nowMs = Date.now()) {
  const r = body.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new ApiError(400, "ValidationException", `${i.path.join(".") || "body"}: ${i.message}`);
  }
  const b = r.data;
  const region = b.region ?? w.regions[0];
  if (!w.regions.includes(region)) throw new ApiError(400, "ValidationException", `region: not one of ${w.regions.join(", ")}`);
  const accountId = b.accountId ?? w.accounts.find((a) => a.role === "member")?.id ?? w.accounts[0].id;
  if (!w.accountById.has(accountId)) throw new ApiError(400, "ValidationException", "accountId: not an account of the organization");
  const packages = b.packages.map((p) => {
    if (p.vulnerabilities) return { name: p.name, version: p.version ?? "1.0.0", vulnerabilities: p.vulnerabilities };
    const c = catalogueVulnerabilities(p.name, p.version);
    return { name: p.name, version: c.version, vulnerabilities: c.vulns };
  });
  const image: PushedImage = {
    accountId, region, repository: b.repository, digest: b.digest ?? newDigest(), tags: b.tags, scanFrequency: b.scanFrequency,
    pushedAt: w.clock, scanCompleteAtMs: nowMs + b.scanDelaySeconds * 1000, packages,
    findingIds: packages.flatMap((p) => p.vulnerabilities.map(() => newFindingId())),
  };
  const store = pushedImages(w);
  const same = store.findIndex((p) => p.region === region && p.accountId === accountId && p.repository === image.repository && p.digest === image.digest);
  if (same >= 0) store.splice(same, 1);
  for (const p of store) if (p.repository === image.repository && p.region === region) p.tags = p.tags.filter((t) => !image.tags.includes(t));
  store.push(image);
  return {
    resourceId: imageResourceId(image), repository: image.repository, digest: image.digest, tags: image.tags, accountId, region,
    scanCompleteAt: image.scanFrequency === "MANUAL" ? null : new Date(image.scanCompleteAtMs).toISOString(),
    findings: image.findingIds.length,
  };
}

/** POST /_emulator/ecr/scan {digest}: finish a pushed image's pending scan now (tests, demos). */
export function completeScan(w: World, input: unknown, nowMs = Date.now()) {
  const digest = (input as { digest?: unknown } | null)?.digest;
  const hits = pushedImages(w).filter((p) => p.digest === digest && p.scanFrequency !== "MANUAL");
  if (!hits.length) throw new ApiError(404, "ResourceNotFoundException", "digest: no pushed image with a scan to complete");
  for (const p of hits) p.scanCompleteAtMs = Math.min(p.scanCompleteAtMs, nowMs);
  return { digest, completed: hits.length };
}
