// The server processes' memory settings: the defaults where the operator set nothing, theirs where they did.
import { spawnSync } from "node:child_process";
import path from "node:path";
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { allocatorEnv, heapNodeOptions, serverMemoryEnv } from "./server-memory-env";

const tsx = path.resolve("node_modules/.bin/tsx");
const probe = path.resolve("lib/ops/test-support/server-memory-probe.ts");
const unset = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("MALLOC_") && k !== "NODE_OPTIONS"));
type Probe = { arena?: string; threshold?: string; trim?: string; nodeOptions?: string; args: string[] };
const runProbe = (env: Record<string, string | undefined>, ...args: string[]) => {
  const r = spawnSync(tsx, [probe, ...args], { env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 30_000 });
  return { status: r.status, lines: r.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Probe) };
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

describe("heapNodeOptions", () => {
  const large = 4288; // this machine's heap limit in MB (24 GB of memory): V8's semi-spaces are 64 MB
  it("caps the young generation at 32 MB semi-spaces, after the operator's own options", () => {
    expect(heapNodeOptions(undefined, large)).toBe("--max-semi-space-size=32");
    expect(heapNodeOptions("", large)).toBe("--max-semi-space-size=32");
    expect(heapNodeOptions(" --enable-source-maps ", large)).toBe("--enable-source-maps --max-semi-space-size=32");
  });

  it("leaves an operator's own young generation alone, in either spelling", () => {
    expect(heapNodeOptions("--max-semi-space-size=64", large)).toBe("--max-semi-space-size=64");
    expect(heapNodeOptions("--max_semi_space_size=8 --trace-gc", large)).toBe("--max_semi_space_size=8 --trace-gc");
  });

  it("adds nothing under a 2 GB heap limit, where V8's own may be smaller", () => {
    expect(heapNodeOptions(undefined, 1100)).toBe("");
    expect(heapNodeOptions("--max-old-space-size=768", 960)).toBe("--max-old-space-size=768");
    expect(serverMemoryEnv({}, 1100)).toEqual({ MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "2097152", MALLOC_TRIM_THRESHOLD_: "8388608" });
    expect(serverMemoryEnv({ NODE_OPTIONS: "--max-old-space-size=4096" }, 4288).NODE_OPTIONS).toBe("--max-old-space-size=4096 --max-semi-space-size=32");
  });

  it("reads this process's heap limit when not told", () => {
    const limit = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
    expect(heapNodeOptions(undefined)).toBe(limit >= 2048 ? "--max-semi-space-size=32" : "");
  });
});

describe("rerunWithServerMemoryEnv (npm run sync's entry)", () => {
  // What a process started without NODE_OPTIONS gets on this machine (the cap, unless its heap limit is small).
  const machineLimit = Number(spawnSync(process.execPath, ["-p", "require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20"], { env: unset as NodeJS.ProcessEnv, encoding: "utf8" }).stdout);
  const capped = (own?: string) => heapNodeOptions(own, machineLimit) || undefined;

  it("runs the command once more with the settings, with its arguments, and exits with its code", () => {
    const r = runProbe(unset, "7", "--full");
    expect(r.lines).toEqual([{ arena: "2", threshold: "2097152", trim: "8388608", nodeOptions: capped(), args: ["7", "--full"] }]);
    expect(r.status).toBe(7);
  });

  it("runs in place with an operator's values, and fills in the ones they left out", () => {
    const all = { ...unset, MALLOC_ARENA_MAX: "4", MALLOC_MMAP_THRESHOLD_: "65536", MALLOC_TRIM_THRESHOLD_: "262144", NODE_OPTIONS: "--max-semi-space-size=16" };
    expect(runProbe(all, "0").lines).toEqual([{ arena: "4", threshold: "65536", trim: "262144", nodeOptions: "--max-semi-space-size=16", args: ["0"] }]);
    const one = runProbe({ ...unset, MALLOC_ARENA_MAX: "4" }, "3");
    expect(one.lines).toEqual([{ arena: "4", threshold: "2097152", trim: "8388608", nodeOptions: capped(), args: ["3"] }]);
    expect(one.status).toBe(3);
    const options = runProbe({ ...unset, NODE_OPTIONS: "--enable-source-maps" }, "0");
    expect(options.lines).toEqual([{ arena: "2", threshold: "2097152", trim: "8388608", nodeOptions: capped("--enable-source-maps"), args: ["0"] }]);
  });
});
