// Demo mode: the bundled emulator plays the AWS Organization. The app reaches it exactly as it
// would reach AWS, through standard AWS configuration (AWS_ENDPOINT_URL and a role to assume).
import type { Env } from "../lib/env";
import { emulatorAwsEnv } from "../emulator/aws-env";

export async function startDemoEmulator(e: Env) {
  const { startEmulator } = await import("../emulator/server");
  const regions = e.INSPECTORATE_REGIONS ?? ["us-east-1", "eu-west-1", "ap-southeast-2"];
  const emu = await startEmulator({
    seed: e.INSPECTORATE_DEMO_SEED,
    accounts: e.INSPECTORATE_DEMO_ACCOUNTS,
    findings: e.INSPECTORATE_DEMO_FINDINGS,
    regions,
    // Keep closed findings for the whole back history so the demo's trends are full.
    closedRetentionDays: 90,
    // Code repositories with SAST, IaC and SCA findings (Inspector code security).
    quirks: { codeSecurity: true },
  });
  return {
    url: emu.url,
    stop: () => emu.close(),
    env: {
      INSPECTORATE_DEMO: "1",
      ...emulatorAwsEnv(emu, emu.baseCredentials, regions),
      INSPECTORATE_DEMO_EMULATOR_URL: emu.url,
    },
  };
}
