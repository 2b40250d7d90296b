import { listApiTokens, tokenReachNow } from "@/lib/auth/api-tokens";
import { wholeOrganization } from "@/lib/auth/permissions";
import { describeScopeRule } from "@/lib/auth/group-map";
import { requirePermission } from "@/lib/auth/require-permission";
import { revokeTokenAction } from "@/lib/actions/api-token-actions";
import { Card } from "@/components/ui/card";
import { ScrollArea } from "@/components/ui/scroll-area";
import { PageHeader } from "@/components/ui/page-header";
import { TokenCreateForm } from "@/components/admin/token-create-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "API tokens" };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
const reachText = (r: Awaited<ReturnType<typeof tokenReachNow>>) =>
  !r ? "refused: its creator is gone or no longer an admin" : r.accounts === null ? "whole organization" : `${r.accounts} ${r.accounts === 1 ? "account" : "accounts"}`;

export default async function Page() {
  const actor = await requirePermission("tokens");
  // A scoped admin lists (and may revoke) only the tokens within their own admin scope.
  const tokens = await listApiTokens(actor);
  const scoped = !wholeOrganization(actor, "tokens");
  // What each active token reaches today: its scope as resolved now, within its creator's access now.
  const reach = await Promise.all(tokens.map((t) => (t.revokedAt || t.expired ? undefined : tokenReachNow(t))));
  return (
    <>
      <PageHeader title="API tokens" subtitle="For automation: send Authorization: Bearer <token>. A token has a role and an account scope, expires, and can be revoked; only its SHA-256 is stored. At every use it reaches only the accounts its scope names then that its creator can still reach; it is refused once its creator is gone or no longer an admin." />
      <div className="space-y-5">
        <Card title="New token"><TokenCreateForm wholeOrg={!scoped} /></Card>
        <Card title="Tokens">
          {scoped && <p className="mb-3 text-sm text-muted" data-testid="tokens-scoped-note">Your admin scope is limited to some accounts: only tokens whose role and accounts lie within it are listed. Whole-organization admins manage the others.</p>}
          <ScrollArea label="Tokens"><table className="w-full text-sm [&_td]:px-2 [&_th]:px-2 [&_th]:whitespace-nowrap" data-testid="tokens-table">
            <thead><tr className="text-left text-xs uppercase text-muted"><th className="py-1">Name</th><th>Role</th><th>Scope</th><th>Reaches now</th><th>Created</th><th>Expires</th><th>Last used</th><th>State</th><th><span className="sr-only">Revoke</span></th></tr></thead>
            <tbody>
              {tokens.map((t, i) => {
                const state = t.revokedAt ? `revoked ${day(t.revokedAt)} by ${t.revokedBy}` : t.expired ? "expired" : "active";
                return (
                  <tr key={t.id} className="border-t border-line">
                    <td className="py-1.5 font-medium">{t.name}</td><td>{t.role}</td><td>{describeScopeRule(t.scope)}</td>
                    <td>{state === "active" ? reachText(reach[i] ?? null) : "—"}</td>
                    <td>{day(t.createdAt)} by {t.createdBy}</td><td>{day(t.expiresAt)}</td><td>{day(t.lastUsedAt)}</td><td>{state}</td>
                    <td>{state === "active" && (
                      <form action={revokeTokenAction}><input type="hidden" name="id" value={t.id} />
                        <button type="submit" className="rounded border border-line px-2 py-0.5 text-xs hover:border-[#b2182b] hover:text-[#b2182b]">Revoke</button>
                      </form>
                    )}</td>
                  </tr>
                );
              })}
              {tokens.length === 0 && <tr><td colSpan={9} className="py-3 text-muted">No tokens yet.</td></tr>}
            </tbody>
          </table></ScrollArea>
        </Card>
      </div>
    </>
  );
}
