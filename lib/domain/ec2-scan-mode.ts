// How Inspector scans an EC2 instance (ListCoverage scanMode) and what is known of its deep
// inspection (application packages through the SSM agent): only what Inspector said, else "—".

const modeLabel: Record<string, string> = {
  EC2_SSM_AGENT_BASED: "SSM agent",
  EC2_AGENTLESS: "agentless (EBS snapshot)",
  EC2_INSPECTOR_AGENT_BASED: "Inspector agent",
  VM_INSPECTOR_AGENT_BASED: "Inspector agent (VM)",
};

export function scanModeLabel(mode: string | null | undefined): string {
  if (!mode) return "—";
  return modeLabel[mode] ?? mode.replaceAll("_", " ").toLowerCase();
}

/** Deep inspection per instance: its DEEP_INSPECTION_* reason, "not used" for agentless, else unknown. */
export function deepInspectionLabel(mode: string | null | undefined, reason: string | null | undefined): string {
  if (reason?.startsWith("DEEP_INSPECTION_")) return `problem: ${reason.slice("DEEP_INSPECTION_".length).replaceAll("_", " ").toLowerCase()}`;
  if (mode === "EC2_AGENTLESS") return "not used (agentless)";
  if (mode === "EC2_SSM_AGENT_BASED" && reason === "SUCCESSFUL") return "no problem reported";
  return "—";
}
