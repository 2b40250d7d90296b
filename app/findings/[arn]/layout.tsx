import { notFound } from "next/navigation";
import { scopeForRequest } from "@/lib/queries/scope";
import { findingInScope } from "@/lib/queries/findings/finding-in-scope";

// Decides "no such finding (for you)" before the page's loading state streams, so a finding
// outside the viewer's scope answers a real 404 status, not a 200 showing "not found".
export default async function FindingLayout({ children, params }: { children: React.ReactNode; params: Promise<{ arn: string }> }) {
  const segment = (await params).arn;
  const arn = segment.includes("%") ? decodeURIComponent(segment) : segment;
  if (!(await findingInScope(await scopeForRequest(), arn))) notFound();
  return children;
}
