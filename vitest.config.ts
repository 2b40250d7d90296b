import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    // *.standalone.test.ts need the production build: scripts/test.sh runs them after it.
    exclude: ["node_modules/**", ".next/**", "e2e/**", "**/*.standalone.test.ts"],
    environment: "node",
    // Sync runs and requests log at info; tests show warnings and errors only.
    env: { LOG_LEVEL: "warn" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Database tests each make their own PGlite or schema and spend much of their time waiting on
    // Postgres: three files at a time on a two-core machine (Vitest's default there is one). Two were
    // 22 % faster than one on lib/queries; three against two, the whole suite on PostgreSQL 15:
    // 311 -> 275 s, with the cores idle 22 -> 13 % of the run.
    fileParallelism: true,
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
  },
});
