// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter, so
// migrations run on machines where the CLI cannot download its native engine.
import fs from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

let loaded: Promise<typeof SchemaEngine> | undefined;

function loadEngineClass(): Promise<typeof SchemaEngine> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const compiled = await WebAssembly.compile(fs.readFileSync(wasmPath));
    const imports = { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports };
    const instance = await WebAssembly.instantiate(compiled, imports);
    const glue = bg as unknown as { __wbg_set_wasm(x: unknown): void; SchemaEngine: typeof SchemaEngine };
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue.SchemaEngine;
  })();
  return loaded;
}

export const noSchemaFilter = { externalTables: [], externalEnums: [] };

export interface OpenedEngine {
  engine: SchemaEngine;
  /** Runs an engine call, turning its opaque "External error id#N" into the driver's own error. */
  run<T>(call: (e: SchemaEngine) => Promise<T>): Promise<T>;
  /** Frees the engine and closes its connection, which holds Prisma's migrate lock (a session
   *  advisory lock) until it closes: left to the pool's idle timeout, the next engine on the same
   *  database (another replica starting, the next test) waited 10 s for it. */
  close(): Promise<void>;
}

export async function openSchemaEngine(databaseUrl: string, schemaPath: string): Promise<OpenedEngine> {
  const Engine = await loadEngineClass();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const datamodel = fs.readFileSync(schemaPath, "utf8");
  const engine = await Engine.new({ datamodels: [[schemaPath, datamodel]] }, () => {}, adapter);
  return {
    engine,
    async run(call) {
      try {
        return await call(engine);
      } catch (e) {
        const id = /External error id#(\d+)/.exec(String((e as Error)?.message))?.[1];
        const cause = id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id));
        if (cause) throw new Error(`schema engine: ${JSON.stringify(cause.error)}`);
        throw e;
      }
    },
    async close() {
      engine.free();
      await pool.end();
    },
  };
}
