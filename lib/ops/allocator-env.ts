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
