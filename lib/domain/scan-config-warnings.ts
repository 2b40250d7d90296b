// "What will go wrong next" from the scan configuration: auto-enable off (new accounts will not
// be scanned), a scan type suspended or being switched off in an account, the member limit
// reached, a configuration Inspectorate could not read. Pure; the coverage page leads with it.
import { configScanTypeLabel, configScanTypes, scanStateVerdict, type ConfigScanType } from "./scan-config";

export interface RegionConfigInput {
  region: string;
  autoEnable: Record<ConfigScanType, boolean | null>;
  maxAccountLimitReached: boolean | null;
  error: string | null;
}

export interface AccountScanStateInput {
  accountId: string;
  name: string | null;
  region: string;
  inspectorStatus: string | null;
  states: Record<ConfigScanType, string | null>;
}

export interface ScanConfigWarning {
  level: "critical" | "warning";
  message: string;
  fix: string;
  accountId?: string;
}

export function scanConfigWarnings(configs: RegionConfigInput[], accounts: AccountScanStateInput[]): ScanConfigWarning[] {
  const out: ScanConfigWarning[] = [];
  for (const c of configs) {
    if (c.error) out.push({ level: "warning", message: `Auto-enable settings in ${c.region} could not be read: ${c.error}`, fix: "Allow inspector2:DescribeOrganizationConfiguration for the Inspectorate role (delegated administrator)." });
    if (c.maxAccountLimitReached) out.push({ level: "critical", message: `Inspector's member account limit is reached in ${c.region}: further accounts cannot be added`, fix: "Ask AWS to raise the member limit, or remove accounts that no longer need scanning." });
    for (const t of configScanTypes) {
      if (c.autoEnable[t] !== false) continue; // null is unknown, not off
      out.push({ level: "warning", message: `Auto-enable is off for ${configScanTypeLabel[t]} in ${c.region}: new accounts will not be scanned`, fix: `Turn on ${configScanTypeLabel[t]} scanning for new members in Inspector's account management (delegated administrator, ${c.region}).` });
    }
  }
  for (const a of accounts) {
    const who = a.name && a.name !== a.accountId ? `${a.name} (${a.accountId})` : a.accountId;
    if (a.inspectorStatus !== "ENABLED") continue; // Inspector off altogether is listed under "Inspector off"
    for (const t of configScanTypes) {
      const v = scanStateVerdict(a.states[t]);
      if (v.trouble !== "stopped") continue;
      out.push({ level: "critical", accountId: a.accountId, message: `${configScanTypeLabel[t]} scanning is ${v.label} in account ${who} in ${a.region}`, fix: v.label === "suspended" || v.label === "being suspended" ? "Inspector suspends scanning when the account is suspended or its payment fails: resolve that, then enable the scan type again." : "Enable the scan type again if the stop is unintended." });
    }
  }
  return out.sort((x, y) => (x.level === y.level ? 0 : x.level === "critical" ? -1 : 1));
}
