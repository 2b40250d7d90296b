import { notFound } from "next/navigation";
import { scopeForRequest } from "@/lib/queries/scope";
import { getAccount } from "@/lib/queries/accounts/account-detail";

// Decides "no such account (for you)" before any loading state streams, so an account outside
// the viewer's scope answers a real 404 status, not a 200 showing "not found". (The accounts
// list's loading.tsx lives in the (list) group for the same reason: it would wrap this layout.)
export default async function AccountLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{12}$/.test(id) || !(await getAccount(await scopeForRequest(), id))) notFound();
  return children;
}
