"use client";
// Open findings per week, stacked by severity. Clicking a segment selects that week and severity.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { rankedSeverities, severityColor, severityLabel, type Severity } from "@/lib/domain/severity";
import type { OpenWeek } from "@/lib/queries/review/review-types";
import { ChartFrame, axisProps } from "./chart-frame";


export function OpenBySeverityChart({ data, onSelect }: { data: OpenWeek[]; onSelect: (week: OpenWeek, severity: Severity) => void }) {
  const rows = data.map((w) => ({ ...w, ...Object.fromEntries(rankedSeverities.map((s) => [s, w.open?.[s] ?? null])) }));
  const latest = data.at(-1);
  return (
    <ChartFrame
      testId="trend-open"
      label={`Open findings per week over ${data.length} weeks; latest week ${latest?.total ?? "no data"} open`}
      data={{ weeks: String(data.length), "weeks-with-data": String(data.filter((w) => w.day).length) }}
    >
      <BarChart data={rows} margin={{ top: 8, right: 18, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#eef1f5" />
        <XAxis dataKey="label" {...axisProps} interval={0} />
        <YAxis {...axisProps} width={44} allowDecimals={false} />
        <Tooltip cursor={{ fill: "#f4f6f9" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {rankedSeverities.map((s) => (
          <Bar
            key={s}
            dataKey={s}
            name={severityLabel[s]}
            stackId="open"
            fill={severityColor[s].fill}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_: unknown, index: number) => data[index] && onSelect(data[index], s)}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
