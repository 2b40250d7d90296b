import Link from "next/link";

export default function NotFound() {
  return (
    <div role="status" className="rounded-lg border border-dashed border-line bg-panel px-6 py-12 text-center">
      <p className="text-base font-semibold">This finding is not in the cache</p>
      <p className="mt-2 text-sm text-muted">
        It may belong to an account outside your scope, or Inspector deleted it before the first sync. <Link href="/findings" className="text-accent underline">Back to the findings</Link>
      </p>
    </div>
  );
}
