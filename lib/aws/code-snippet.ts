// BatchGetCodeSnippet for one code finding, on demand from its detail page, through the same
// standard AWS configuration and assumed role as the sync. Every failure comes back as a value
// (the page shows it); nothing is cached, so the snippet is what Inspector says now.
import { BatchGetCodeSnippetCommand, Inspector2Client, type BatchGetCodeSnippetCommandOutput } from "@aws-sdk/client-inspector2";
import { roleCredentials } from "./credentials";
import { syncConfigFromEnv } from "@/lib/sync/sync-config";

export type CodeSnippet =
  | { kind: "ok"; startLine: number | null; endLine: number | null; lines: { lineNumber: number; content: string }[]; fixes: { description: string; code: string }[] }
  | { kind: "error"; code: string; message: string };

export function toCodeSnippet(arn: string, out: Partial<BatchGetCodeSnippetCommandOutput>): CodeSnippet {
  const err = out.errors?.find((e) => e.findingArn === arn);
  if (err) return { kind: "error", code: err.errorCode ?? "ERROR", message: err.errorMessage ?? "Inspector returned no snippet." };
  const r = out.codeSnippetResults?.find((x) => x.findingArn === arn);
  if (!r) return { kind: "error", code: "NO_RESULT", message: "Inspector answered without a snippet or an error for this finding." };
  const lines = (r.codeSnippet ?? []).filter((l) => typeof l.lineNumber === "number").map((l) => ({ lineNumber: l.lineNumber!, content: l.content ?? "" }));
  const fixes = (r.suggestedFixes ?? []).map((f) => ({ description: f.description ?? "", code: f.code ?? "" })).filter((f) => f.description || f.code);
  return { kind: "ok", startLine: r.startLine ?? null, endLine: r.endLine ?? null, lines, fixes };
}

const clients = new Map<string, Inspector2Client>();

function clientFor(region: string): Inspector2Client {
  let c = clients.get(region);
  if (!c) {
    const cfg = syncConfigFromEnv();
    const credentials = roleCredentials({ roleArn: cfg.roleArn, externalId: cfg.externalId, sessionName: cfg.sessionName, stsRegion: cfg.regions[0] ?? region });
    c = new Inspector2Client({ region, credentials, maxAttempts: 3, requestHandler: { requestTimeout: 15_000, connectionTimeout: 5_000 } });
    clients.set(region, c);
  }
  return c;
}

export async function fetchCodeSnippet(findingArn: string, region: string, client: Inspector2Client = clientFor(region)): Promise<CodeSnippet> {
  try {
    return toCodeSnippet(findingArn, await client.send(new BatchGetCodeSnippetCommand({ findingArns: [findingArn] })));
  } catch (err) {
    const e = err as { name?: string; message?: string };
    return { kind: "error", code: e.name ?? "Error", message: e.message ?? String(err) };
  }
}
