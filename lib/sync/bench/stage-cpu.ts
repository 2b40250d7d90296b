// `npm run bench:sync-stages [-- --findings N --rounds N]`: the sync process's own CPU per finding,
// stage by stage, with no database: listing (the real SDK client with the app's ListFindings protocol,
// against an emulator in its own process, as AWS would be remote), mapping (toFindingRow) and the
// write payload (findingsPayload, in the sync's batches of 500). Each stage runs several rounds over
// the same findings; the median round is printed, with the minor page faults per finding (this VM's
// faults cost microseconds each, so fresh memory is a cost of its own). With a server process's
// memory settings (lib/ops/server-memory-env.ts), as the sync runs.
import os from "node:os";
import { parseArgs } from "node:util";
import { Inspector2Client, ListFindingsCommand, type Finding } from "@aws-sdk/client-inspector2";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { FastListFindingsProtocol } from "@/lib/aws/fast-findings-protocol";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { findingsPayload } from "../write/finding-writer";
import { startEmulatorProcess } from "./emulator-process";
import { rerunWithServerMemoryEnv } from "@/lib/ops/server-memory-env";

await rerunWithServerMemoryEnv();

const { values } = parseArgs({ options: { findings: { type: "string", default: "20000" }, rounds: { type: "string", default: "7" } } });
const findings = Number(values.findings), rounds = Number(values.rounds);
const REGION = "us-east-1", BATCH = 500;

interface Round { cpuUs: number; faults: number }
/** One round of `work` over `n` findings: CPU (user + system) and minor faults of this process per finding. */
async function measure(n: number, work: () => unknown): Promise<Round> {
  const f0 = process.resourceUsage().minorPageFault, c0 = process.cpuUsage();
  await work();
  const c = process.cpuUsage(c0);
  return { cpuUs: (c.user + c.system) / n, faults: (process.resourceUsage().minorPageFault - f0) / n };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function stage(label: string, n: number, work: () => unknown): Promise<number> {
  const rs: Round[] = [];
  for (let i = 0; i < rounds; i++) rs.push(await measure(n, work));
  const cpu = median(rs.map((r) => r.cpuUs));
  console.log(`${label.padEnd(34)} ${cpu.toFixed(1).padStart(6)} µs per finding (rounds ${Math.min(...rs.map((r) => r.cpuUs)).toFixed(1)}–${Math.max(...rs.map((r) => r.cpuUs)).toFixed(1)}), ` +
    `${median(rs.map((r) => r.faults)).toFixed(2)} minor faults per finding`);
  return cpu;
}

/** What one page fault costs here: fresh 4 MB buffers (above the mmap threshold, so each comes from
 *  the kernel) touched once a 4 KB page, wall time over the faults taken. */
function pageFaultCost(): { us: number; faults: number } {
  const f0 = process.resourceUsage().minorPageFault, t0 = performance.now();
  for (let i = 0; i < 32; i++) {
    const b = Buffer.allocUnsafeSlow(4 << 20);
    for (let j = 0; j < b.length; j += 4096) b[j] = 1;
  }
  const faults = process.resourceUsage().minorPageFault - f0;
  return { us: (1000 * (performance.now() - t0)) / Math.max(1, faults), faults };
}

const fault = pageFaultCost();
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ${findings} findings, ${rounds} rounds; ` +
  `a page fault costs ${fault.us.toFixed(1)} µs here (${fault.faults} faults on fresh 4 MB buffers)`);
const emu = await startEmulatorProcess(["--accounts", "20", "--findings", String(findings), "--regions", REGION, "--seed", "11"]);
try {
  const base = { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey };
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: emu.roleArn, ExternalId: emu.externalId, RoleSessionName: "stage-cpu" },
    clientConfig: { region: REGION, endpoint: emu.url, credentials: base },
  });
  const client = new Inspector2Client({ region: REGION, endpoint: emu.url, credentials, protocol: FastListFindingsProtocol });
  let listed: Finding[] = [];
  const list = async () => {
    listed = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListFindingsCommand({ maxResults: 100, nextToken }));
      for (const f of page.findings ?? []) listed.push(f);
      nextToken = page.nextToken;
    } while (nextToken);
  };
  await list(); // warm-up: credentials, connections, JIT
  const n = listed.length;
  const rows: FindingRow[] = [];
  for (const f of listed) {
    const m = toFindingRow(f, REGION);
    if (m.ok) rows.push(m.row);
  }
  const total =
    (await stage("listing (SDK + protocol)", n, list)) +
    (await stage("mapping (toFindingRow)", n, () => listed.forEach((f) => toFindingRow(f, REGION)))) +
    (await stage(`payload (findingsPayload, ${BATCH} a batch)`, n, () => {
      for (let i = 0; i < rows.length; i += BATCH) findingsPayload(rows.slice(i, i + BATCH));
    }));
  console.log(`${"sum of the stages".padEnd(34)} ${total.toFixed(1).padStart(6)} µs per finding (${n} findings, ${rows.length} mapped)`);
} finally {
  await emu.stop();
}
