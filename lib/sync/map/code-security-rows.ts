// ListCodeSecurityIntegrations / ListCodeSecurityScanConfigurations (+ associations) → rows.
// Every field optional: what Inspector leaves out stays null or empty. Pure.
import type { CodeSecurityIntegrationSummary, CodeSecurityScanConfigurationSummary } from "@aws-sdk/client-inspector2";

export interface IntegrationRow {
  arn: string;
  name: string | null;
  type: string | null;
  status: string | null;
  statusReason: string | null;
  createdOn: Date | null;
  lastUpdateOn: Date | null;
}

export interface ScanConfigurationRow {
  arn: string;
  name: string | null;
  ownerAccountId: string | null;
  periodicScanFrequency: string | null;
  frequencyExpression: string | null;
  continuousEvents: string[];
  ruleSetCategories: string[];
  projectIds: string[];
}

export function toIntegrationRow(i: Partial<CodeSecurityIntegrationSummary>): IntegrationRow | null {
  if (!i.integrationArn) return null;
  return {
    arn: i.integrationArn, name: i.name ?? null, type: i.type ?? null, status: i.status ?? null, statusReason: i.statusReason ?? null,
    createdOn: i.createdOn ?? null, lastUpdateOn: i.lastUpdateOn ?? null,
  };
}

export function toScanConfigurationRow(c: Partial<CodeSecurityScanConfigurationSummary>, projectIds: string[]): ScanConfigurationRow | null {
  if (!c.scanConfigurationArn) return null;
  return {
    arn: c.scanConfigurationArn, name: c.name ?? null, ownerAccountId: c.ownerAccountId ?? null,
    periodicScanFrequency: c.periodicScanFrequency ?? null, frequencyExpression: c.frequencyExpression ?? null,
    continuousEvents: [...(c.continuousIntegrationScanSupportedEvents ?? [])], ruleSetCategories: [...(c.ruleSetCategories ?? [])],
    projectIds,
  };
}
