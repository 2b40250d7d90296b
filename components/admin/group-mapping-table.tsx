import { deleteMappingAction } from "@/lib/actions/access-mappings";
import type { ListedMapping } from "@/lib/auth/access-mapping-store";
import { describeScopeRule } from "@/lib/auth/group-map";
import { formatDateTime } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";

export function GroupMappingTable({ rows }: { rows: ListedMapping[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted">No group is mapped yet: nobody can sign in. Add one below or set INSPECTORATE_OIDC_GROUP_MAP.</p>;
  return (
    <ScrollArea label="Group mappings"><table className="w-full text-sm" data-testid="mapping-table">
      <thead>
        <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <th className="px-2 py-2">Group</th><th className="px-2 py-2">Role</th><th className="px-2 py-2">Scope</th><th className="px-2 py-2">Set by</th><th className="px-2 py-2"><span className="sr-only">Remove</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.group} className="border-b border-line/60">
            <td className="px-2 py-1.5 font-mono text-xs">{r.group}</td>
            <td className="px-2 py-1.5">{r.role}</td>
            <td className="px-2 py-1.5">{describeScopeRule(r.scope)}</td>
            <td className="px-2 py-1.5 text-xs text-muted">
              {r.source === "environment" ? "environment" : <>{r.updatedBy ?? "—"}{r.updatedAt && <>, {formatDateTime(r.updatedAt)}</>}</>}
              {r.overrides && <div>overrides the environment&apos;s {r.overrides}</div>}
            </td>
            <td className="px-2 py-1.5 text-right">
              {r.source === "app" && !r.removable && (
                <span className="text-xs text-muted" data-testid="mapping-not-removable">Not removable: the environment&apos;s mapping would come back, wider than your admin scope. Save a narrower one instead.</span>
              )}
              {r.source === "app" && r.removable && (
                <form action={deleteMappingAction}>
                  <input type="hidden" name="group" value={r.group} />
                  {/* Removing an override brings the environment's mapping back: the button says so. */}
                  {r.overrides && <input type="hidden" name="restoreEnvironment" value="1" />}
                  <button type="submit" className="text-xs font-semibold text-red-700 hover:underline">
                    {r.overrides ? `Remove (back to the environment's ${r.overrides})` : "Remove"}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table></ScrollArea>
  );
}
