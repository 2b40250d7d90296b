// Accounts without an OU: their heatmap group, and the explorer's `ou` filter value that opens their
// findings (the group once listed its accounts' ids in the link, which the filter caps at 100).
export const NO_OU = "(none)";
