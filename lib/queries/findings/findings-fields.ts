// The explorer URL's field names and limits without the Zod schema, so link builders in the
// browser (heatmap cells, bars, badges) do not ship Zod; findings-filter.ts checks they agree.
export const findingsFilterFieldNames = [
  "account", "region", "severity", "status", "type", "resourceType", "tag", "owner", "ou", "resource", "cve", "package", "fix", "exploit", "kev",
  "epssMin", "epssMax", "scoreMin", "scoreMax", "ageMin", "ageMax", "firstSeenFrom", "firstSeenTo", "closedFrom", "closedTo", "closure", "reopenedFrom",
  "reopenedTo", "exploitableFrom", "becameExploitableFrom", "becameExploitableTo", "ami", "image", "inUse", "notPulledDays", "provider", "providerAccount", "alert", "sort", "group", "cursor", "limit",
] as const;
export type FindingsFilterField = (typeof findingsFilterFieldNames)[number];

export const findingsGroups = ["cve", "package", "resource", "ami", "image"] as const;
export type FindingsGroup = (typeof findingsGroups)[number];
export const maxFindingsLimit = 200;
export const defaultFindingsLimit = 50;
