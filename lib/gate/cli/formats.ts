// Human, JSON, SARIF 2.1.0 and JUnit renderings of one answer. Failing findings name their rules;
// excepted findings name the exception that passed them.
import type { Answer } from "./answer";

const pkg = (p: string[]) => (p.length ? ` ${p.join(", ")}` : "");

export function human(a: Answer): string {
  const head = `${a.verdict.toUpperCase()}  ${a.artifact}  policy ${a.policy.name} v${a.policy.version}  (${a.source}${a.decisionId ? `, decision #${a.decisionId}` : ""})`;
  const lines = [head];
  for (const u of a.undecidable) lines.push(`  ? ${u.code}: ${u.message}`);
  for (const r of a.brokenRules) lines.push(`  rule ${r.id} broken by ${r.matched} finding(s) (tolerates ${r.maxFindings})${r.description ? `: ${r.description}` : ""}`);
  for (const f of a.failing) lines.push(`  ✗ ${f.severity} ${f.vulnerabilityId ?? f.title}${pkg(f.packageNames)}  broke ${f.rules.join(", ")}  ${f.arn}`);
  for (const e of a.excepted) lines.push(`  ✓ ${e.severity} ${e.vulnerabilityId ?? e.title}${pkg(e.packageNames)}  passed by exception ${e.exceptionId} (${e.owner}: ${e.reason}; until ${e.expiresAt.slice(0, 10)})`);
  if (a.appliedOverrides.length) lines.push(`  overrides applied: ${a.appliedOverrides.join(", ")}`);
  if (a.verdict !== "undecidable") lines.push(`  ${a.openFindings} open finding(s) judged`);
  return lines.join("\n");
}

export function sarif(a: Answer): string {
  const rules = [...new Map([...a.brokenRules.map((r) => [r.id, r.description] as const), ...a.failing.flatMap((f) => f.rules.map((r) => [r, undefined] as const))]).entries()];
  const results = [
    ...a.failing.flatMap((f) => f.rules.map((rule) => ({ ruleId: rule, level: "error", message: { text: `${f.severity} ${f.vulnerabilityId ?? f.title}${pkg(f.packageNames)} in ${a.artifact}` }, properties: { findingArn: f.arn } }))),
    ...a.excepted.map((e) => ({ ruleId: "excepted", level: "note", message: { text: `${e.vulnerabilityId ?? e.title} passed by exception ${e.exceptionId}` },
      suppressions: [{ kind: "external", justification: `exception ${e.exceptionId} (${e.owner}): ${e.reason}` }], properties: { findingArn: e.arn } })),
    ...a.undecidable.map((u) => ({ ruleId: u.code, level: "warning", message: { text: u.message } })),
  ];
  return JSON.stringify({
    $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0",
    runs: [{ tool: { driver: { name: "inspectorate-gate", rules: rules.map(([id, d]) => ({ id, shortDescription: { text: d ?? id } })) } }, results,
      properties: { verdict: a.verdict, policy: a.policy, decisionId: a.decisionId ?? null } }],
  }, null, 2);
}

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

export function junit(a: Answer): string {
  const cases = a.brokenRules.map((r) => {
    const hits = a.failing.filter((f) => f.rules.includes(r.id)).map((f) => `${f.severity} ${f.vulnerabilityId ?? f.title} ${f.arn}`).join("\n");
    return `  <testcase classname="gate.${esc(a.policy.name)}" name="${esc(r.id)}"><failure message="${esc(`${r.matched} finding(s) broke ${r.id}`)}">${esc(hits)}</failure></testcase>`;
  });
  if (a.undecidable.length) cases.push(`  <testcase classname="gate.${esc(a.policy.name)}" name="decidable"><error message="undecidable">${esc(a.undecidable.map((u) => u.message).join("\n"))}</error></testcase>`);
  if (!cases.length) cases.push(`  <testcase classname="gate.${esc(a.policy.name)}" name="policy"/>`);
  const failures = a.brokenRules.length, errors = a.undecidable.length ? 1 : 0;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="${esc(`inspectorate-gate ${a.artifact}`)}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join("\n")}\n</testsuite>`;
}

export function render(a: Answer, format: "human" | "json" | "sarif" | "junit"): string {
  return format === "human" ? human(a) : format === "json" ? JSON.stringify(a, null, 2) : format === "sarif" ? sarif(a) : junit(a);
}
