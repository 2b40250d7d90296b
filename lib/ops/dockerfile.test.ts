// The Dockerfile checked with a real parser (dockerfile-ast) and linter (dockerfile-utils): the
// image cannot be built here (no container runtime), so its promises are checked instead.
import fs from "node:fs";
import path from "node:path";
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const content = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
const dockerfile = DockerfileParser.parse(content);
const froms = dockerfile.getFROMs();

/** Instructions of the last stage (the image that ships). */
function finalStage(): Instruction[] {
  const all = dockerfile.getInstructions();
  const lastFrom = all.map((i) => i.getKeyword()).lastIndexOf("FROM");
  return all.slice(lastFrom);
}
const args = (i: Instruction) => i.getArgumentsContent() ?? "";
const line = (i: Instruction) => content.split("\n")[i.getRange().start.line];

describe("the Dockerfile", () => {
  it("parses and lints without errors", () => {
    expect(validate(content).filter((d) => d.severity === 1)).toEqual([]);
  });

  it("is multi-stage on a Node 24 base pinned to an exact release or digest", () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const stages = new Set(froms.map((f) => f.getBuildStage()));
    for (const f of froms.filter((f) => !stages.has(f.getImageName()))) {
      expect(f.getImageName()).toBe("node");
      const pinned = /^24\.\d+\.\d+(-|$)/.test(f.getImageTag() ?? "") || /^sha256:[0-9a-f]{64}$/.test(f.getImageDigest() ?? "");
      expect(pinned, `${f.getImage()} is not pinned`).toBe(true);
    }
  });

  it("runs as a non-root user with a health check on /api/health/live", () => {
    const last = finalStage();
    const users = last.filter((i) => i.getKeyword() === "USER").map(args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const health = last.filter((i) => i.getKeyword() === "HEALTHCHECK").map(args);
    expect(health).toHaveLength(1);
    expect(health[0]).toContain("/api/health/live");
    expect(last.findIndex((i) => i.getKeyword() === "USER")).toBeLessThan(last.findIndex((i) => i.getKeyword() === "CMD"));
  });

  it("ships only the standalone output (traced production files), no install or source tree", () => {
    const last = finalStage();
    const copies = last.filter((i) => i.getKeyword() === "COPY").map(line);
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) expect(c).toMatch(/--from=build\b.*\/\.next\/standalone /);
    expect(last.some((i) => i.getKeyword() === "RUN" && /npm (ci|install)/.test(args(i)))).toBe(false);
  });

  it("has a .dockerignore that keeps dependencies, builds, databases and secrets out", () => {
    const ignore = fs.readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n");
    for (const p of ["node_modules", ".next", ".data", ".git", ".env"]) expect(ignore).toContain(p);
  });
});
