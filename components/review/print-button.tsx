"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-line bg-panel px-3 py-1.5 text-sm font-medium hover:border-accent">
      Print
    </button>
  );
}
