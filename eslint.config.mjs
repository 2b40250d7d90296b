import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

const config = [
  ...next,
  ...ts,
  { ignores: ["lib/generated/**", ".next/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "dist/**"] },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  // DESIGN: pages, routes and components reach the database only through lib/queries, lib/actions
  // and the other lib modules, never lib/db, the generated client or pg themselves (tests may).
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "pg", message: "read through lib/queries (DESIGN: app/ and components/ stay away from the database)" }],
        patterns: [{ group: ["@/lib/db/*", "@/lib/generated/*", "@/lib/generated/**"], message: "read through lib/queries (DESIGN: app/ and components/ stay away from the database)" }],
      }],
    },
  },
];

export default config;
