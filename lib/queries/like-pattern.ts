// LIKE / ILIKE patterns from text a viewer typed: its %, _ and \ match themselves (the default escape).
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches any value containing `text`. */
export const containsPattern = (text: string) => `%${likeEscape(text)}%`;
