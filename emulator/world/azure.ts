import { hexFrom } from "../prng";
import type { ResourceInfo } from "./resource-info";
import { EC2, type World } from "./types";

// A few Azure VMs scanned through an Inspector connector: half of the delegated administrator's
// instances become Azure VMs in one of two subscriptions. Their findings keep the admin account as
// awsAccountId (the connector's owner); the subscription is the resource's providerAccountId.

const uuid = (w: World, k: number) => {
  const h = hexFrom(32, w.seed, 0xa2e, k);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export function isAzureVm(w: World, r: number): boolean {
  return w.res.type.data[r] === EC2 && w.res.account.data[r] === w.adminIndex && w.res.ordinal.data[r] % 2 === 0;
}

export const azureTenant = (w: World) => uuid(w, 0);
export const azureSubscription = (w: World, r: number) => uuid(w, 1 + (w.res.ordinal.data[r] % 4 === 0 ? 0 : 1));

export function toAzureVm(w: World, r: number, aws: ResourceInfo): ResourceInfo {
  const sub = azureSubscription(w, r);
  const ec2 = (aws.details.awsEc2Instance ?? {}) as Record<string, unknown>;
  const vmName = `${aws.tags.Team ?? "app"}-vm-${w.res.ordinal.data[r]}`;
  const id = `/subscriptions/${sub}/resourceGroups/${aws.tags.Team ?? "app"}-rg/providers/Microsoft.Compute/virtualMachines/${vmName}`;
  const details = {
    vm: { type: "Standard_D2s_v5", vmName, vmImageReference: `Canonical:ubuntu-24_04-lts:server:latest`,
      ipV4Addresses: ec2.ipV4Addresses, ipV6Addresses: [], networkId: `vnet-${aws.tags.Team ?? "app"}`, platform: "UBUNTU_24_04" },
  };
  return { ...aws, id, type: "Microsoft.Compute/virtualMachines", tags: { ...aws.tags, Name: vmName }, details, ami: undefined,
    provider: "AZURE", providerAccountId: sub, providerOrgId: azureTenant(w), providerRegion: "eastus" };
}

/** The Resource / CoveredResource provider members (none for AWS resources, as older partitions send). */
export function providerFields(i: ResourceInfo, covered = false): Record<string, string> {
  if (!i.provider) return {};
  return { provider: i.provider, providerAccountId: i.providerAccountId!, providerOrgId: i.providerOrgId!,
    ...(covered ? { providerRegion: i.providerRegion!, providerPartition: "azure" } : {}) };
}
