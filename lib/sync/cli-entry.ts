// `npm run sync`'s entry: the sync CLI (./cli) in a process with glibc's allocator settings, as the
// launcher gives the server processes (lib/ops/allocator-env.ts). Nothing else is loaded before the
// decision, so the re-run costs one small process start.
import { rerunWithAllocatorEnv } from "@/lib/ops/allocator-env";

void rerunWithAllocatorEnv().then(() => import("./cli"));
