// A command that does what `npm run sync`'s entry does first (rerunWithServerMemoryEnv), then prints the
// memory variables it runs with and its arguments, and exits with the code its first argument names.
import { rerunWithServerMemoryEnv } from "../server-memory-env";

await rerunWithServerMemoryEnv();
console.log(JSON.stringify({ arena: process.env.MALLOC_ARENA_MAX, threshold: process.env.MALLOC_MMAP_THRESHOLD_, trim: process.env.MALLOC_TRIM_THRESHOLD_,
  nodeOptions: process.env.NODE_OPTIONS, args: process.argv.slice(2) }));
process.exit(Number(process.argv[2] ?? 0));
