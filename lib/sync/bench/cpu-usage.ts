// CPU seconds by process, to see where a benchmark's time goes on a 2-core machine: this
// process (the sync), the emulator child, and the PostgreSQL server.
import fs from "node:fs";

const TICK = 100; // USER_HZ on Linux

/** utime, stime, cutime, cstime and the parent pid from /proc/<pid>/stat; undefined once it is gone. */
function stat(pid: number): { own: number; reaped: number; ppid: number } | undefined {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return { own: (Number(f[11]) + Number(f[12])) / TICK, reaped: (Number(f[13]) + Number(f[14])) / TICK, ppid: Number(f[1]) };
  } catch {
    return undefined;
  }
}

const processCpu = (pid: number) => stat(pid)?.own ?? 0;

function pids(): number[] {
  return fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p)).map(Number);
}

/** A process and its children, those that have exited included: the process's own CPU, its live
 *  children's, and what the kernel added to it for the children it has reaped. A child that exits
 *  between the two readings is counted twice or missed: one backend's worth at most. */
export function processTreeCpu(rootPid: number): number {
  let total = 0;
  for (const pid of pids()) {
    const s = pid === rootPid ? undefined : stat(pid);
    if (s?.ppid === rootPid) total += s.own + s.reaped;
  }
  const root = stat(rootPid);
  return root ? total + root.own + root.reaped : NaN;
}

/** The postmaster of the local server that serves `database` (a backend's parent); undefined when
 *  the server is not on this machine. */
function postmasterOf(database: string): number | undefined {
  for (const pid of pids()) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmd.startsWith("postgres:") && cmd.includes(` ${database} `)) return stat(pid)?.ppid;
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** CPU seconds since the meter started. `postgres` is the whole local server (backends, closed ones
 *  included, and its background writers: WAL, checkpoints, autovacuum); NaN when it is not local. */
export function cpuMeter(emulatorPid: number | undefined, database: string) {
  const own0 = process.cpuUsage();
  const emu0 = emulatorPid ? processCpu(emulatorPid) : 0;
  const postmaster = postmasterOf(database);
  const pg0 = postmaster ? processTreeCpu(postmaster) : NaN;
  return () => {
    const o = process.cpuUsage(own0);
    const own = (o.user + o.system) / 1e6;
    const emu = emulatorPid ? processCpu(emulatorPid) - emu0 : 0;
    return { sync: own, emulator: emu, postgres: postmaster ? processTreeCpu(postmaster) - pg0 : NaN };
  };
}
