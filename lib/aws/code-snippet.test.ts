import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "@/emulator/server";
import { allFindings, inspector, TEST_NOW } from "@/emulator/test-support";
import { fetchCodeSnippet, toCodeSnippet } from "./code-snippet";

let h: EmulatorHandle;
beforeAll(async () => { h = await startEmulator({ seed: 5, accounts: 6, findings: 300, now: TEST_NOW, quirks: { codeSecurity: true } }); });
afterAll(() => h.close());

describe("code snippets on demand", () => {
  it("reads a repository finding's lines through the real SDK", async () => {
    const c = inspector(h);
    const [f] = await allFindings(c, { title: [{ comparison: "EQUALS", value: "S3 bucket allows public read" }] });
    const s = await fetchCodeSnippet(f.findingArn!, "us-east-1", c);
    expect(s.kind).toBe("ok");
    if (s.kind !== "ok") return;
    expect(s.lines.map((l) => l.lineNumber)).toEqual([10, 11, 12, 13, 14]);
    expect(s.lines[2].content).toContain("public-read");
  });

  it("returns Inspector's per-finding error and a failed call as values", async () => {
    const c = inspector(h);
    const missing = await fetchCodeSnippet("arn:aws:inspector2:us-east-1:111122223333:finding/0123456789abcdef0123456789abcdef", "us-east-1", c);
    expect(missing).toMatchObject({ kind: "error", code: "CODE_SNIPPET_NOT_FOUND" });
    h.setOptions({ deniedRegions: ["us-east-1"] });
    try {
      expect(await fetchCodeSnippet("arn:x", "us-east-1", c)).toMatchObject({ kind: "error", code: "AccessDeniedException" });
    } finally {
      h.setOptions({ deniedRegions: [] });
    }
    expect(toCodeSnippet("a", {})).toMatchObject({ kind: "error", code: "NO_RESULT" });
  });
});
