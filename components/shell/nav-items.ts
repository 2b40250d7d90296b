export const navItems = [
  { href: "/", label: "Overview" },
  { href: "/findings", label: "Findings" },
  { href: "/coverage", label: "Coverage" },
  { href: "/accounts", label: "Accounts" },
  { href: "/review", label: "Review" },
  { href: "/gate", label: "Gate" },
  { href: "/sync", label: "Sync" },
] as const;
