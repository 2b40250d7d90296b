import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import os from "node:os";
import path from "node:path";

// The longest files start first. Without Vitest's cache of durations (a clean clone, as CI runs),
// it starts the largest files first, and the findings index's agreement property (40-50 s, in a
// 12-line file whose body is in its test support) ran last of 264, alone at the end of a
// CPU-bound phase. Measured on PostgreSQL 15 in .ci/run (docs/benchmarks.md, 45th pass).
const longest = [
  /findings-index-answers\.test\.ts$/, // 68-88 s
  /sync-org-details\.test\.ts$/, // 66 s, waiting out Organizations' throttling
  /findings-index-answers-dated\.test\.ts$/, // 40-49 s
  /sync-isolation\.test\.ts$/, // 32 s
  /heap-growth\.test\.ts$/, // 30 s
  /sync-model\.test\.ts$/, // 29 s
];
class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = longest.findIndex((re) => re.test(f.moduleId));
      return i < 0 ? longest.length : i;
    };
    return sorted.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
  }
}

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
    sequence: { sequencer: LongestFirst },
  },
});
