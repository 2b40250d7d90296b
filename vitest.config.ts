import { defineConfig } from "vitest/config";
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
    // Database tests each make their own PGlite or schema; two cores, so keep files modest.
    fileParallelism: true,
  },
});
