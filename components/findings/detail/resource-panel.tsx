import type { mapResource } from "@/lib/queries/findings/finding-resource-mapper";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import Link from "next/link";
import { Facts } from "./detail-section";

/** The affected resource as Inspector described it, with tags that link to tag-filtered lists. */
export function ResourcePanel({ resource }: { resource: ReturnType<typeof mapResource> }) {
  return (
    <div className="space-y-3">
      <Facts items={[["Id", <span key="id" className="break-all font-mono text-xs">{resource.id}</span>], ...resource.facts.map((f) => [f.label, <span key={f.key} className="break-all">{f.value}</span>] as [string, React.ReactNode])]} />
      {resource.tags.length > 0 && (
        <div className="flex flex-wrap gap-1.5">
          {resource.tags.map((t) => (
            <Link key={t.key} href={findingsHref({ tag: [{ key: t.key, value: t.value }] })} className="rounded bg-canvas px-1.5 py-0.5 font-mono text-xs ring-1 ring-line hover:ring-accent">
              {t.key}={t.value}
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}
