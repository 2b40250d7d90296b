"use client";
// Mean days to remediate per week, one line per severity; gaps where nothing closed.
// Clicking a week selects it (the closed findings of that week).
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { rankedSeverities, severityColor, severityLabel } from "@/lib/domain/severity";
import type { MttrWeek } from "@/lib/queries/review/review-types";
import { ChartFrame, axisProps, indexOf } from "./chart-frame";

const dashes: Record<string, string | undefined> = { CRITICAL: undefined, HIGH: "6 3", MEDIUM: "2 3", LOW: "8 3 2 3" };

export function MttrChart({ data, onSelect }: { data: MttrWeek[]; onSelect: (week: MttrWeek) => void }) {
  const rows = data.map((w) => ({ label: w.label, ...Object.fromEntries(rankedSeverities.map((s) => [s, w.days[s] == null ? null : Math.round(w.days[s]! * 10) / 10])) }));
  return (
    <ChartFrame testId="trend-mttr" label="Mean time to remediate in days per week, by severity">
      <LineChart
        data={rows}
        margin={{ top: 8, right: 18, bottom: 0, left: 0 }}
        onClick={(s) => {
          const i = indexOf(s?.activeTooltipIndex);
          if (i != null && data[i]) onSelect(data[i]);
        }}
        style={{ cursor: "pointer" }}
      >
        <CartesianGrid vertical={false} stroke="#eef1f5" />
        <XAxis dataKey="label" {...axisProps} interval={0} />
        <YAxis {...axisProps} width={44} />
        <Tooltip formatter={(v) => `${v} days`} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {rankedSeverities.map((s) => (
          // Dash patterns as well as colour, so the lines differ without colour vision.
          <Line key={s} dataKey={s} name={severityLabel[s]} stroke={severityColor[s].fill} strokeWidth={2} strokeDasharray={dashes[s]} dot={{ r: 2.5 }} connectNulls={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
