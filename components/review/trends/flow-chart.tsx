"use client";
// New against closed findings per week (closures split into remediated and removed); a week nothing
// observed has no bars. Clicking a bar selects that week and direction.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { FlowWeek } from "@/lib/queries/review/review-types";
import { ChartFrame, axisProps } from "./chart-frame";

export const flowColors = { opened: "#2457c5", closed: "#009e73", removed: "#9aa5b1" };

const sum = (data: FlowWeek[], pick: (w: FlowWeek) => number | null | undefined) => data.reduce((n, w) => n + (pick(w) ?? 0), 0);

export function FlowChart({ data, onSelect }: { data: FlowWeek[]; onSelect: (week: FlowWeek, kind: "opened" | "remediated" | "removed") => void }) {
  const opened = sum(data, (w) => w.opened), closed = sum(data, (w) => w.closed), observed = data.filter((w) => w.opened != null).length;
  // Older frozen reviews have no remediated/removed split: all their closures show as closed.
  const rows = data.map((w) => ({ ...w, fixed: w.remediated ?? w.closed, gone: w.removed ?? null }));
  return (
    <ChartFrame testId="trend-flow" label={`New against closed findings per week: ${opened} new and ${closed} closed over ${observed} observed of ${data.length} weeks`}>
      <BarChart data={rows} margin={{ top: 8, right: 18, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#eef1f5" />
        <XAxis dataKey="label" {...axisProps} interval={0} />
        <YAxis {...axisProps} width={44} allowDecimals={false} />
        <Tooltip cursor={{ fill: "#f4f6f9" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar dataKey="opened" name="New" fill={flowColors.opened} cursor="pointer" isAnimationActive={false}
          onClick={(_: unknown, index: number) => data[index] && onSelect(data[index], "opened")} />
        <Bar dataKey="fixed" name="Remediated" stackId="closed" fill={flowColors.closed} cursor="pointer" isAnimationActive={false}
          onClick={(_: unknown, index: number) => data[index] && onSelect(data[index], "remediated")} />
        <Bar dataKey="gone" name="Resource removed" stackId="closed" fill={flowColors.removed} cursor="pointer" isAnimationActive={false}
          onClick={(_: unknown, index: number) => data[index] && onSelect(data[index], "removed")} />
      </BarChart>
    </ChartFrame>
  );
}
