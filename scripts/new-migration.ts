// Writes the next migration: the engine's diff from the schema the last migration was made from
// (prisma/migrations/.schema-snapshot.prisma) to schema.prisma; the drift test guards the result.
// Offline replacement for `prisma migrate dev --create-only`. Usage: npm run db:new-migration -- <name>
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrationsDir, schemaPath } from "../lib/db/migrations";
import { noSchemaFilter, openSchemaEngine } from "../lib/db/schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}
const pg = await startEmbeddedPostgres();
try {
  const opened = await openSchemaEngine(pg.url, schemaPath);
  const content = fs.readFileSync(schemaPath, "utf8");
  const existing = fs.readdirSync(migrationsDir).filter((d) => /^\d{14}_/.test(d)).sort();
  const from = existing.length
    ? { tag: "schemaDatamodel" as const, files: [{ path: schemaPath, content: fs.readFileSync(path.join(migrationsDir, ".schema-snapshot.prisma"), "utf8") }] }
    : { tag: "empty" as const };
  const out = await opened.run((engine) => engine.diff({ from, to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] }, script: true, exitCode: null, filters: noSchemaFilter }));
  const sql = out.stdout ?? "";
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma matches the migrations; nothing to write");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.writeFileSync(path.join(migrationsDir, ".schema-snapshot.prisma"), content);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
  await opened.close();
} finally {
  await pg.stop();
}
