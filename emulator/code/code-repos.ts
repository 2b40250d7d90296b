import { createHash } from "node:crypto";
import { ENABLED, type World } from "../world/types";

// Inspector code security in the demo (quirk codeSecurity): two members connect a GitHub
// organisation; each repository has SAST, IaC and SCA findings with the source lines around them.
// Deterministic from the world (ids are hashes of the seed and names), first region only.

export interface CodeFindingSpec {
  kind: "SAST" | "IAC" | "SCA";
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
  title: string;
  file: string;
  startLine: number;
  lines: string[]; // the snippet, starting at startLine - 2
  detector: string;
  cwe: string;
  pkg?: { name: string; version: string; fixed: string; cve: string };
}

export interface CodeRepo {
  accountId: string;
  region: string;
  projectId: string;
  name: string;
  integrationArn: string;
  scanConfigurationArn: string;
  lastScannedCommitId: string;
  findings: (CodeFindingSpec & { id: string })[];
}

const SPECS: Record<string, CodeFindingSpec[]> = {
  "payments-api": [
    { kind: "SAST", severity: "CRITICAL", title: "SQL injection", file: "src/orders/repository.py", startLine: 42, detector: "python/sql-injection@v1.0", cwe: "CWE-89",
      lines: ["def find_order(conn, order_id):", "    cursor = conn.cursor()", "    cursor.execute(\"SELECT * FROM orders WHERE id = '\" + order_id + \"'\")", "    return cursor.fetchone()", ""] },
    { kind: "SCA", severity: "HIGH", title: "CVE-2024-37891 - urllib3", file: "requirements.txt", startLine: 7, detector: "sca/python-dependency@v1.0", cwe: "CWE-669",
      pkg: { name: "urllib3", version: "1.26.5", fixed: "1.26.19", cve: "CVE-2024-37891" }, lines: ["flask==2.3.2", "requests==2.31.0", "urllib3==1.26.5", "gunicorn==21.2.0", ""] },
  ],
  "infra-terraform": [
    { kind: "IAC", severity: "HIGH", title: "S3 bucket allows public read", file: "modules/storage/main.tf", startLine: 12, detector: "terraform/s3-public-read@v1.0", cwe: "CWE-732",
      lines: ["resource \"aws_s3_bucket_acl\" \"assets\" {", "  bucket = aws_s3_bucket.assets.id", "  acl    = \"public-read\"", "}", ""] },
    { kind: "IAC", severity: "MEDIUM", title: "Security group open to the internet on port 22", file: "modules/network/sg.tf", startLine: 20, detector: "terraform/sg-open-ssh@v1.0", cwe: "CWE-284",
      lines: ["  ingress {", "    from_port   = 22", "    cidr_blocks = [\"0.0.0.0/0\"]", "    to_port     = 22", "  }"] },
  ],
};

const hex = (s: string, n: number) => createHash("sha256").update(s).digest("hex").slice(0, n);
const repos = new WeakMap<World, CodeRepo[]>();

export function codeRepos(w: World): CodeRepo[] {
  if (!w.quirks.codeSecurity) return [];
  const cached = repos.get(w);
  if (cached) return cached;
  const R = w.regions.length, region = w.regions[0];
  const members = w.accounts.filter((a) => a.role === "member" && a.relationship === "ENABLED" && a.orgState !== "LEFT" && w.arState[a.index * R] === ENABLED).slice(0, 2);
  const admin = w.accounts[w.adminIndex].id;
  const out = members.flatMap((a, k) => Object.entries(SPECS).slice(0, k === 0 ? 2 : 1).map(([name, specs]) => {
    const projectId = `project-${hex(`${w.seed}/${a.id}/${name}`, 12)}`;
    return {
      accountId: a.id, region, projectId, name: `acme-corp/${name}`,
      integrationArn: `arn:aws:inspector2:${region}:${admin}:codesecurity-integration/${hex(`${w.seed}/github`, 8)}-github`,
      scanConfigurationArn: `arn:aws:inspector2:${region}:${admin}:owner/${admin}/codesecurity-configuration/${hex(`${w.seed}/default`, 8)}`,
      lastScannedCommitId: hex(`${w.seed}/${name}/commit`, 40),
      findings: specs.map((s) => ({ ...s, id: hex(`${w.seed}/${a.id}/${name}/${s.title}`, 32) })),
    };
  }));
  repos.set(w, out);
  return out;
}

export const codeRepoResourceId = (r: CodeRepo) => `arn:aws:inspector2:${r.region}:${r.accountId}:code-repository/${r.projectId}`;
export const codeFindingArn = (r: CodeRepo, id: string) => `arn:aws:inspector2:${r.region}:${r.accountId}:finding/${id}`;
export const hasCodeRepos = (w: World, accountId: string, region: number) => codeRepos(w).some((r) => r.accountId === accountId && r.region === w.regions[region]);
