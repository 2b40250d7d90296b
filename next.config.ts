import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  devIndicators: false,
  // `npm test` type-checks the whole project once with tsc; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Every response, static files included; the CSP itself comes from proxy.ts (a nonce per page).
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;
