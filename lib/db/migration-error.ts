// The schema engine's failures as one line that says which migration and what PostgreSQL said:
// its own first line is "external connector error" (what start-up printed), and the rest is a
// trace of the engine's Rust frames.
const failedNow = /Error querying the database: (.+)/;
const failedName = /migration_name="([^"]+)"/;
const failedBefore = /The `([^`]+)` migration started at (.+?) failed/;

export function migrationErrorSummary(text: string): string | undefined {
  const now = failedNow.exec(text);
  const name = failedName.exec(text)?.[1];
  if (now && name) return `migration ${name} failed: ${now[1].trim()}`;
  const before = failedBefore.exec(text);
  if (before) {
    return `migration ${before[1]} failed when it was applied at ${before[2]} (its error is in _prisma_migrations.logs), ` +
      "so no later migration is applied until that row is resolved";
  }
  return undefined;
}
