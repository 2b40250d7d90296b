import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata = { title: "Weekly review" };

export default function Page() {
  return (
    <>
      <PageHeader title="Weekly review" subtitle="Trends, SLA breaches and what changed since the last meeting" />
      <EmptyState />
    </>
  );
}
