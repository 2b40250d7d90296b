import type { World } from "../world/types";
import { decodeToken, encodeToken, maxResults, oneOf, stringList, type Body } from "./params";

// ListFilters (saved filters and suppression rules).

export function listFilters(w: World, region: number, body: Body) {
  const max = maxResults(body, 100);
  const action = oneOf(body, "action", ["NONE", "SUPPRESS"] as const);
  const arns = stringList(body, "arns", 0, 1000);
  const all = w.rules.filter((r) => r.region === region && (!action || r.action === action) && (!arns || arns.includes(r.arn)));
  const offset = Number(decodeToken(body)?.o ?? 0);
  const next = offset + max < all.length ? encodeToken({ o: offset + max }) : undefined;
  const filters = all.slice(offset, offset + max).map((r) => ({
    arn: r.arn, ownerId: w.accounts[w.adminIndex].id, name: r.name, criteria: r.criteria, action: r.action,
    createdAt: r.createdAt, updatedAt: r.updatedAt, description: r.description, ...(r.reason ? { reason: r.reason } : {}), tags: {},
  }));
  return { filters, ...(next ? { nextToken: next } : {}) };
}
