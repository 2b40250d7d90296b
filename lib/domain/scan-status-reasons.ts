// Every Inspector coverage scanStatus.reason with a plain-language cause and fix: the one place
// the coverage page, the resource list and the account page explain why something is unscanned.
// The SDK types reasons as an open union, so unknown codes get a generic explanation.

export interface ScanStatusReasonInfo {
  label: string;
  cause: string;
  fix: string;
  /** True when the resource is scanned (statusCode ACTIVE) despite a non-SUCCESSFUL reason. */
  scanned?: boolean;
}

export const scanStatusReasons = {
  SUCCESSFUL: { label: "Scanned", cause: "Inspector is scanning this resource.", fix: "Nothing to do.", scanned: true },
  SCAN_IN_PROGRESS: { label: "Scan in progress", cause: "A scan is running right now.", fix: "Nothing to do; the result appears after the next sync.", scanned: true },
  SCAN_FREQUENCY_SCAN_ON_PUSH: { label: "Scanned on push only", cause: "The ECR repository scans images only when they are pushed, so new CVEs in old images are not found.", fix: "Set the repository's scan frequency to continuous scanning in the ECR / Inspector settings.", scanned: true },
  PENDING_INITIAL_SCAN: { label: "Waiting for first scan", cause: "Inspector found the resource but has not scanned it yet.", fix: "Usually resolves within minutes; if it persists for hours, check the resource is supported and reachable." },
  PENDING_REVIVAL_SCAN: { label: "Waiting for re-scan", cause: "The resource became eligible again (for example an old image was pulled) and waits for a fresh scan.", fix: "Nothing to do; Inspector re-scans it shortly." },
  ACCESS_DENIED: { label: "Access denied", cause: "Inspector's service-linked role is not allowed to read the resource.", fix: "Restore the AWSServiceRoleForAmazonInspector2 role and remove SCP, key or resource policies that deny it." },
  ACCESS_DENIED_TO_ENCRYPTION_KEY: { label: "Encryption key denied", cause: "The resource is encrypted with a KMS key Inspector may not use.", fix: "Grant Inspector's service-linked role kms:Decrypt in the key policy." },
  INTERNAL_ERROR: { label: "Inspector internal error", cause: "Inspector failed while scanning; this is on AWS's side.", fix: "Wait for the next scan; open an AWS support case if it persists." },
  UNMANAGED_EC2_INSTANCE: { label: "Not managed by SSM", cause: "The SSM agent is not managing this instance, so Inspector cannot collect its software inventory.", fix: "Install and start the SSM agent, attach an instance profile with AmazonSSMManagedInstanceCore, and allow it to reach the SSM endpoints — or switch the account to agentless scanning." },
  UNSUPPORTED_OS: { label: "Unsupported OS", cause: "Inspector does not support this operating system or version.", fix: "Move the workload to a supported OS (see the Inspector supported OS list) or accept the gap." },
  EC2_INSTANCE_STOPPED: { label: "Instance stopped", cause: "The instance is stopped, so it cannot be scanned.", fix: "Nothing while stopped; terminate it if it is no longer needed. It is scanned again when started." },
  RESOURCE_STOPPED: { label: "Resource stopped", cause: "The resource is stopped, so it cannot be scanned.", fix: "Nothing while stopped; delete it if it is no longer needed." },
  SCAN_ELIGIBILITY_EXPIRED: { label: "Scan window expired", cause: "The image was not pushed or pulled within the ECR re-scan duration, so Inspector stopped monitoring it.", fix: "Lengthen the ECR re-scan duration (push/pull date) in Inspector settings, or delete stale images." },
  RESOURCE_TERMINATED: { label: "Resource terminated", cause: "The resource no longer exists.", fix: "Nothing to do; it drops out of coverage on its own." },
  NO_RESOURCES_FOUND: { label: "No resources", cause: "There was nothing of this type to scan.", fix: "Nothing to do." },
  IMAGE_SIZE_EXCEEDED: { label: "Image too large", cause: "The container image exceeds Inspector's maximum size for scanning.", fix: "Slim the image (multi-stage builds, smaller base) below the size limit." },
  SCAN_FREQUENCY_MANUAL: { label: "Manual scanning", cause: "The ECR repository is set to manual scanning, so Inspector never scans it automatically.", fix: "Set the repository to scan on push or continuous scanning." },
  PENDING_DISABLE: { label: "Being disabled", cause: "Inspector scanning is being turned off for this resource or account.", fix: "Re-enable the scan type if the gap is unintended." },
  NO_INVENTORY: { label: "No SSM inventory", cause: "The SSM agent runs but has not reported a software inventory, so there is nothing to scan.", fix: "Check the Inspector SSM association (InspectorInventoryCollection) ran successfully and the agent can reach SSM." },
  STALE_INVENTORY: { label: "Stale SSM inventory", cause: "The instance's SSM inventory is older than 7 days, so findings may be out of date.", fix: "Fix the SSM agent's connectivity or association schedule so inventory is collected again." },
  EXCLUDED_BY_TAG: { label: "Excluded by tag", cause: "The resource carries the InspectorEc2Exclusion tag, so it was excluded on purpose.", fix: "Remove the tag if the exclusion is not intended; otherwise record it as an accepted risk." },
  UNSUPPORTED_RUNTIME: { label: "Unsupported runtime", cause: "The Lambda function uses a runtime Inspector does not scan (often a deprecated one).", fix: "Upgrade the function to a supported runtime." },
  UNSUPPORTED_MEDIA_TYPE: { label: "Unsupported image type", cause: "The image manifest or media type is not supported (for example a non-Docker/OCI format).", fix: "Rebuild the image as a standard Docker v2 or OCI image." },
  UNSUPPORTED_CONFIG_FILE: { label: "Unsupported config file", cause: "The image's configuration file format is not supported.", fix: "Rebuild the image with a standard toolchain (docker buildx, buildah)." },
  UNSUPPORTED_LANGUAGE: { label: "Unsupported language", cause: "Code scanning does not support this function's language.", fix: "Nothing on the function; rely on package scanning, or move to a supported language." },
  UNSUPPORTED_CODE_ARTIFACTS: { label: "Unsupported code artifacts", cause: "The deployed code artifacts are in a form code scanning cannot read.", fix: "Deploy a standard ZIP or supported package so code scanning can read it." },
  DEEP_INSPECTION_PACKAGE_COLLECTION_LIMIT_EXCEEDED: { label: "Deep inspection: too many packages", cause: "The instance has more than the 5,000 application packages deep inspection collects.", fix: "Narrow the deep-inspection paths for this instance so fewer packages are collected." },
  DEEP_INSPECTION_DAILY_SSM_INVENTORY_LIMIT_EXCEEDED: { label: "Deep inspection: daily limit", cause: "The SSM inventory daily limit for the instance was reached, so application packages were not collected.", fix: "Reduce other SSM inventory collection on the instance; collection resumes the next day." },
  DEEP_INSPECTION_COLLECTION_TIME_LIMIT_EXCEEDED: { label: "Deep inspection: timed out", cause: "Collecting application packages took longer than the time limit.", fix: "Limit the deep-inspection paths to the directories that hold applications." },
  DEEP_INSPECTION_NO_INVENTORY: { label: "Deep inspection: no inventory", cause: "Deep inspection has not collected an application inventory from this instance yet.", fix: "Check the SSM agent is current and the deep-inspection association ran." },
  AGENTLESS_INSTANCE_STORAGE_LIMIT_EXCEEDED: { label: "Agentless: volume too large", cause: "The instance's EBS volumes exceed the agentless scanning size limit.", fix: "Install the SSM agent for agent-based scanning, or reduce attached storage." },
  AGENTLESS_INSTANCE_COLLECTION_TIME_LIMIT_EXCEEDED: { label: "Agentless: timed out", cause: "The agentless snapshot scan took too long.", fix: "Install the SSM agent for agent-based scanning." },
  INTEGRATION_CONNECTION_LOST: { label: "Integration lost", cause: "The connection to the code repository provider was lost.", fix: "Reconnect the source-code integration in the Inspector console." },
  NO_SCAN_CONFIGURATION_ASSOCIATED: { label: "No scan configuration", cause: "The code repository has no scan configuration attached.", fix: "Associate a scan configuration with the repository." },
  IMAGE_ARCHIVED: { label: "Image archived", cause: "The image was moved to ECR's archive storage class, where it is not scanned.", fix: "Restore the image if it still runs anywhere; otherwise nothing to do." },
  RESOURCE_UNMANAGED: { label: "Resource unmanaged", cause: "The resource is not managed by the agent or integration Inspector needs.", fix: "Install or re-register the management agent for the resource." },
} as const satisfies Record<string, ScanStatusReasonInfo>;

export type ScanStatusReason = keyof typeof scanStatusReasons;
export const scanStatusReasonCodes = Object.keys(scanStatusReasons) as ScanStatusReason[];

export function explainScanStatusReason(code: string | null | undefined): ScanStatusReasonInfo & { code: string } {
  const key = code ?? "UNKNOWN";
  const known = (scanStatusReasons as Record<string, ScanStatusReasonInfo>)[key];
  return known
    ? { code: key, ...known }
    : { code: key, label: key.replaceAll("_", " ").toLowerCase(), cause: "Inspector reported a reason this version of Inspectorate does not know yet.", fix: "Look the reason code up in the Amazon Inspector coverage documentation." };
}
