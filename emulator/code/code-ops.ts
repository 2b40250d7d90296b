import { invalid, validationError } from "../http/errors";
import { decodeToken, encodeToken, maxResults, stringList, type Body } from "../inspector/params";
import type { World } from "../world/types";
import { codeFindingArn, codeRepos } from "./code-repos";

// The code security set-up (integrations, scan configurations, their associations) and
// BatchGetCodeSnippet, answered from the demo's code repositories (code-repos.ts).

function page<T>(items: T[], body: Body, max: number) {
  const size = maxResults(body, max);
  const o = decodeToken(body)?.o ?? 0;
  return { items: items.slice(o, o + size), ...(o + size < items.length ? { nextToken: encodeToken({ o: o + size }) } : {}) };
}

const regionRepos = (w: World, region: number) => codeRepos(w).filter((r) => r.region === w.regions[region]);

export function listCodeSecurityIntegrations(w: World, region: number, body: Body) {
  const arns = [...new Set(regionRepos(w, region).map((r) => r.integrationArn))];
  const { items, nextToken } = page(arns.map((arn) => ({
    integrationArn: arn, name: "acme-corp GitHub", type: "GITHUB", status: "ACTIVE", statusReason: "Integration is active.",
    createdOn: w.start - 120 * 86400, lastUpdateOn: w.start - 30 * 86400,
  })), body, 100);
  return { integrations: items, ...(nextToken ? { nextToken } : {}) };
}

export function listCodeSecurityScanConfigurations(w: World, region: number, body: Body) {
  const arns = [...new Set(regionRepos(w, region).map((r) => r.scanConfigurationArn))];
  const admin = w.accounts[w.adminIndex].id;
  const { items, nextToken } = page(arns.map((arn) => ({
    scanConfigurationArn: arn, name: "default-weekly", ownerAccountId: admin, periodicScanFrequency: "WEEKLY", frequencyExpression: "cron(0 3 ? * MON *)",
    continuousIntegrationScanSupportedEvents: ["PULL_REQUEST", "PUSH"], ruleSetCategories: ["SAST", "IAC", "SCA"], scopeSettings: { projectSelectionScope: "ALL" },
  })), body, 100);
  return { configurations: items, ...(nextToken ? { nextToken } : {}) };
}

export function listCodeSecurityScanConfigurationAssociations(w: World, region: number, body: Body) {
  const arn = body.scanConfigurationArn;
  if (typeof arn !== "string" || !arn) throw invalid("scanConfigurationArn", "Member must not be null");
  const repos = regionRepos(w, region).filter((r) => r.scanConfigurationArn === arn);
  const { items, nextToken } = page(repos.map((r) => ({ resource: { projectId: r.projectId } })), body, 100);
  return { associations: items, ...(nextToken ? { nextToken } : {}) };
}

export function batchGetCodeSnippet(w: World, region: number, body: Body) {
  const arns = stringList(body, "findingArns", 1, 10);
  if (!arns) throw validationError([{ name: "findingArns", message: "Value at 'findingArns' failed to satisfy constraint: Member must not be null" }]);
  const byArn = new Map(regionRepos(w, region).flatMap((r) => r.findings.map((f) => [codeFindingArn(r, f.id), f] as const)));
  const codeSnippetResults: unknown[] = [], errors: unknown[] = [];
  for (const arn of arns) {
    const f = byArn.get(arn);
    if (!f) { errors.push({ findingArn: arn, errorCode: "CODE_SNIPPET_NOT_FOUND", errorMessage: "No code snippet exists for this finding." }); continue; }
    const first = f.startLine - 2;
    codeSnippetResults.push({
      findingArn: arn, startLine: first, endLine: first + f.lines.length - 1,
      codeSnippet: f.lines.map((content, k) => ({ content, lineNumber: first + k })),
      ...(f.kind === "SCA" && f.pkg ? { suggestedFixes: [{ description: `Upgrade ${f.pkg.name}`, code: `${f.pkg.name}==${f.pkg.fixed}` }] } : {}),
    });
  }
  return { codeSnippetResults, errors };
}

type Handler = (w: World, region: number, body: Body) => unknown;
type Counts = { all: number; critical: number; high: number; medium: number };

/** ListFindingAggregations(ACCOUNT) counting the code findings too, so it agrees with ListFindings. */
export function withCodeAccountCounts(base: Handler): Handler {
  return (w, region, body) => {
    const out = base(w, region, body) as { aggregationType: string; responses: Record<string, { accountId?: string; severityCounts?: Counts }>[]; nextToken?: string };
    const filters = Object.keys(((body.aggregationRequest as Body | undefined)?.accountAggregation ?? {}) as Body).filter((k) => k !== "sortBy" && k !== "sortOrder");
    if (out.aggregationType !== "ACCOUNT" || filters.length || !codeRepos(w).length) return out;
    const only = Array.isArray(body.accountIds) ? new Set((body.accountIds as { value?: string }[]).map((f) => f.value)) : null;
    const add = new Map<string, Counts>();
    for (const r of regionRepos(w, region)) {
      if (only && !only.has(r.accountId)) continue;
      const c = add.get(r.accountId) ?? { all: 0, critical: 0, high: 0, medium: 0 };
      for (const f of r.findings) {
        c.all++;
        if (f.severity === "CRITICAL") c.critical++; else if (f.severity === "HIGH") c.high++; else if (f.severity === "MEDIUM") c.medium++;
      }
      add.set(r.accountId, c);
    }
    const responses = out.responses.map((x) => {
      const a = x.accountAggregation, c = a?.accountId ? add.get(a.accountId) : undefined;
      if (!a || !c) return x;
      add.delete(a.accountId!);
      const s = a.severityCounts ?? { all: 0, critical: 0, high: 0, medium: 0 };
      return { accountAggregation: { ...a, severityCounts: { all: s.all + c.all, critical: s.critical + c.critical, high: s.high + c.high, medium: s.medium + c.medium } } };
    });
    // Accounts whose only findings are code findings come last (a real listing would sort them in).
    if (!out.nextToken) for (const [accountId, severityCounts] of add) responses.push({ accountAggregation: { accountId, severityCounts } });
    return { ...out, responses };
  };
}
