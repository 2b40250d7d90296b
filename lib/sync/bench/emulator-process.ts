// The emulator in its own process for benchmarks, as AWS would be: its CPU is not the sync's.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "@/lib/db/migrations";

export interface EmulatorProcess {
  url: string;
  roleArn: string;
  externalId: string;
  accessKeyId: string;
  secretAccessKey: string;
  child: ChildProcess;
  clock(): Promise<Date>;
  advance(days: number): Promise<void>;
  stats(): Promise<{ requests: Record<string, number>; throttled: number }>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(args: string[]): Promise<EmulatorProcess> {
  // BENCH_EMULATOR_PROFILE=<dir>: the emulator's V8 CPU profile, written there when it stops.
  const dir = process.env.BENCH_EMULATOR_PROFILE;
  const profile = dir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`] : [];
  const child = spawn(process.execPath, [...profile, "--max-old-space-size=4096", "--import", "tsx", path.join(projectRoot, "emulator", "cli.ts"), "--port", "0", ...args], {
    cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  await new Promise<void>((ok, fail) => {
    child.stdout!.on("data", (d) => {
      out += String(d);
      if (out.includes("control:")) ok();
    });
    child.once("exit", (code) => fail(new Error(`emulator exited with ${code}: ${out}`)));
  });
  const field = (name: string) => out.match(new RegExp(`${name}:\\s+(\\S+)`))?.[1] ?? "";
  const url = field("endpoint");
  const control = async (p: string, body?: unknown) => {
    const res = await fetch(`${url}/_emulator/${p}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
    return res.json() as Promise<{ clock: string; stats: { requests: Record<string, number>; throttled: number } }>;
  };
  return {
    url, roleArn: field("role ARN"), externalId: field("external id"), child,
    accessKeyId: out.match(/AWS_ACCESS_KEY_ID=(\S+)/)![1], secretAccessKey: out.match(/AWS_SECRET_ACCESS_KEY=(\S+)/)![1],
    clock: async () => new Date((await control("state")).clock),
    advance: async (days) => void (await control("advance", { days })),
    stats: async () => (await control("state")).stats,
    stop: () => new Promise<void>((ok) => {
      child.once("exit", () => ok());
      child.kill("SIGTERM");
    }),
  };
}
