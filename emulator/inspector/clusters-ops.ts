import { notFound, invalid } from "../http/errors";
import { hashUnit } from "../prng";
import { imageOfArn } from "../world/image-index";
import { clustersFor } from "../world/image-clusters";
import type { World } from "../world/types";
import { decodeToken, encodeToken, maxResults, type Body } from "./params";

// GetClustersForImage: the ECS/EKS clusters that run (or ran) an ECR image, paged.

export function getClustersForImage(w: World, region: number, body: Body) {
  const filter = body.filter as { resourceId?: unknown } | undefined;
  if (!filter || typeof filter !== "object") throw invalid("filter", "Member must not be null");
  const id = filter.resourceId;
  if (typeof id !== "string" || id.length < 1 || id.length > 300) throw invalid("filter.resourceId", "Member must have length between 1 and 300");
  const max = maxResults(body, 100);
  const offset = Number(decodeToken(body)?.o ?? 0);
  const r = imageOfArn(w, region, id);
  if (r === undefined) throw notFound(`Image ${id} was not found.`);
  const all = clustersFor(w, r, (k) => hashUnit(w.seed, 0xc1a, r, k));
  const next = offset + max < all.length ? encodeToken({ o: offset + max }) : undefined;
  return { cluster: all.slice(offset, offset + max), ...(next ? { nextToken: next } : {}) };
}
