// Small neutral/tonal pills for statuses (Inspector enablement, sync outcome, finding status).
const tones = {
  good: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  warn: "bg-amber-50 text-amber-900 ring-amber-600/30",
  bad: "bg-red-50 text-red-800 ring-red-600/25",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  info: "bg-blue-50 text-blue-800 ring-blue-600/25",
} as const;
export type Tone = keyof typeof tones;

const toneByValue: Record<string, Tone> = {
  ENABLED: "good", OK: "good", SUCCEEDED: "good", ACTIVE: "info", SUCCESSFUL: "good",
  PARTIAL: "warn", RUNNING: "info", ENABLING: "warn", DISABLING: "warn", SUSPENDING: "warn", NEVER_SYNCED: "warn", SUPPRESSED: "neutral",
  DISABLED: "bad", SUSPENDED: "bad", FAILED: "bad", ERROR: "bad", ACCESS_DENIED: "bad", INSPECTOR_DISABLED: "bad", CLOSED: "neutral", INACTIVE: "warn",
};

export function StatusPill({ value, label, tone }: { value: string | null | undefined; label?: string; tone?: Tone }) {
  const v = value ?? "UNKNOWN";
  const t = tone ?? toneByValue[v] ?? "neutral";
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-semibold whitespace-nowrap ring-1 ring-inset ${tones[t]}`}>{label ?? v.replaceAll("_", " ").toLowerCase()}</span>;
}
