// The scan types Inspector turns on per account (BatchGetAccountStatus resourceState) and per
// organization (DescribeOrganizationConfiguration autoEnable), under one set of keys and labels.

export const configScanTypes = ["ec2", "ecr", "lambda", "lambdaCode", "codeRepository"] as const;
export type ConfigScanType = (typeof configScanTypes)[number];

export const configScanTypeLabel: Record<ConfigScanType, string> = {
  ec2: "EC2", ecr: "ECR", lambda: "Lambda", lambdaCode: "Lambda code", codeRepository: "Code repository",
};

/** Inspector's State.status values; a value it adds later is shown as itself. */
export const scanStates = ["ENABLED", "ENABLING", "DISABLING", "DISABLED", "SUSPENDING", "SUSPENDED"] as const;

/** What each state means for scanning, worded for the page ("ECR scanning is suspended"). */
export function scanStateVerdict(status: string | null): { label: string; trouble: "none" | "off" | "changing" | "stopped" | "unknown" } {
  switch (status) {
    case "ENABLED": return { label: "enabled", trouble: "none" };
    case "ENABLING": return { label: "being enabled", trouble: "changing" };
    case "DISABLING": return { label: "being disabled", trouble: "stopped" };
    case "DISABLED": return { label: "disabled", trouble: "off" };
    case "SUSPENDING": return { label: "being suspended", trouble: "stopped" };
    case "SUSPENDED": return { label: "suspended", trouble: "stopped" };
    case null: return { label: "unknown", trouble: "unknown" };
    default: return { label: status.toLowerCase(), trouble: "unknown" };
  }
}
