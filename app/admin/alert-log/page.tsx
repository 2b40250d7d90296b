import Link from "next/link";
import { alertDeliveries } from "@/lib/alerts/app-store";
import { channelKindLabel } from "@/lib/alerts/channel-config";
import type { DeliveryLogRow } from "@/lib/alerts/delivery-log";
import { wholeOrganization } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollArea } from "@/components/ui/scroll-area";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alert delivery log" };

const time = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—");
const tone: Record<string, string> = { SENT: "text-green-800", FAILED: "text-red-800", PENDING: "text-amber-800" };

/** A cell: a line of its row's block below sm, a table cell from sm. */
const cell = "block sm:table-cell sm:pr-3";
/** A cell's column name, shown only where the table is a list of blocks (below sm). */
const Label = ({ children }: { children: string }) => <span className="mr-1 text-xs text-muted sm:hidden">{children}:</span>;
/** What the message said; a digest's heading opens its link in this app. */
const message = (d: DeliveryLogRow) => (d.path ? <Link prefetch={false} href={d.path} className="text-accent hover:underline">{d.heading}</Link> : d.heading);

export default async function Page() {
  const actor = await requirePermission("alerts");
  // A scoped admin: only digests of the rules they may manage, none with another account's items.
  const rows = await alertDeliveries(actor, 200);
  return (
    <>
      <PageHeader title="Alert delivery log" subtitle="Every message to every channel, newest first: sent, waiting for a retry (with why the last attempt failed), or given up."
        actions={<Link href="/admin/alerts" className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Channels and rules</Link>} />
      <Card>
        {!wholeOrganization(actor, "alerts") && <p className="mb-3 text-sm text-muted" data-testid="alert-log-scoped-note">Your admin scope is limited to some accounts: only digests of rules within it are listed (no channel tests, no other rules&apos; digests).</p>}
        {/* Below sm each delivery is a block of labelled lines, the message (a digest's link) first after the
            time: seven columns do not fit a phone, and the message would sit off screen to the right. */}
        {rows.length === 0 ? <p className="text-sm text-muted">Nothing delivered yet.</p> : <ScrollArea label="Deliveries"><table className="w-full text-sm" data-testid="delivery-log">
          <thead className="hidden sm:table-header-group"><tr className="text-left text-xs uppercase text-muted [&>th]:py-1 [&>th]:pr-3"><th>Created</th><th>Channel</th><th>Rule</th><th>Message</th><th>Status</th><th>Attempts</th><th>Reason</th></tr></thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className="block border-t border-line py-2 align-top sm:table-row sm:py-0">
                <td className={`${cell} whitespace-nowrap text-xs text-muted sm:py-1.5 sm:text-sm sm:text-inherit`}>{time(d.createdAt)}</td>
                <td className="block font-medium sm:hidden">{message(d)}</td>
                <td className={cell}><Label>Channel</Label>{d.channelName ?? "deleted"}{d.channelKind && <span className="text-muted"> · {channelKindLabel[d.channelKind]}</span>}</td>
                <td className={cell}><Label>Rule</Label>{d.kind === "TEST" ? "test" : (d.ruleName ?? "deleted")}{d.runId !== null && <span className="text-muted"> · run {d.runId}</span>}</td>
                <td className="hidden sm:table-cell sm:pr-3">{message(d)}</td>
                <td className={`${cell} font-medium ${tone[d.status] ?? ""}`}><Label>Status</Label>{d.status === "PENDING" && d.attempts > 0 ? `retry at ${time(d.nextAttemptAt)}` : d.status.toLowerCase()}{d.sentAt && <span className="font-normal text-muted"> {time(d.sentAt)}</span>}</td>
                <td className={cell}><Label>Attempts</Label>{d.attempts}</td>
                <td className={`${cell} max-w-md break-words text-red-800`}>{d.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table></ScrollArea>}
      </Card>
    </>
  );
}
