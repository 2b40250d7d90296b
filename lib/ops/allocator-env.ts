// glibc's allocator settings for the server processes (the launcher sets them in their environment:
// glibc reads them once, at a process's start). Left alone, glibc keeps an arena per thread that
// allocates and holds freed buffers (response bodies, pg's bind messages) below a threshold that
// rises as larger ones are freed, so a long sync's RSS crept up with the organization's size:
// 456 MB at 2M findings against ~416 MB at 200k, with V8's heap the same at both (issue 16,
// sixteenth pass). Two arenas and a fixed mmap threshold stop that. The threshold was 128 KB until
// the twenty-first pass, which found its cost: every buffer above it (a page of findings, pg's bind
// message of a 500-finding batch, ~770 KB) came fresh from the OS and was returned when freed, and
// on this VM each 4 KB page touched that way is a page fault of ~15 µs (pg's bind serialisation took
// 14-15 µs a finding with it, 6-7 without). At 2 MB those buffers are reused, and the trim threshold
// bounds what freed memory glibc keeps at the top of its heap to 8 MB. An operator's own values win;
// other C libraries (musl) ignore these variables.
export const ALLOCATOR_DEFAULTS = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "2097152", MALLOC_TRIM_THRESHOLD_: "8388608" } as const;

/** The allocator variables a server process gets: the operator's where set, else the defaults. */
export function allocatorEnv(env: Readonly<Record<string, string | undefined>>): Record<keyof typeof ALLOCATOR_DEFAULTS, string> {
  return {
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || ALLOCATOR_DEFAULTS.MALLOC_ARENA_MAX,
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ || ALLOCATOR_DEFAULTS.MALLOC_MMAP_THRESHOLD_,
    MALLOC_TRIM_THRESHOLD_: env.MALLOC_TRIM_THRESHOLD_ || ALLOCATOR_DEFAULTS.MALLOC_TRIM_THRESHOLD_,
  };
}

/** For a command-line process that does a server's work (`npm run sync`): when its environment lacks
 *  the allocator variables, run this same command again as a child with them, and exit with the
 *  child's code. Returns only in the process that has them (the child, or an operator's own values).
 *  The terminal's Ctrl-C reaches the child directly (same process group); the parent waits for it. */
export async function rerunWithAllocatorEnv(): Promise<void> {
  if (Object.keys(ALLOCATOR_DEFAULTS).every((k) => process.env[k])) return;
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
