import { SUSPENDED_STATE, EC2, ECR_IMAGE, LAMBDA, ENABLED, type World } from "../world/types";
import { decodeToken, encodeToken, maxResults, stringList, type Body } from "./params";
import { invalid } from "../http/errors";

// ListUsageTotals: per account (of this region) the month's usage per type, priced like
// Inspector's public list prices. Derived from the visible resources, so it is deterministic.

const PRICE: Record<string, number> = {
  EC2_INSTANCE_HOURS: 0.00175, EC2_AGENTLESS_INSTANCE_HOURS: 0.00175, ECR_INITIAL_SCAN: 0.09, ECR_RESCAN: 0.01,
  LAMBDA_FUNCTION_HOURS: 0.0004167, LAMBDA_FUNCTION_CODE_HOURS: 0.000833,
};
const HOURS = 720;

function accountUsage(w: World, a: number, region: number) {
  const ar = a * w.regions.length + region;
  const n = { EC2_INSTANCE_HOURS: 0, ECR_INITIAL_SCAN: 0, ECR_RESCAN: 0, LAMBDA_FUNCTION_HOURS: 0, LAMBDA_FUNCTION_CODE_HOURS: 0 };
  const list = w.resByAr[ar];
  for (let k = 0; k < list.length; k++) {
    const r = list.data[k];
    if (!(w.resVisible[r] & 1)) continue;
    const t = w.res.type.data[r];
    if (t === EC2) n.EC2_INSTANCE_HOURS += HOURS;
    else if (t === ECR_IMAGE) { n.ECR_INITIAL_SCAN += 1; n.ECR_RESCAN += 4; }
    else if (t === LAMBDA) {
      n.LAMBDA_FUNCTION_HOURS += HOURS;
      if (w.resVisible[r] & 2) n.LAMBDA_FUNCTION_CODE_HOURS += HOURS;
    }
  }
  return Object.entries(n).filter(([, total]) => total > 0)
    .map(([type, total]) => ({ type, total, estimatedMonthlyCost: Math.round(total * PRICE[type] * 100) / 100, currency: "USD" }));
}

export function listUsageTotals(w: World, region: number, body: Body) {
  if (body.nextToken === "") throw invalid("nextToken", "Member must have length greater than or equal to 1");
  const size = maxResults(body, 500);
  const ids = stringList(body, "accountIds", 1, 7000, /^\d{12}$/);
  const R = w.regions.length;
  const accounts = w.accounts.filter((a) => a.relationship === "ENABLED" && a.orgState !== "LEFT" && (!ids || ids.includes(a.id)))
    .filter((a) => w.arState[a.index * R + region] === ENABLED || w.arState[a.index * R + region] === SUSPENDED_STATE);
  const offset = decodeToken(body)?.o ?? 0;
  const totals = accounts.slice(offset, offset + size).map((a) => ({ accountId: a.id, usage: accountUsage(w, a.index, region) }));
  return { totals, ...(offset + size < accounts.length ? { nextToken: encodeToken({ o: offset + size }) } : {}) };
}
