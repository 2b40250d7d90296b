// A command that does what `npm run sync`'s entry does first (rerunWithAllocatorEnv), then prints the
// allocator variables it runs with and its arguments, and exits with the code its first argument names.
import { rerunWithAllocatorEnv } from "../allocator-env";

await rerunWithAllocatorEnv();
console.log(JSON.stringify({ arena: process.env.MALLOC_ARENA_MAX, threshold: process.env.MALLOC_MMAP_THRESHOLD_, trim: process.env.MALLOC_TRIM_THRESHOLD_, args: process.argv.slice(2) }));
process.exit(Number(process.argv[2] ?? 0));
