// What BatchGetFindingDetails knows about a CVE in the demo world, decided per vulnerability (as
// CISA KEV and EPSS are), deterministic from the world's seed. KEV: an exploited CVE with EPSS
// above 0.5; its due date is 3 weeks after it was added (mostly past) or 6 months (often ahead).
import { hashUnit } from "../prng";
import type { Template } from "./templates";

const DAY = 86400;
const CWES = ["CWE-787", "CWE-20", "CWE-400", "CWE-502", "CWE-22", "CWE-78", "CWE-917", "CWE-416", "CWE-125", "CWE-94"];
const KEV_ACTION = "Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.";

export interface VulnIntel {
  cisaData?: { dateAdded: number; dateDue: number; action: string };
  exploitObserved?: { firstSeen: number; lastSeen: number };
  evidences: { evidenceRule: string; evidenceDetail: string; severity: string }[];
  ttps: string[];
  tools: string[];
  cwes: string[];
  referenceUrls: string[];
  epssScore: number;
}

/** `exploitAt`: when the template's exploit was published (epoch seconds); `clock`: now. */
export function vulnIntel(seed: number, t: Template, exploited: boolean, exploitAt: number, clock: number): VulnIntel | undefined {
  const c = t.cve;
  if (!c) return undefined;
  const h = (salt: number) => hashUnit(seed, salt, t.index);
  const added = Math.floor(exploitAt / DAY) * DAY + 2 * DAY;
  const kev = exploited && c.epss > 0.5;
  const cwes = [CWES[Math.floor(h(0xc1) * CWES.length)], ...(h(0xc2) < 0.4 ? [CWES[Math.floor(h(0xc3) * CWES.length)]] : [])];
  return {
    ...(kev ? { cisaData: { dateAdded: added, dateDue: added + (h(0x4b) < 0.5 ? 21 : 180) * DAY, action: KEV_ACTION } } : {}),
    ...(exploited ? { exploitObserved: { firstSeen: exploitAt, lastSeen: Math.max(exploitAt, clock - Math.floor(1 + h(0xe1) * 9) * DAY) } } : {}),
    evidences: exploited
      ? [{ evidenceRule: kev ? "CISA Known Exploited Vulnerability" : "Exploit code publicly available", evidenceDetail: kev ? "Listed in the CISA KEV catalog" : "Public proof-of-concept published", severity: t.severity }]
      : [],
    ttps: exploited ? (kev ? ["T1190", "T1059"] : ["T1190"]) : [],
    tools: exploited ? (h(0x70) < 0.5 ? ["metasploit"] : ["metasploit", "nuclei"]) : [],
    cwes: [...new Set(cwes)],
    referenceUrls: [`https://nvd.nist.gov/vuln/detail/${c.id}`],
    epssScore: c.epss,
  };
}
