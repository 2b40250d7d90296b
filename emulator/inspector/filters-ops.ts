import { TEMPLATES } from "../catalogue/templates";
import { findingIndexFromArn } from "../world/finding-view";
import { findingVisible } from "../world/findings";
import type { World } from "../world/types";
import { invalid } from "../http/errors";
import { decodeToken, encodeToken, maxResults, oneOf, stringList, type Body } from "./params";

// ListFilters (saved filters and suppression rules) and BatchGetFindingDetails.

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

const DAY = 86400;

export function batchGetFindingDetails(w: World, region: number, body: Body) {
  const arns = stringList(body, "findingArns", 1, 10);
  if (!arns) throw invalid("findingArns", "Member must not be null");
  const findingDetails: unknown[] = [], errors: unknown[] = [];
  for (const arn of arns) {
    const i = findingIndexFromArn(w, arn);
    if (i < 0 || w.res.region.data[w.f.res.data[i]] !== region || !findingVisible(w, i)) {
      errors.push({ findingArn: arn, errorCode: /^arn:aws:inspector2:/.test(arn) ? "FINDING_DETAILS_NOT_FOUND" : "INVALID_INPUT", errorMessage: "The finding details could not be found." });
      continue;
    }
    const t = TEMPLATES[w.f.tpl.data[i]];
    if (!t.cve) {
      errors.push({ findingArn: arn, errorCode: "FINDING_DETAILS_NOT_FOUND", errorMessage: "Finding details are only available for package vulnerabilities." });
      continue;
    }
    const exploit = w.f.exploit.data[i] === 1, c = t.cve;
    const published = Date.parse(`${c.published}T00:00:00Z`) / 1000;
    const kev = exploit && c.epss > 0.5;
    findingDetails.push({
      findingArn: arn,
      ...(kev ? { cisaData: { dateAdded: published + 14 * DAY, dateDue: published + 35 * DAY, action: "Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable." } } : {}),
      riskScore: Math.round((t.inspectorScore ?? 5) * 10 * (exploit ? 1 : 0.6)),
      evidences: exploit ? [{ evidenceRule: "Exploit code publicly available", evidenceDetail: "Public proof-of-concept published", severity: t.severity }] : [],
      ttps: exploit ? ["T1190"] : [], tools: exploit ? ["metasploit"] : [],
      ...(exploit ? { exploitObserved: { firstSeen: w.tplExploitAt[t.index], lastSeen: Math.max(w.tplExploitAt[t.index], w.clock - 3 * DAY) } } : {}),
      referenceUrls: [`https://nvd.nist.gov/vuln/detail/${c.id}`], cwes: [], epssScore: c.epss,
    });
  }
  return { findingDetails, errors };
}
