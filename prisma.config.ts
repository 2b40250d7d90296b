import { defineConfig } from "prisma/config";

// The CLI reads this for `prisma generate` and, on a connected machine, `prisma migrate deploy`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/inspectorate" },
});
