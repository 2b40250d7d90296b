import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview" };

export default function Page() {
  return (
    <>
      <PageHeader title="Overview" subtitle="Organization posture at a glance" />
      <EmptyState />
    </>
  );
}
