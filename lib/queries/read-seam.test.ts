// Every read model reaches the database through the read seam (lib/queries/sql.ts), so
// DATABASE_READ_URL moves all of them to the replica at once. A read model that takes the primary
// directly (db()) must be listed here with its reason; a new one fails until it is.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTestCode } from "@/lib/test-support/test-code";

const root = path.join(process.cwd(), "lib", "queries");
const onPrimary: Record<string, string> = {
  "sql.ts": "the seam itself",
  "gate/policies.ts": "a decision uses the policy just saved",
  "gate/gate-exceptions.ts": "a revoked exception stops passing findings at once",
  "gate/artifact-observation.ts": "judged on the database the decision is recorded in",
  "findings/scope-key-rollups.ts": "it writes a scope's sums (the viewers' pages read them through the seam)",
  "views-warmer.ts": "its turn among the app's processes is an advisory lock on the primary they all share; it reads nothing there",
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "bench" ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !isTestCode(p) ? [p] : [];
  });
}

describe("the read seam", () => {
  it("is how every read model reads: only the listed ones take the primary directly", () => {
    const direct = sources(root)
      .filter((f) => /\bdb\(\)|\.pool\.(query|connect)\(/.test(fs.readFileSync(f, "utf8").replace(/readDb\(\)\.pool/g, "")))
      .map((f) => path.relative(root, f).split(path.sep).join("/"))
      .sort();
    expect(direct).toEqual(Object.keys(onPrimary).sort());
  });
});
