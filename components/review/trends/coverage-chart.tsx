"use client";
// Scanned against unscanned resources per week (from each week's last coverage snapshot), stacked.
// Clicking a week selects it.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { CoverageWeek } from "@/lib/queries/review/review-types";
import { ChartFrame, axisProps } from "./chart-frame";

export const coverageColors = { active: "#009e73", inactive: "#cc79a7" };

export function CoverageChart({ data, onSelect }: { data: CoverageWeek[]; onSelect: (week: CoverageWeek) => void }) {
  const latest = data.at(-1);
  return (
    <ChartFrame testId="trend-coverage" label={`Scanned and unscanned resources per week; latest ${latest?.active ?? "no data"} scanned, ${latest?.inactive ?? "no data"} not`}>
      <BarChart data={data} margin={{ top: 8, right: 18, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#eef1f5" />
        <XAxis dataKey="label" {...axisProps} interval={0} />
        <YAxis {...axisProps} width={44} allowDecimals={false} />
        <Tooltip cursor={{ fill: "#f4f6f9" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {(["active", "inactive"] as const).map((k) => (
          <Bar key={k} dataKey={k} name={k === "active" ? "Scanned" : "Not scanned"} stackId="c" fill={coverageColors[k]} cursor="pointer" isAnimationActive={false}
            onClick={(_: unknown, index: number) => data[index] && onSelect(data[index])} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
