// glibc's allocator settings for the server processes (the launcher sets them in their environment:
// glibc reads them once, at a process's start). Left alone, glibc keeps an arena per thread that
// allocates and holds freed buffers (response bodies, pg's bind messages) below a threshold that
// rises as larger ones are freed, so a long sync's RSS crept up with the organization's size:
// 456 MB at 2M findings against ~416 MB at 200k, with V8's heap the same at both. Two arenas and a
// fixed 128 KB mmap threshold (larger buffers go back to the OS when freed) made both sizes' peaks
// the same (docs/benchmarks.md, issue 16, sixteenth pass). An operator's own values win; other C
// libraries (musl) ignore these variables.
export const ALLOCATOR_DEFAULTS = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" } as const;

/** The allocator variables a server process gets: the operator's where set, else the defaults. */
export function allocatorEnv(env: Readonly<Record<string, string | undefined>>): Record<keyof typeof ALLOCATOR_DEFAULTS, string> {
  return {
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || ALLOCATOR_DEFAULTS.MALLOC_ARENA_MAX,
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ || ALLOCATOR_DEFAULTS.MALLOC_MMAP_THRESHOLD_,
  };
}

/** For a command-line process that does a server's work (`npm run sync`): when its environment lacks
 *  the allocator variables, run this same command again as a child with them, and exit with the
 *  child's code. Returns only in the process that has them (the child, or an operator's own values).
 *  The terminal's Ctrl-C reaches the child directly (same process group); the parent waits for it. */
export async function rerunWithAllocatorEnv(): Promise<void> {
  if (process.env.MALLOC_ARENA_MAX && process.env.MALLOC_MMAP_THRESHOLD_) return;
  const { spawn } = await import("node:child_process");
  const env = { ...process.env, ...allocatorEnv(process.env) };
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
