// The server processes' allocator settings: the defaults where the operator set nothing, theirs where they did.
import { describe, expect, it } from "vitest";
import { allocatorEnv } from "./allocator-env";

describe("allocatorEnv", () => {
  it("gives two arenas and a fixed 128 KB mmap threshold when nothing is set", () => {
    expect(allocatorEnv({})).toEqual({ MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" });
  });

  it("keeps an operator's values, each on its own", () => {
    expect(allocatorEnv({ MALLOC_ARENA_MAX: "4" })).toEqual({ MALLOC_ARENA_MAX: "4", MALLOC_MMAP_THRESHOLD_: "131072" });
    expect(allocatorEnv({ MALLOC_MMAP_THRESHOLD_: "65536" })).toEqual({ MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "65536" });
  });
});
