import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata = { title: "Findings" };

export default function Page() {
  return (
    <>
      <PageHeader title="Findings" subtitle="Every finding across accounts and regions" />
      <EmptyState />
    </>
  );
}
