import type { Actor } from "@/lib/auth/actor";

/** Who is signed in, their role, and sign-out; local mode says there is no sign-in at all. */
export function SignedInAs({ actor }: { actor: Actor }) {
  if (actor.kind === "local") {
    return (
      <span data-testid="local-mode" title="No identity provider configured: one implicit admin, reachable only on this machine" className="text-xs font-medium text-slate-300">
        Local mode — no sign-in
      </span>
    );
  }
  return (
    <div data-testid="signed-in-as" className="flex items-center gap-2 text-xs text-slate-200">
      <span className="max-w-[16rem] truncate font-medium" title={actor.name}>{actor.name}</span>
      <span data-testid="signed-in-role" className="rounded-full border border-white/30 px-2 py-0.5 uppercase tracking-wide text-[10px]">{actor.role}</span>
      <form method="post" action="/auth/signout">
        <button type="submit" className="rounded-md px-2 py-1 text-slate-300 hover:bg-white/10 hover:text-white">Sign out</button>
      </form>
    </div>
  );
}
