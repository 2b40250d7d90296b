// BatchGetFindingDetails: 1–10 finding ARNs per call; an ARN that is not a finding of this region
// (or not a package vulnerability) is answered in errors[], never by failing the call.
import { TEMPLATES } from "../catalogue/templates";
import { vulnIntel } from "../catalogue/vuln-intel";
import { findingIndexFromArn } from "../world/finding-view";
import { findingVisible } from "../world/findings";
import type { World } from "../world/types";
import { invalid } from "../http/errors";
import { stringList, type Body } from "./params";

export const MAX_DETAIL_ARNS = 10;

const notFound = (findingArn: string, errorMessage: string) => ({ findingArn, errorCode: "FINDING_DETAILS_NOT_FOUND", errorMessage });

export function batchGetFindingDetails(w: World, region: number, body: Body) {
  const arns = stringList(body, "findingArns", 1, MAX_DETAIL_ARNS);
  if (!arns) throw invalid("findingArns", "Member must not be null");
  const findingDetails: unknown[] = [], errors: unknown[] = [];
  for (const arn of arns) {
    if (!/^arn:aws:inspector2:/.test(arn)) {
      errors.push({ findingArn: arn, errorCode: "INVALID_INPUT", errorMessage: "The finding ARN is not valid." });
      continue;
    }
    const i = findingIndexFromArn(w, arn);
    if (i < 0 || w.res.region.data[w.f.res.data[i]] !== region || !findingVisible(w, i)) {
      errors.push(notFound(arn, "The finding details could not be found."));
      continue;
    }
    const t = TEMPLATES[w.f.tpl.data[i]];
    const exploited = w.tplExploit[t.index] === 1;
    const intel = vulnIntel(w.seed, t, exploited, w.tplExploitAt[t.index], w.clock);
    if (!intel) {
      errors.push(notFound(arn, "Finding details are only available for package vulnerabilities."));
      continue;
    }
    findingDetails.push({ findingArn: arn, riskScore: Math.round((t.inspectorScore ?? 5) * 10 * (exploited ? 1 : 0.6)), ...intel });
  }
  return { findingDetails, errors };
}
