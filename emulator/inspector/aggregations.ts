import type { World } from "../world/types";
import type { Body } from "./params";

export function listFindingAggregations(_w: World, _region: number, _body: Body): unknown {
  return { aggregationType: "ACCOUNT", responses: [] };
}
