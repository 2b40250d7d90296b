// CPU seconds by process, to see where a benchmark's time goes on a 2-core machine: this
// process (the sync), the emulator child, and the PostgreSQL server.
import fs from "node:fs";

const TICK = 100; // USER_HZ on Linux

function processCpu(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}

/** Backends serving one database (others share this server); exited ones are missed, so a floor. */
function postgresCpu(database: string): number {
  let total = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmd.startsWith("postgres:") && cmd.includes(` ${database} `)) total += processCpu(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

export function cpuMeter(emulatorPid: number | undefined, database: string) {
  const own0 = process.cpuUsage();
  const emu0 = emulatorPid ? processCpu(emulatorPid) : 0;
  const pg0 = postgresCpu(database);
  return () => {
    const o = process.cpuUsage(own0);
    const own = (o.user + o.system) / 1e6;
    const emu = emulatorPid ? processCpu(emulatorPid) - emu0 : 0;
    return { sync: own, emulator: emu, postgres: postgresCpu(database) - pg0 };
  };
}
