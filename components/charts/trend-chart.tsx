"use client";
// Open findings per day, stacked by severity. Receives data and onSelect(day); never fetches.
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { severityColor, severityLabel, severityOrder, type Severity } from "@/lib/domain/severity";

export interface TrendPoint {
  day: string;
  [severity: string]: number | string;
}

export function TrendChart({ data, severities, onSelect }: { data: TrendPoint[]; severities: Severity[]; onSelect: (day: string) => void }) {
  return (
    <ResponsiveContainer width="100%" height={340}>
      <AreaChart
        data={data}
        margin={{ top: 8, right: 12, bottom: 0, left: -8 }}
        onClick={(state) => {
          const day = state?.activeLabel;
          if (typeof day === "string") onSelect(day);
        }}
        style={{ cursor: "pointer" }}
        accessibilityLayer
      >
        <CartesianGrid stroke="#dfe3ea" strokeDasharray="3 3" />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
        <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
        <Tooltip contentStyle={{ fontSize: 12 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => severityOrder.indexOf(String(item.dataKey) as Severity)} />
        {severities.map((s) => (
          <Area key={s} type="monotone" dataKey={s} name={severityLabel[s]} stackId="open" stroke={severityColor[s].fill} fill={severityColor[s].fill} fillOpacity={0.75} isAnimationActive={false} />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
