import type { World } from "../world/types";
import { batchGetAccountStatus, describeOrganizationConfiguration, getDelegatedAdminAccount, getMember, listDelegatedAdminAccounts, listMembers } from "./account-ops";
import { listFindingAggregations } from "./aggregations";
import { listCoverage, listCoverageStatistics } from "./coverage-ops";
import { listFilters } from "./filters-ops";
import { batchGetFindingDetails } from "./finding-details";
import { listFindings } from "./list-findings";
import { getConfiguration } from "./configuration-ops";
import { getClustersForImage } from "./clusters-ops";
import type { Body } from "./params";
import { listUsageTotals } from "./usage-ops";
import { listCisScanResultsAggregatedByChecks, listCisScans } from "../code/cis-ops";
import { batchGetCodeSnippet, listCodeSecurityIntegrations, listCodeSecurityScanConfigurationAssociations, listCodeSecurityScanConfigurations, withCodeAccountCounts } from "../code/code-ops";
import { withPushedCoverage, withPushedFindings } from "../push/merge-listing";

// POST path -> operation. Paths are exact, as in the restJson1 model.

export type Handler = (w: World, region: number, body: Body) => unknown;

export const ROUTES: Record<string, { op: string; handler: Handler }> = {
  "/findings/list": { op: "ListFindings", handler: withPushedFindings(listFindings) },
  "/findings/aggregation/list": { op: "ListFindingAggregations", handler: withCodeAccountCounts(listFindingAggregations) },
  "/findings/details/batch/get": { op: "BatchGetFindingDetails", handler: batchGetFindingDetails },
  "/coverage/list": { op: "ListCoverage", handler: withPushedCoverage(listCoverage) },
  "/coverage/statistics/list": { op: "ListCoverageStatistics", handler: listCoverageStatistics },
  "/status/batch/get": { op: "BatchGetAccountStatus", handler: batchGetAccountStatus },
  "/members/list": { op: "ListMembers", handler: listMembers },
  "/members/get": { op: "GetMember", handler: getMember },
  "/delegatedadminaccounts/get": { op: "GetDelegatedAdminAccount", handler: getDelegatedAdminAccount },
  "/delegatedadminaccounts/list": { op: "ListDelegatedAdminAccounts", handler: listDelegatedAdminAccounts },
  "/organizationconfiguration/describe": { op: "DescribeOrganizationConfiguration", handler: describeOrganizationConfiguration },
  "/filters/list": { op: "ListFilters", handler: listFilters },
  "/configuration/get": { op: "GetConfiguration", handler: getConfiguration },
  "/cluster/get": { op: "GetClustersForImage", handler: getClustersForImage },
  "/usage/list": { op: "ListUsageTotals", handler: listUsageTotals },
  "/codesecurity/integration/list": { op: "ListCodeSecurityIntegrations", handler: listCodeSecurityIntegrations },
  "/codesecurity/scan-configuration/list": { op: "ListCodeSecurityScanConfigurations", handler: listCodeSecurityScanConfigurations },
  "/codesecurity/scan-configuration/associations/list": { op: "ListCodeSecurityScanConfigurationAssociations", handler: listCodeSecurityScanConfigurationAssociations },
  "/cis/scan/list": { op: "ListCisScans", handler: listCisScans },
  "/cis/scan-result/check/list": { op: "ListCisScanResultsAggregatedByChecks", handler: listCisScanResultsAggregatedByChecks },
  "/codesnippet/batchget": { op: "BatchGetCodeSnippet", handler: batchGetCodeSnippet },
};
