import { defineConfig, devices } from "@playwright/test";
import { systemChromium } from "./scripts/system-chromium.mjs";
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, testGroupMap } from "./e2e/oidc/test-idp-config";

// The browser: PLAYWRIGHT_CHROMIUM_EXECUTABLE (npm test sets it: scripts/ensure-browser.mjs), else
// the system's (its headless shell first: scripts/system-chromium.mjs), else Playwright's own.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || systemChromium();
const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
// The signed-in app (OpenID Connect against a local test provider) beside the local-mode one.
const signinPort = Number(process.env.E2E_SIGNIN_PORT ?? port + 50);
const idpPort = Number(process.env.E2E_IDP_PORT ?? port + 60);
const signinURL = `http://127.0.0.1:${signinPort}`;
// The test provider's address, for the specs that change a user's groups there (the workers inherit it).
process.env.E2E_IDP_URL = `http://127.0.0.1:${idpPort}`;
const layoutAudit = /e2e\/responsive\.spec\.ts$/;
export const signinLog = ".test-data/e2e-signin-server.log";
const only = process.env.E2E_ONLY; // "local" or "signin": start only that app (a quicker local run)

const appEnv = {
  INSPECTORATE_DEMO_FINDINGS: process.env.E2E_DEMO_FINDINGS ?? "4000",
  INSPECTORATE_SYNC_INTERVAL_MINUTES: "60",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
  INSPECTORATE_ROLE_ARN: "",
  // Alerts: a fixed test key, and the local receivers the alerts spec starts on 127.0.0.1.
  INSPECTORATE_SECRETS_KEY: "ZTJlLW9ubHktYWxlcnRzLWtleS0zMi1ieXRlcy0hISE=",
  INSPECTORATE_ALERTS_HTTP_HOSTS: "127.0.0.1",
  INSPECTORATE_ALERTS_PRIVATE_HOSTS: "127.0.0.1",
};
const localServer = {
  // A fresh demo organization and embedded database for every run.
  command: "rm -rf .test-data/e2e && npx tsx scripts/start.ts start",
  url: `${baseURL}/`,
  timeout: 180_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  // Request log lines would flood the test output (the server's stdout is piped into it).
  env: { ...appEnv, PORT: String(port), INSPECTORATE_DATA_DIR: ".test-data/e2e", LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn" },
};
const signinServers = [
  {
    command: `npx tsx e2e/oidc/test-idp.ts ${idpPort} ${signinURL}/auth/callback`,
    url: `http://127.0.0.1:${idpPort}/.well-known/openid-configuration`,
    timeout: 60_000,
    reuseExistingServer: false,
  },
  {
    // The server's log is kept (tee) so a test can check it never shows a secret.
    command: `rm -rf .test-data/e2e-signin && mkdir -p .test-data && npx tsx scripts/start.ts start 2>&1 | tee ${signinLog}`,
    url: `${signinURL}/auth/signout`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      ...appEnv,
      PORT: String(signinPort),
      // Its own database: the two apps each seed and sync their own demo organization.
      DATABASE_URL: process.env.E2E_SIGNIN_DATABASE_URL ?? "",
      INSPECTORATE_DATA_DIR: ".test-data/e2e-signin",
      INSPECTORATE_OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
      INSPECTORATE_OIDC_CLIENT_ID: TEST_CLIENT_ID,
      INSPECTORATE_OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
      INSPECTORATE_PUBLIC_URL: signinURL,
      INSPECTORATE_OIDC_GROUP_MAP: JSON.stringify(testGroupMap),
      // Short enough for the expired-session test to wait it out.
      INSPECTORATE_SESSION_IDLE_MINUTES: "1.5",
      INSPECTORATE_SIGNIN_RATE_PER_MINUTE: "200",
      // Short enough for the groups-recheck test to see a change at the provider within seconds.
      INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS: "3",
    },
  },
];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Two streams, one per app, each one file at a time: a spec changes its app's state (syncs, alerts,
  // settings, reviews), so the specs of one app never overlap, but the signed-in app's (mostly
  // waiting: its idle-session test sleeps 95 s) run beside the local app's.
  fullyParallel: false,
  workers: only ? 1 : 2,
  retries: 0,
  reporter: [["list"], ["html", { outputFolder: "playwright-report", open: "never" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    // A failed test keeps its trace: DOM snapshots, network and actions. Not the screencast: recording
    // its frames for every test (kept or not) cost ~30 % more browser CPU here (36 page loads: 68-74 s
    // of CPU with it, 48-54 s with the snapshots alone, 48-52 s with no trace), and the failure's
    // screenshot is kept anyway.
    trace: { mode: "retain-on-failure", screenshots: false },
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    // The signed-in app's first: the dispatcher takes projects in this order, and its long wait
    // should overlap the local app's run rather than end the suite.
    ...(only === "local" ? [] : [
      { name: "signin-ready", testMatch: /e2e\/signin\/signin-ready\.setup\.ts$/, use: { baseURL: signinURL } },
      { name: "signin", workers: 1, testMatch: /e2e\/signin\/.*\.spec\.ts$/, use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, baseURL: signinURL }, dependencies: ["signin-ready"] },
    ]),
    ...(only === "signin" ? [] : [
      { name: "demo-ready", testMatch: /demo-ready\.setup\.ts/ },
      { name: "chromium", workers: 1, testIgnore: [/e2e\/signin\//, layoutAudit, ...(process.env.E2E_DATABASE_URL ? [] : [/lifecycle-views\.spec\.ts$/])], use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } }, dependencies: ["demo-ready"] },
      // The layout audit only reads (every page at three widths: nothing sideways, axe clean, any
      // data), so it needs no turn of its own: it runs beside the specs that change the app, on the
      // worker the signed-in app's specs leave free (138 s of the local app's 480 s in CI).
      { name: "layout", workers: 1, testMatch: layoutAudit, use: { ...devices["Desktop Chrome"] }, dependencies: ["demo-ready"] },
    ]),
  ],
  webServer: [...(only === "signin" ? [] : [localServer]), ...(only === "local" ? [] : signinServers)],
});
