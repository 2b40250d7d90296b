// A fresh, migrated database on the local PostgreSQL server for one benchmark scenario.
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { applyMigrations } from "@/lib/db/migrations";
import { createDatabase, type Database } from "@/lib/db/client";

export const LOCAL_POSTGRES = "postgresql://inspectorate:inspectorate@127.0.0.1:5432/inspectorate";

export async function benchDatabase(): Promise<Database & { url: string }> {
  process.env.TEST_DATABASE_URL ??= LOCAL_POSTGRES;
  const empty = await createEmptyTestDatabase();
  await applyMigrations(empty.url);
  const database = createDatabase(empty.url, 10);
  return {
    ...database,
    url: empty.url,
    async close() {
      await database.close();
      await empty.drop();
    },
  };
}
