// The review's headline figures as tiles, each linking to where it comes from; "—" for no data.
import { Tile } from "@/components/ui/tile";
import { formatCount } from "@/components/ui/format";
import type { HeadlineItem } from "@/lib/review/export/review-headline";

const accents: Record<string, string> = { openCritical: "#b2182b", breached: "#b2182b", dueSoon: "#e66101", newCriticalHigh: "#e66101", fixed: "#009e73" };

export function HeadlineTiles({ items }: { items: HeadlineItem[] }) {
  return (
    <div className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 sm:grid-cols-4 xl:grid-cols-8" data-testid="review-headline">
      {items.map((h) => (
        <Tile key={h.key} testId={`headline-${h.key}`} label={h.label} value={h.value == null ? "—" : formatCount(h.value)} href={h.href} accent={accents[h.key]} detail={h.detail} />
      ))}
    </div>
  );
}
