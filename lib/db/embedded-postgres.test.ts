import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "./client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inspectorate-pglite-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("embedded Postgres", () => {
  it("keeps data across a stop and a start of the same data directory", async () => {
    const first = await startEmbeddedPostgres({ dataDir: dir });
    await applyMigrations(first.url);
    const a = createDatabase(first.url, 1);
    await a.prisma.account.create({ data: { id: "210987654321", name: "prod-payments", owner: "payments-team" } });
    await a.close();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir: dir });
    expect(await applyMigrations(second.url)).toEqual([]); // already migrated: the schema survived too
    const b = createDatabase(second.url, 1);
    const row = await b.prisma.account.findUnique({ where: { id: "210987654321" } });
    await b.close();
    await second.stop();
    expect(row).toMatchObject({ name: "prod-payments", owner: "payments-team" });
  }, 180_000); // two boots of the WASM Postgres and a full migration: 10 s on a quiet machine, 83 s at a load of 20

  it("refuses a directory another live process holds, naming the process", async () => {
    fs.writeFileSync(path.join(dir, "inspectorate.pid"), String(process.ppid));
    await expect(startEmbeddedPostgres({ dataDir: dir })).rejects.toThrow(`in use by process ${process.ppid}`);
    fs.rmSync(path.join(dir, "inspectorate.pid"));
  });
});
