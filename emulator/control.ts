import { ApiError } from "./http/errors";
import type { EmuRequest } from "./http/request";
import type { Emulator } from "./server";
import { STATUS } from "./world/types";
import { completeScan, pushImage } from "./push/push-control";
import { worldChanges } from "./world/account-events";

// /_emulator/* endpoints for demo mode and browser tests; never used by AWS clients.

export function controlState(emu: Emulator) {
  const w = emu.world, byStatus: Record<string, number> = {};
  for (const s of STATUS) byStatus[s] = 0;
  for (let i = 0; i < w.f.status.length; i++) byStatus[STATUS[w.f.status.data[i]]]++;
  const h = emu.handle;
  return {
    clock: new Date(Math.round(w.clock * 1000)).toISOString(), clockEpochSeconds: w.clock, daysAdvanced: w.day,
    seed: w.seed, regions: w.regions, accounts: w.accounts.length, resources: w.res.type.length,
    findings: byStatus, suppressionRules: w.rules.filter((r) => r.action === "SUPPRESS").length,
    adminAccountId: h.adminAccountId, managementAccountId: h.managementAccountId, roleArn: h.roleArn, externalId: h.externalId,
    stats: h.stats(),
  };
}

export async function handleControl(emu: Emulator, r: EmuRequest): Promise<unknown> {
  const body = r.body.trim() ? safeJson(r.body) : {};
  if (r.method === "GET" && r.path === "/_emulator/state") return controlState(emu);
  if (r.method === "POST" && r.path === "/_emulator/advance") {
    const days = body.days ?? 1;
    if (typeof days !== "number" || !(days >= 0) || days > 3650) throw new ApiError(400, "ValidationException", "days must be a number between 0 and 3650");
    await emu.handle.advance(days);
    return controlState(emu);
  }
  if (r.method === "POST" && r.path === "/_emulator/options") {
    const allowed = ["throttle", "faultRate", "latencyMs", "deniedRegions", "deniedActions", "failingAccounts"];
    const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
    if (unknown.length) throw new ApiError(400, "ValidationException", `Unknown option(s): ${unknown.join(", ")}`);
    emu.handle.setOptions(body);
    return controlState(emu);
  }
  if (r.method === "POST" && r.path === "/_emulator/change") {
    if (!worldChanges.includes(body.change) || typeof body.accountId !== "string") {
      throw new ApiError(400, "ValidationException", `change must be one of ${worldChanges.join(", ")}, with an accountId`);
    }
    if (!emu.handle.change(body.change, body.accountId, typeof body.pick === "number" ? body.pick : 0)) {
      throw new ApiError(400, "ValidationException", `${body.change} does not apply to ${body.accountId}`);
    }
    return controlState(emu);
  }
  if (r.method === "POST" && r.path === "/_emulator/ecr/push") return pushImage(emu.world, body);
  if (r.method === "POST" && r.path === "/_emulator/ecr/scan") return completeScan(emu.world, body);
  throw new ApiError(404, "UnknownOperationException", `No control endpoint ${r.method} ${r.path}`);
}

function safeJson(text: string): Record<string, never> {
  try {
    const v = JSON.parse(text);
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v;
  } catch { /* fall through */ }
  throw new ApiError(400, "ValidationException", "Body must be a JSON object", { reason: "CANNOT_PARSE" });
}
