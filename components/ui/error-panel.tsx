"use client";
// Shared body of the app/**/error.tsx boundaries: says what failed and offers a retry.
export function ErrorPanel({ error, reset, what }: { error: Error & { digest?: string }; reset: () => void; what: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-6 py-8 text-sm text-red-900">
      <p className="text-base font-semibold">Could not load {what}.</p>
      <p className="mt-1">
        {error.message || "The server answered with an error."}
        {error.digest && <span className="ml-1 font-mono text-xs text-red-700">(ref {error.digest})</span>}
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800">
        Try again
      </button>
    </div>
  );
}
