// After `next build`: make .next/standalone a complete app. Copies what Next leaves out
// (.next/static, public/) and bundles the launcher (scripts/start.ts: config check, embedded
// database or DATABASE_URL, migrations, demo emulator) into inspectorate.mjs beside server.js.
// Packages with wasm or data files stay external; next.config.ts traces them into node_modules.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".next", "standalone");
if (!fs.existsSync(path.join(out, "server.js"))) {
  console.error("build-standalone: .next/standalone/server.js missing: run `next build` first");
  process.exit(1);
}
fs.cpSync(path.join(root, ".next", "static"), path.join(out, ".next", "static"), { recursive: true });
if (fs.existsSync(path.join(root, "public"))) fs.cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });

await build({
  entryPoints: [path.join(root, "scripts", "start.ts")],
  outfile: path.join(out, "inspectorate.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  alias: { "@": root },
  external: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "pg-native", "pino-pretty"],
  // CommonJS dependencies bundled into ESM still call require(); the launcher finds its app root.
  banner: {
    js: [
      'import { createRequire as __cr } from "node:module";',
      "const require = __cr(import.meta.url);",
      "process.env.INSPECTORATE_APP_ROOT ??= import.meta.dirname;",
      "process.env.INSPECTORATE_STANDALONE_DIR ??= import.meta.dirname;",
    ].join("\n"),
  },
  logLevel: "warning",
});
console.log("build-standalone: .next/standalone/inspectorate.mjs (start with `node .next/standalone/inspectorate.mjs`)");
