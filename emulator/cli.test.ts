import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Inspector2Client, ListFindingsCommand } from "@aws-sdk/client-inspector2";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";

// A user's script against `npm run emulator`: a separate process, an endpoint read from
// its output, an assumed role, and findings listed with the SDK.

let child: ChildProcess | undefined;
afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((ok) => child!.once("exit", ok));
  process.kill(-child.pid!, "SIGTERM"); // our own process group only
  await exited;
});

function waitForBanner(p: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no banner in time: ${out}`)), 45_000);
    p.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (/control:/.test(out)) { clearTimeout(timer); resolve(out); }
    });
    p.once("exit", (code) => { clearTimeout(timer); reject(new Error(`emulator exited with ${code}: ${out}`)); });
  });
}

describe("npm run emulator", () => {
  it("serves findings to a separate process through an assumed role", async () => {
    child = spawn("npx", ["tsx", "emulator/cli.ts", "--port", "0", "--seed", "42", "--accounts", "5", "--findings", "800"], {
      cwd: path.resolve(__dirname, ".."), detached: true, stdio: ["ignore", "pipe", "inherit"],
    });
    const banner = await waitForBanner(child);
    const url = /endpoint:\s+(http:\/\/\S+)/.exec(banner)![1];
    const roleArn = /role ARN:\s+(\S+)/.exec(banner)![1];
    const externalId = /external id:\s+(\S+)/.exec(banner)![1];
    const [, key, secret] = /AWS_ACCESS_KEY_ID=(\S+) AWS_SECRET_ACCESS_KEY=(\S+)/.exec(banner)!;
    expect(banner).toMatch(/AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:\d+ /);
    const client = new Inspector2Client({
      endpoint: url, region: "us-east-1",
      credentials: fromTemporaryCredentials({
        params: { RoleArn: roleArn, RoleSessionName: "user-script", ExternalId: externalId },
        masterCredentials: { accessKeyId: key, secretAccessKey: secret }, clientConfig: { endpoint: url, region: "us-east-1" },
      }),
    });
    const page = await client.send(new ListFindingsCommand({ maxResults: 25 }));
    expect(page.findings).toHaveLength(25);
    expect(page.nextToken).toBeTruthy();
  }, 60_000);
});
