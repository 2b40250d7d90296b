import type { Handler } from "../inspector/routes";
import type { World } from "../world/types";
import { matchesCriteria } from "./criteria-match";
import { pushedImages } from "./pushed-images";
import { pushedCoverage, pushedFindings } from "./wire";
import { codeRepos } from "../code/code-repos";
import { codeCoverage, codeCoverageValues, codeFindings, codeFindingValues } from "../code/code-wire";

// ListFindings and ListCoverage with pushed images (and code repositories) after the generated world's items: the world's
// own pages first, then (from its last page on) the pushed items, paged with "push:<offset>"
// tokens. Sorting applies to the world's items only.

const TOKEN = /^push:(\d+)$/;
type Raw = Record<string, unknown>;

function findingValues(f: Raw): Record<string, string | number | undefined | (string | undefined)[]> {
  const img = ((f.resources as Raw[])[0].details as { awsEcrContainerImage: Raw }).awsEcrContainerImage;
  const pvd = f.packageVulnerabilityDetails as Raw;
  return {
    awsAccountId: f.awsAccountId as string, findingArn: f.findingArn as string, findingStatus: f.status as string, findingType: f.type as string,
    severity: f.severity as string, title: f.title as string, resourceType: "AWS_ECR_CONTAINER_IMAGE", resourceId: (f.resources as Raw[])[0].id as string,
    ecrImageHash: img.imageHash as string, ecrImageRepositoryName: img.repositoryName as string, ecrImageTags: img.imageTags as string[],
    ecrImageRegistry: img.registry as string, vulnerabilityId: pvd.vulnerabilityId as string, vulnerabilitySource: "NVD",
    fixAvailable: f.fixAvailable as string, exploitAvailable: f.exploitAvailable as string, inspectorScore: f.inspectorScore as number | undefined,
    epssScore: (f.epss as Raw).score as number, firstObservedAt: f.firstObservedAt as number, lastObservedAt: f.lastObservedAt as number, updatedAt: f.updatedAt as number,
  };
}

function coverageValues(c: Raw): Record<string, string | number | undefined | (string | undefined)[]> {
  const meta = c.resourceMetadata as { ecrRepository: Raw; ecrImage: Raw };
  return {
    accountId: c.accountId as string, resourceId: c.resourceId as string, resourceType: c.resourceType as string, scanType: "PACKAGE",
    scanStatusCode: (c.scanStatus as Raw).statusCode as string, scanStatusReason: (c.scanStatus as Raw).reason as string,
    ecrRepositoryName: meta.ecrRepository.name as string, ecrImageTags: meta.ecrImage.tags as string[], lastScannedAt: c.lastScannedAt as number | undefined,
  };
}

function withPushed(base: Handler, listKey: string, max: number, items: (w: World, region: string, criteria: unknown) => Raw[]): Handler {
  return (w, region, body) => {
    const token = typeof body.nextToken === "string" ? TOKEN.exec(body.nextToken) : null;
    if (!pushedImages(w).length && !codeRepos(w).length && !token) return base(w, region, body);
    const size = typeof body.maxResults === "number" ? body.maxResults : max;
    let out: Raw = { [listKey]: [] }, offset = 0;
    if (token) offset = Number(token[1]);
    else out = base(w, region, body) as Raw;
    if (out.nextToken) return out;
    const page = out[listKey] as Raw[];
    const extra = items(w, w.regions[region], body.filterCriteria);
    const take = extra.slice(offset, offset + Math.max(0, size - page.length));
    const next = offset + take.length < extra.length ? `push:${offset + take.length}` : undefined;
    return { ...out, [listKey]: [...page, ...take], ...(next ? { nextToken: next } : {}) };
  };
}

export const withPushedFindings = (base: Handler) => withPushed(base, "findings", 100, (w, region, criteria) => [
  ...pushedImages(w).filter((p) => p.region === region).flatMap((p) => pushedFindings(w, p)).filter((f) => matchesCriteria(criteria, findingValues(f))),
  ...codeFindings(w, region).filter((f) => matchesCriteria(criteria, codeFindingValues(f))),
]);

export const withPushedCoverage = (base: Handler) => withPushed(base, "coveredResources", 200, (w, region, criteria) => [
  ...pushedImages(w).filter((p) => p.region === region).map((p) => pushedCoverage(w, p)).filter((c) => matchesCriteria(criteria, coverageValues(c))),
  ...codeCoverage(w, region).filter((c) => matchesCriteria(criteria, codeCoverageValues(c))),
]);
