import { requireAdmin } from "@/lib/auth/require-admin";
import { mappingsFor } from "@/lib/auth/access-mapping-store";
import { wholeOrganization } from "@/lib/auth/permissions";
import { signInConfigured } from "@/lib/auth/oidc-client";
import { listUserAccess } from "@/lib/auth/user-access";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { GroupMappingForm } from "@/components/admin/group-mapping-form";
import { GroupMappingTable } from "@/components/admin/group-mapping-table";
import { UsersAccessTable } from "@/components/admin/users-access-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "Access" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const actor = await requireAdmin();
  const q = await searchParams;
  // A scoped admin lists (and may change or remove) only mappings, and sees only users, within their own admin scope.
  const [mappings, users] = await Promise.all([mappingsFor(actor), listUserAccess(actor)]);
  const scoped = !wholeOrganization(actor, "roles");
  const one = (v: unknown) => (typeof v === "string" ? v.slice(0, 300) : null);
  const error = one(q.error), removed = one(q.removed), ended = one(q.ended), of = one(q.of);
  return (
    <>
      <PageHeader title="Access" subtitle="Identity-provider groups give roles (viewer, analyst, admin) and account scopes. A user in several groups reads every group's accounts, and can do what a role allows only in the accounts of the groups with that role (analyst of Payments + viewer of all: reads all, writes in Payments). A token or mapping an admin makes never reaches further than the admin." />
      {!signInConfigured() && <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">Local mode: no identity provider is configured, so these mappings take effect only once INSPECTORATE_OIDC_ISSUER is set.</p>}
      {error && <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      {removed && <p role="status" className="mb-4 text-sm text-emerald-800">Removed the app&apos;s mapping of {removed}.</p>}
      {ended && of && <p role="status" className="mb-4 text-sm text-emerald-800">Ended {ended === "1" ? "1 session" : `${ended} sessions`} of {of}.</p>}
      <div className="space-y-5">
        <Card title="Groups → role and scope">
          {scoped && <p className="mb-3 text-sm text-muted" data-testid="mappings-scoped-note">Your admin scope is limited to some accounts: only mappings whose role and accounts lie within it are listed, and only those you may change or remove. Whole-organization admins manage the others.</p>}
          <GroupMappingTable rows={mappings} />
          <div className="mt-4 border-t border-line pt-4"><GroupMappingForm wholeOrg={!scoped} /></div>
        </Card>
        <Card title="Users">
          {scoped && <p className="mb-3 text-sm text-muted" data-testid="users-scoped-note">Your admin scope is limited to some accounts: only users whose every group&apos;s role and accounts lie within it are listed. Whole-organization admins see the others, and those who have no access.</p>}
          <UsersAccessTable rows={users.users} total={users.total} scoped={scoped} />
        </Card>
      </div>
    </>
  );
}
