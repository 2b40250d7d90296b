// Memory settings for the processes where the sync runs (the server processes, `npm run sync`): the
// launcher puts them in their environment, read once at a process's start. An operator's own values win.
//
// glibc's allocator. Left alone, glibc keeps an arena per thread that
// allocates and holds freed buffers (response bodies, pg's bind messages) below a threshold that
// rises as larger ones are freed, so a long sync's RSS crept up with the organization's size:
// 456 MB at 2M findings against ~416 MB at 200k, with V8's heap the same at both (issue 16,
// sixteenth pass). Two arenas and a fixed mmap threshold stop that. The threshold was 128 KB until
// the twenty-first pass, which found its cost: every buffer above it (a page of findings, pg's bind
// message of a 500-finding batch, ~770 KB) came fresh from the OS and was returned when freed, and
// on this VM each 4 KB page touched that way is a page fault of ~15 µs (pg's bind serialisation took
// 14-15 µs a finding with it, 6-7 without). At 2 MB those buffers are reused, and the trim threshold
// bounds what freed memory glibc keeps at the top of its heap to 8 MB. Other C libraries (musl)
// ignore these variables.
//
// V8's young generation (NODE_OPTIONS). Node sizes it from the heap limit: where that is 4 GB (a machine
// or container with 16 GB or more), two 64 MB semi-spaces, and a sync allocates fast enough to keep all
// 128 MB of them committed, the more surely the longer it runs: on the issue 16 benchmark the first
// load peaked at 416-426 MB of RSS at 200k findings and 450 MB at 2M, a 2M re-listing at up to 507 MB.
// With 32 MB semi-spaces: 362-385 MB at 200k, 378-402 MB at 2M (twenty-ninth pass), for a few
// microseconds more of the sync's CPU per finding. Only ever a cap (CAP_FROM_HEAP_LIMIT_MB).
import v8 from "node:v8";

export const ALLOCATOR_DEFAULTS = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "2097152", MALLOC_TRIM_THRESHOLD_: "8388608" } as const;

/** The allocator variables a server process gets: the operator's where set, else the defaults. */
export function allocatorEnv(env: Readonly<Record<string, string | undefined>>): Record<keyof typeof ALLOCATOR_DEFAULTS, string> {
  return {
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || ALLOCATOR_DEFAULTS.MALLOC_ARENA_MAX,
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ || ALLOCATOR_DEFAULTS.MALLOC_MMAP_THRESHOLD_,
    MALLOC_TRIM_THRESHOLD_: env.MALLOC_TRIM_THRESHOLD_ || ALLOCATOR_DEFAULTS.MALLOC_TRIM_THRESHOLD_,
  };
}

export const SEMI_SPACE_OPTION = "--max-semi-space-size=32";
/** Where the heap limit is 2 GB or more, V8's own semi-spaces are larger than the cap (Node 24 measured:
 *  64 MB at limits of 1.2 to 8.4 GB). Below it they may be smaller, and are left as they are.
 */
const CAP_FROM_HEAP_LIMIT_MB = 2048;

/** NODE_OPTIONS with the young generation capped, unless the operator's options size it already or
 *  V8's default is no larger (heapLimitMb: this process's heap limit, as its children will get it). */
export function heapNodeOptions(nodeOptions: string | undefined, heapLimitMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20): string {
  const own = nodeOptions?.trim() ?? "";
  if (/--max[-_]semi[-_]space[-_]size\b/.test(own) || heapLimitMb < CAP_FROM_HEAP_LIMIT_MB) return own;
  return [own, SEMI_SPACE_OPTION].filter(Boolean).join(" ");
}

/** Every memory variable a server process gets: the allocator's, and NODE_OPTIONS when it has any. */
export function serverMemoryEnv(env: Readonly<Record<string, string | undefined>>, heapLimitMb?: number): Record<string, string> {
  const nodeOptions = heapNodeOptions(env.NODE_OPTIONS, heapLimitMb);
  return { ...allocatorEnv(env), ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) };
}

/** For a command-line process that does a server's work (`npm run sync`): when its environment lacks
 *  any of the memory settings, run this same command again as a child with them, and exit with the
 *  child's code. Returns only in the process that has them (the child, or an operator's own values).
 *  The terminal's Ctrl-C reaches the child directly (same process group); the parent waits for it. */
export async function rerunWithServerMemoryEnv(): Promise<void> {
  const wanted = serverMemoryEnv(process.env);
  if (Object.entries(wanted).every(([k, v]) => (process.env[k] ?? "").trim() === v)) return;
  const { spawn } = await import("node:child_process");
  const env = { ...process.env, ...wanted };
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env });
  const ignore = () => {};
  process.on("SIGINT", ignore);
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on("SIGTERM", forward("SIGTERM"));
  process.on("SIGHUP", forward("SIGHUP"));
  const code = await new Promise<number>((resolve) =>
    child.on("exit", (c, signal) => resolve(c ?? (signal === "SIGINT" ? 130 : 1))).on("error", () => resolve(1)));
  process.exit(code);
}
