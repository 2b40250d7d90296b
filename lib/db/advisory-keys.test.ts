// The registry of advisory lock keys is the whole list: every advisory call in the app's code and its
// migrations uses a registered key, and no two jobs share one.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADVISORY_KEYS, ADVISORY_TEXT_KEYS } from "./advisory-keys";

const root = path.resolve(__dirname, "../..");

function sources(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.parentPath.includes("generated"))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every pg_advisory_* / pg_try_advisory_* call with what it locks (its argument text). */
function advisoryCalls(): { file: string; arg: string }[] {
  const files = [...sources("lib", /\.ts$/), ...sources("app", /\.tsx?$/), ...sources("scripts", /\.(ts|mjs)$/), ...sources("prisma/migrations", /\.sql$/)];
  return files.flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/pg_(?:try_)?advisory_(?:xact_)?lock(?:_shared)?\(([^)]*\)?)\)/g)]
    .map((m) => ({ file: path.relative(root, file), arg: m[1] })));
}

describe("advisory lock keys", () => {
  it("are distinct, fixed keys above the int4 range of hashtext()'s keys", () => {
    const keys = Object.values(ADVISORY_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) {
      expect(Number.isSafeInteger(k)).toBe(true);
      expect(k).toBeGreaterThan(2 ** 31);
    }
    expect(keys).not.toContain(72707369); // Prisma's own migrate lock
    const texts = Object.values(ADVISORY_TEXT_KEYS);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("are the only keys the code and the migrations lock", () => {
    const calls = advisoryCalls();
    // The calls known today: if one is added, this list and the registry are where it is looked at.
    expect(calls.length).toBeGreaterThanOrEqual(6);
    const fixed = new Set<number>(Object.values(ADVISORY_KEYS));
    const texts = Object.values(ADVISORY_TEXT_KEYS);
    for (const { file, arg } of calls) {
      const literal = arg.match(/^\s*(\d[\d_]*)\s*$/);
      const hashed = arg.match(/^\s*hashtext\((?:''|')([^']*)(?:''|')\)\s*$/);
      if (literal) expect(fixed.has(Number(literal[1].replace(/_/g, ""))), `${file}: ${arg} is not in ADVISORY_KEYS`).toBe(true);
      else if (hashed) expect(texts.some((t) => hashed[1] === t), `${file}: hashtext('${hashed[1]}') is not in ADVISORY_TEXT_KEYS`).toBe(true);
      else expect(["$1", "hashtext($1)"], `${file}: pg_advisory_…(${arg}) takes a key the registry does not name`).toContain(arg.trim());
    }
  });

  it("pass a bound key only from the registry", () => {
    // A call with a parameter ($1) gets its key from the code around it: those files must use the registry.
    const bound = [...new Set(advisoryCalls().filter((c) => c.arg.includes("$1")).map((c) => c.file))];
    expect(bound.length).toBeGreaterThan(0);
    const callers = [...sources("lib", /\.ts$/), ...sources("app", /\.tsx?$/)]
      .filter((f) => /inServerTurn\(/.test(fs.readFileSync(f, "utf8")) && !f.endsWith("server-turn.ts"));
    for (const file of [...bound.map((f) => path.join(root, f)).filter((f) => !f.endsWith("server-turn.ts")), ...callers]) {
      expect(fs.readFileSync(file, "utf8"), path.relative(root, file)).toMatch(/ADVISORY_(TEXT_)?KEYS\./);
    }
  });
});
