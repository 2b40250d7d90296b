import { CardSkeleton } from "./card";

/** Route-level loading state: a title bar and a few card placeholders while the server renders. */
export function PageSkeleton({ cards = [120, 360] }: { cards?: number[] }) {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-5">
      <div className="space-y-2">
        <div className="h-7 w-56 max-w-full animate-pulse rounded bg-line" />
        <div className="h-4 w-96 max-w-full animate-pulse rounded bg-line/70" />
      </div>
      {cards.map((h, i) => (
        <CardSkeleton key={i} height={h} />
      ))}
    </div>
  );
}
