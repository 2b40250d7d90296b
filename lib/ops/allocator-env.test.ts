// The server processes' allocator settings: the defaults where the operator set nothing, theirs where they did.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allocatorEnv } from "./allocator-env";

const tsx = path.resolve("node_modules/.bin/tsx");
const probe = path.resolve("lib/ops/test-support/allocator-probe.ts");
const withoutAllocator = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("MALLOC_")));
const runProbe = (env: Record<string, string | undefined>, ...args: string[]) => {
  const r = spawnSync(tsx, [probe, ...args], { env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 30_000 });
  return { status: r.status, lines: r.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { arena?: string; threshold?: string; trim?: string; args: string[] }) };
};

describe("allocatorEnv", () => {
  it("gives two arenas, a fixed 2 MB mmap threshold and an 8 MB trim threshold when nothing is set", () => {
    expect(allocatorEnv({})).toEqual({ MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "2097152", MALLOC_TRIM_THRESHOLD_: "8388608" });
  });

  it("keeps an operator's values, each on its own", () => {
    expect(allocatorEnv({ MALLOC_ARENA_MAX: "4" })).toEqual({ MALLOC_ARENA_MAX: "4", MALLOC_MMAP_THRESHOLD_: "2097152", MALLOC_TRIM_THRESHOLD_: "8388608" });
    expect(allocatorEnv({ MALLOC_MMAP_THRESHOLD_: "65536" })).toEqual({ MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "65536", MALLOC_TRIM_THRESHOLD_: "8388608" });
    expect(allocatorEnv({ MALLOC_TRIM_THRESHOLD_: "131072" })).toEqual({ MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "2097152", MALLOC_TRIM_THRESHOLD_: "131072" });
  });
});

describe("rerunWithAllocatorEnv (npm run sync's entry)", () => {
  it("runs the command once more with the settings, with its arguments, and exits with its code", () => {
    const r = runProbe(withoutAllocator, "7", "--full");
    expect(r.lines).toEqual([{ arena: "2", threshold: "2097152", trim: "8388608", args: ["7", "--full"] }]);
    expect(r.status).toBe(7);
  });

  it("runs in place with an operator's values, and fills in the one they left out", () => {
    const all = { ...withoutAllocator, MALLOC_ARENA_MAX: "4", MALLOC_MMAP_THRESHOLD_: "65536", MALLOC_TRIM_THRESHOLD_: "262144" };
    expect(runProbe(all, "0").lines).toEqual([{ arena: "4", threshold: "65536", trim: "262144", args: ["0"] }]);
    const one = runProbe({ ...withoutAllocator, MALLOC_ARENA_MAX: "4" }, "3");
    expect(one.lines).toEqual([{ arena: "4", threshold: "2097152", trim: "8388608", args: ["3"] }]);
    expect(one.status).toBe(3);
  });
});
