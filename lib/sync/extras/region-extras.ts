// Per region, after the findings: the organization's scan configuration, Inspector's usage and
// cost, the code security set-up and CIS scans. Each read fails alone (a note says which and why); none can fail the run.
import type { SyncContext } from "../context";
import { readOrgConfig, writeOrgConfig, writeOrgConfigError } from "./org-config";
import { readUsageTotals, writeUsageTotals } from "./usage-totals";
import { readCodeSecurity, writeCodeSecurity } from "./code-security";
import { readCisScans, writeCisScans } from "./cis-scans";

type Extra = { what: string; run: (ctx: SyncContext, region: string) => Promise<void>; onError?: (ctx: SyncContext, region: string, msg: string) => Promise<void> };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const REGION_EXTRAS: Extra[] = [
  {
    what: "auto-enable settings (DescribeOrganizationConfiguration)",
    run: async (ctx, region) => writeOrgConfig(ctx.pool, await readOrgConfig(ctx.aws.inspector(region), region), ctx.now()),
    onError: (ctx, region, msg) => writeOrgConfigError(ctx.pool, region, msg, ctx.now()),
  },
  {
    what: "usage and cost (ListUsageTotals)",
    run: async (ctx, region) => writeUsageTotals(ctx.pool, region, await readUsageTotals(ctx.aws.inspector(region)), ctx.now()),
  },
  {
    what: "code security set-up (ListCodeSecurityIntegrations, …ScanConfigurations)",
    run: async (ctx, region) => writeCodeSecurity(ctx.pool, region, await readCodeSecurity(ctx.aws.inspector(region)), ctx.now()),
  },
  {
    what: "CIS benchmark scans (ListCisScans)",
    run: async (ctx, region) => writeCisScans(ctx.pool, region, await readCisScans(ctx.aws.inspector(region)), ctx.now()),
  },
];

export async function syncRegionExtras(ctx: SyncContext, extras: Extra[] = REGION_EXTRAS): Promise<void> {
  await Promise.all(
    ctx.config.regions.map(async (region) => {
      for (const x of extras) {
        if (ctx.signal?.aborted) return;
        try {
          await x.run(ctx, region);
        } catch (err) {
          ctx.notes.push({ kind: "configuration", region, message: `${x.what} not read`, error: message(err) });
          await x.onError?.(ctx, region, message(err));
        }
      }
    }),
  );
}
