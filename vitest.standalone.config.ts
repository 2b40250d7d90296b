// The tests that start the production build (.next/standalone) as processes: scripts/test.sh runs
// them after `npm run build`. Two replicas need a Postgres server (an embedded PGlite is one
// session in one process), so that file runs where TEST_DATABASE_URL names one (.ci/run's pass 1).
import path from "node:path";
import { defineConfig } from "vitest/config";

const files = ["lib/ops/standalone-server.standalone.test.ts"];
// A read replica (DATABASE_READ_URL) is refused beside the embedded database, so that file too.
// Several web workers (INSPECTORATE_WEB_WORKERS) likewise need DATABASE_URL.
if (process.env.TEST_DATABASE_URL) files.push("lib/ops/replicas.standalone.test.ts", "lib/ops/read-replica.standalone.test.ts", "lib/ops/web-workers.standalone.test.ts");

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: files,
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Two files at a time: most of their time is waiting (a worker's 20 s crash-loop window, start-ups),
    // and each starts its own copy of the build on its own ports and database.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
