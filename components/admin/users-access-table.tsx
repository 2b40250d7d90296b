import { endSessionsAction } from "@/lib/actions/access-mappings";
import type { UserAccess } from "@/lib/auth/user-access";
import { formatDateTime } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";

/** `total`: how many users the list would hold uncapped (listUserAccess); `scoped`: the viewer is an
 *  admin of some accounts, who is shown only the users within that scope. */
export function UsersAccessTable({ rows, total = rows.length, scoped = false }: { rows: UserAccess[]; total?: number; scoped?: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-muted" data-testid="users-empty">{scoped ? "No user within your admin scope has signed in yet." : "Nobody has signed in yet."}</p>;
  return (<>
    {total > rows.length && <p className="mb-2 text-sm text-muted" data-testid="users-capped">Showing the {rows.length} newest (by last sign-in) of {total} users.</p>}
    <ScrollArea label="Users"><table className="w-full text-sm" data-testid="users-table">
      <thead>
        <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
          <th className="px-2 py-2">User</th><th className="px-2 py-2">Sessions</th><th className="px-2 py-2">Groups</th><th className="px-2 py-2">Role</th><th className="px-2 py-2">Scope</th>
          <th className="px-2 py-2 text-right">Accounts</th><th className="px-2 py-2">Last sign-in</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ user, role, scope, accounts, liveSessions }) => (
          <tr key={user.id} className="border-b border-line/60" data-user={user.email ?? user.id}>
            {/* An email may wrap (10rem at least), so the sessions column beside it is in view on a phone. */}
            <td className="min-w-40 px-2 py-1.5 [overflow-wrap:anywhere]">{user.email ?? user.name ?? user.id}</td>
            <td className="px-2 py-1.5"><LiveSessions userId={user.id} count={liveSessions} /></td>
            <td className="px-2 py-1.5 font-mono text-xs">{user.groups.join(", ") || "—"}</td>
            <td className="px-2 py-1.5" data-testid="user-role">{role ?? <span className="font-semibold text-red-700">no access</span>}</td>
            <td className="px-2 py-1.5">{role ? scope : "—"}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{accounts === null ? "all" : accounts}</td>
            <td className="px-2 py-1.5 text-xs text-muted">{formatDateTime(user.last_sign_in_at)}</td>
          </tr>
        ))}
      </tbody>
    </table></ScrollArea>
  </>);
}

/** The second column, so a phone shows it before the table scrolls sideways. */
function LiveSessions({ userId, count }: { userId: string; count: number }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="tabular-nums" data-testid="user-sessions">{count === 0 ? "none" : count}</span>
      {count > 0 && (
        <form action={endSessionsAction}>
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" className="whitespace-nowrap py-1 text-xs font-semibold text-red-700 hover:underline">End sessions</button>
        </form>
      )}
    </div>
  );
}
