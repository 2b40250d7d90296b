// `npm run sync`'s entry: the sync CLI (./cli) in a process with the memory settings the launcher
// gives the server processes (glibc's allocator, V8's young generation: lib/ops/server-memory-env.ts).
// Nothing else is loaded before the decision, so the re-run costs one small process start.
import { rerunWithServerMemoryEnv } from "@/lib/ops/server-memory-env";

void rerunWithServerMemoryEnv().then(() => import("./cli"));
