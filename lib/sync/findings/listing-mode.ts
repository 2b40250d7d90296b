// How a region's findings were listed, and a run's over its regions: FULL when every member account
// was listed in full (gone detection covered them all), INCREMENTAL when none was, MIXED when only some
// were (an account that is new, returns, or whose full listing fell due on its own). Accounts that left
// are listed in full in any mode and are not counted: their listing only closes what they had.
export type ListingMode = "FULL" | "MIXED" | "INCREMENTAL";

export function regionListingMode(membersListedInFull: number, members: number): ListingMode {
  if (membersListedInFull === 0) return "INCREMENTAL";
  return membersListedInFull === members ? "FULL" : "MIXED";
}

/** A run's mode from its regions' (regions without a findings listing left out). */
export function runListingMode(modes: readonly ListingMode[]): ListingMode {
  if (modes.length > 0 && modes.every((m) => m === "FULL")) return "FULL";
  return modes.every((m) => m === "INCREMENTAL") ? "INCREMENTAL" : "MIXED";
}

/** The mode as the sync page and the CLI write it; `short` for the run list's narrow column (its
 *  title gives the long form). */
export function listingModeLabel(mode: string, form: "long" | "short" = "long"): string {
  if (mode !== "MIXED") return mode.toLowerCase();
  return form === "short" ? "partly full" : "incremental, some accounts in full";
}
