// CISA Known Exploited Vulnerabilities: the explorer's filter values and their labels. KEV has
// three states: in KEV, not in KEV (details fetched), and unknown (details never fetched).
export const kevFilterValues = ["YES", "NO", "UNKNOWN"] as const;
export type KevFilter = (typeof kevFilterValues)[number];

export const kevFilterLabel: Record<KevFilter, string> = { YES: "In CISA KEV", NO: "Not in KEV", UNKNOWN: "Unknown" };
