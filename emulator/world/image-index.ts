import { resourceInfo } from "./resource-info";
import { ECR_IMAGE, type World } from "./types";

// ECR image ARN -> resource index per region, built on first use (images are never renamed).

const indexes = new WeakMap<World, Map<number, Map<string, number>>>();

export function imageOfArn(w: World, region: number, arn: string): number | undefined {
  let perRegion = indexes.get(w);
  if (!perRegion) indexes.set(w, (perRegion = new Map()));
  let m = perRegion.get(region);
  if (!m || m.size === 0) {
    m = new Map();
    const list = w.resByRegion[region];
    for (let k = 0; k < list.length; k++) {
      const r = list.data[k];
      if (w.res.type.data[r] === ECR_IMAGE) m.set(resourceInfo(w, r).id, r);
    }
    perRegion.set(region, m);
  }
  return m.get(arn);
}
