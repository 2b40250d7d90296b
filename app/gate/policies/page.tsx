import { stringify } from "yaml";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PolicyEditor } from "@/components/gate/policy-editor";
import { formatDateTime } from "@/components/ui/format";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listPolicies } from "@/lib/queries/gate/policies";
import { savePolicyAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Gate policies" };

const NEW_POLICY = `name: sandbox-relaxed
description: Example; every edit is saved as a new version.
maxCacheAgeHours: 72
rules:
  - id: no-exploitable-critical
    when: { severities: [CRITICAL], exploitAvailable: true }
overrides:
  - name: production
    scope: { ouNames: [Production] }
    maxCacheAgeHours: 12
    rules:
      - id: no-high-epss
        when: { minEpss: 0.2, severities: [CRITICAL, HIGH] }
`;

export default async function Page() {
  await requireAdmin();
  const policies = await listPolicies();
  return (
    <>
      <PageHeader title="Gate policies" subtitle="Named, versioned rules the deployment gate decides by; files in INSPECTORATE_GATE_POLICY_DIR load at start" />
      <div className="grid gap-5 xl:grid-cols-2">
        {policies.map((p) => (
          <Card key={p.name} title={`${p.name} v${p.version}`} actions={<span className="text-xs text-muted">{p.source}{p.createdBy ? ` · ${p.createdBy}` : ""}{p.createdAt ? ` · ${formatDateTime(p.createdAt)}` : ""} · {p.versions} version(s)</span>}>
            <PolicyEditor label={`Policy ${p.name}`} initial={stringify(p.policy)} action={savePolicyAction} />
          </Card>
        ))}
        <Card title="New policy"><PolicyEditor label="New policy" initial={NEW_POLICY} action={savePolicyAction} /></Card>
      </div>
    </>
  );
}
