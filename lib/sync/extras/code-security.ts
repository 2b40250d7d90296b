// The code security set-up of one region: integrations, scan configurations and the projects
// each is associated with. Stored in place of the region's previous rows; a failure keeps them.
import {
  ListCodeSecurityIntegrationsCommand, ListCodeSecurityScanConfigurationAssociationsCommand, ListCodeSecurityScanConfigurationsCommand,
  type Inspector2Client,
} from "@aws-sdk/client-inspector2";
import type pg from "pg";
import { toIntegrationRow, toScanConfigurationRow, type IntegrationRow, type ScanConfigurationRow } from "../map/code-security-rows";
import { withTransaction } from "@/lib/db/transaction";

async function pages<T>(fetch: (nextToken?: string) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const p = await fetch(token);
    out.push(...(p.items ?? []));
    token = p.nextToken || undefined;
  } while (token);
  return out;
}

export async function readCodeSecurity(c: Inspector2Client): Promise<{ integrations: IntegrationRow[]; configurations: ScanConfigurationRow[] }> {
  const integrations = await pages(async (nextToken) => {
    const r = await c.send(new ListCodeSecurityIntegrationsCommand({ nextToken, maxResults: 100 }));
    return { items: r.integrations, nextToken: r.nextToken };
  });
  const configs = await pages(async (nextToken) => {
    const r = await c.send(new ListCodeSecurityScanConfigurationsCommand({ nextToken, maxResults: 100 }));
    return { items: r.configurations, nextToken: r.nextToken };
  });
  const configurations: ScanConfigurationRow[] = [];
  for (const cfg of configs) {
    if (!cfg.scanConfigurationArn) continue;
    const assoc = await pages(async (nextToken) => {
      const r = await c.send(new ListCodeSecurityScanConfigurationAssociationsCommand({ scanConfigurationArn: cfg.scanConfigurationArn, nextToken, maxResults: 100 }));
      return { items: r.associations, nextToken: r.nextToken };
    });
    const row = toScanConfigurationRow(cfg, assoc.map((a) => a.resource?.projectId).filter((p): p is string => !!p));
    if (row) configurations.push(row);
  }
  return { integrations: integrations.map(toIntegrationRow).filter((r): r is IntegrationRow => !!r), configurations };
}

export async function writeCodeSecurity(pool: pg.Pool, region: string, d: Awaited<ReturnType<typeof readCodeSecurity>>, at: Date): Promise<void> {
  await withTransaction(pool, async (c) => {
    await c.query("DELETE FROM code_security_integrations WHERE region = $1", [region]);
    await c.query("DELETE FROM code_scan_configurations WHERE region = $1", [region]);
    for (const i of d.integrations) {
      await c.query(
        `INSERT INTO code_security_integrations (arn, region, name, type, status, status_reason, created_on, last_update_on, read_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (arn) DO NOTHING`,
        [i.arn, region, i.name, i.type, i.status, i.statusReason, i.createdOn, i.lastUpdateOn, at]);
    }
    for (const s of d.configurations) {
      await c.query(
        `INSERT INTO code_scan_configurations (arn, region, name, owner_account_id, periodic_scan_frequency, frequency_expression,
           continuous_events, rule_set_categories, project_ids, read_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (arn) DO NOTHING`,
        [s.arn, region, s.name, s.ownerAccountId, s.periodicScanFrequency, s.frequencyExpression, s.continuousEvents, s.ruleSetCategories, s.projectIds, at]);
    }
  });
}
