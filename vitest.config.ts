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
    // Postgres: two files at a time on a two-core machine (Vitest's default there is one), measured
    // 22 % faster on lib/queries with the cores already busy.
    fileParallelism: true,
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
