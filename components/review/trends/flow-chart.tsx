"use client";
// New against closed findings per week. Clicking a bar selects that week and direction.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { FlowWeek } from "@/lib/queries/review/review-types";
import { ChartFrame, axisProps } from "./chart-frame";

export const flowColors = { opened: "#2457c5", closed: "#009e73" };

export function FlowChart({ data, onSelect }: { data: FlowWeek[]; onSelect: (week: FlowWeek, kind: "opened" | "closed") => void }) {
  const opened = data.reduce((n, w) => n + w.opened, 0), closed = data.reduce((n, w) => n + w.closed, 0);
  return (
    <ChartFrame testId="trend-flow" label={`New against closed findings per week: ${opened} new and ${closed} closed over ${data.length} weeks`}>
      <BarChart data={data} margin={{ top: 8, right: 18, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#eef1f5" />
        <XAxis dataKey="label" {...axisProps} interval={0} />
        <YAxis {...axisProps} width={44} allowDecimals={false} />
        <Tooltip cursor={{ fill: "#f4f6f9" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {(["opened", "closed"] as const).map((k) => (
          <Bar key={k} dataKey={k} name={k === "opened" ? "New" : "Closed"} fill={flowColors[k]} cursor="pointer" isAnimationActive={false}
            onClick={(_: unknown, index: number) => data[index] && onSelect(data[index], k)} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
