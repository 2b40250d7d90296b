"use client";
// Shared frame for the review's trend charts: a fixed height that prints, and a text summary
// for screen readers (the numbers are also in the CSV and PDF).
import { ResponsiveContainer } from "recharts";

export function ChartFrame({ label, testId, children, height = 220, data }: { label: string; testId: string; children: React.ReactElement; height?: number; data?: Record<string, string> }) {
  const attrs = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    // In print the browser lays out again without re-running the chart's JS: scale the drawn SVG instead.
    <div role="img" aria-label={label} data-testid={testId} {...attrs} className={`w-full ${printScale}`} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={200} initialDimension={{ width: 600, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

const printScale = "print:[&_.recharts-responsive-container]:!w-full print:[&_.recharts-responsive-container>div]:!w-full print:[&_.recharts-responsive-container>div]:!h-full print:[&_.recharts-wrapper]:!w-full print:[&_.recharts-wrapper]:!h-full print:[&_.recharts-wrapper>svg]:!w-full print:[&_.recharts-wrapper>svg]:!h-full";

export const axisProps = { tick: { fontSize: 11, fill: "#5b6472" }, tickLine: false, axisLine: { stroke: "#dfe3ea" } } as const;

/** Recharts' tooltip index may arrive as a string. */
export function indexOf(i: unknown): number | null {
  const n = typeof i === "number" ? i : typeof i === "string" ? Number(i) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}
