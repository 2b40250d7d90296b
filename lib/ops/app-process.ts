// Test support: the standalone output copied somewhere outside the repository (so nothing
// resolves from the source tree's node_modules) and started as a process, like the container.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const standaloneDir = path.resolve(import.meta.dirname, "..", "..", ".next", "standalone");

export function copyStandalone(): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), "inspectorate-standalone-"));
  fs.cpSync(standaloneDir, target, { recursive: true });
  return target;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

export async function startApp(dir: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  let out = "";
  const child = spawn(process.execPath, [path.join(dir, "inspectorate.mjs")], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", PORT: String(port), HOST: "127.0.0.1", INSPECTORATE_ROLE_ARN: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return Promise.race([exited, new Promise<null>((r) => setTimeout(() => (child.kill("SIGKILL"), r(null)), 15_000))]);
    },
  };
}

/** Polls until the URL answers 200 (or the process died / time ran out). */
export async function waitFor(app: AppProcess, pathname: string, timeoutMs = 150_000): Promise<Response> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (app.child.exitCode !== null) throw new Error(`the app exited (${app.child.exitCode}):\n${app.output()}`);
    const r = await fetch(app.url + pathname).catch(() => null);
    if (r?.status === 200) return r;
    if (Date.now() > until) throw new Error(`${pathname} never answered 200 (last ${r?.status}):\n${app.output().slice(-3000)}`);
    await new Promise((res) => setTimeout(res, 500));
  }
}
