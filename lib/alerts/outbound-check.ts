// Every delivery's target is checked first (openstatus assertSafeUrl): https only, plain http only
// for hosts an admin allows, and no resolved address that is loopback, link-local (169.254.169.254
// serves the instance's AWS credentials), private or unspecified unless that host is allowed.
import dns from "node:dns/promises";
import net from "node:net";

export interface OutboundPolicy {
  httpHosts: readonly string[];
  privateHosts: readonly string[];
}

const blocked = new net.BlockList();
for (const [a, p] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16], ["224.0.0.0", 4], ["240.0.0.0", 4]] as const) blocked.addSubnet(a, p, "ipv4");
for (const [a, p] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) blocked.addSubnet(a, p, "ipv6");

/** Loopback, link-local, private, CGNAT, multicast or unspecified (IPv4-mapped IPv6 included). */
export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], "ipv4");
  return blocked.check(address, net.isIPv6(address) ? "ipv6" : "ipv4");
}

export class OutboundRefused extends Error {}

const bare = (host: string) => host.replace(/^\[|\]$/g, "").toLowerCase();

/** The address to connect to (pinned, so a second DNS answer cannot differ), or OutboundRefused. */
export async function checkOutbound(target: { protocol: "https:" | "http:" | "smtp:"; host: string }, p: OutboundPolicy): Promise<{ address: string; family: 4 | 6 }> {
  const host = bare(target.host);
  if (target.protocol === "http:" && !p.httpHosts.map(bare).includes(host)) {
    throw new OutboundRefused(`plain http to ${host} is not allowed (https only; an admin may allow the host in INSPECTORATE_ALERTS_HTTP_HOSTS)`);
  }
  const addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) as 4 | 6 }] : await dns.lookup(host, { all: true }).catch(() => {
    throw new OutboundRefused(`${host} does not resolve`);
  });
  if (addresses.length === 0) throw new OutboundRefused(`${host} does not resolve`);
  const allowPrivate = p.privateHosts.map(bare);
  for (const a of addresses) {
    if (isBlockedAddress(a.address) && !allowPrivate.includes(host) && !allowPrivate.includes(bare(a.address))) {
      throw new OutboundRefused(`${host} resolves to ${a.address}, a loopback, link-local or private address (an admin may allow it in INSPECTORATE_ALERTS_PRIVATE_HOSTS)`);
    }
  }
  return { address: addresses[0].address, family: addresses[0].family as 4 | 6 };
}

/** A URL's target for checkOutbound. */
export function urlTarget(url: string): { protocol: "https:" | "http:"; host: string } {
  const u = new URL(url);
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new OutboundRefused(`${u.protocol} URLs are not allowed (https only)`);
  return { protocol: u.protocol, host: u.hostname };
}
