import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sync" };

export default function Page() {
  return (
    <>
      <PageHeader title="Sync" subtitle="Sync runs and their per-region results" />
      <EmptyState />
    </>
  );
}
