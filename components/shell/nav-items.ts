export const navItems = [
  { href: "/", label: "Overview" },
  { href: "/findings", label: "Findings" },
  { href: "/coverage", label: "Coverage" },
  { href: "/accounts", label: "Accounts" },
  { href: "/review", label: "Review" },
  { href: "/gate", label: "Gate" },
  { href: "/sync", label: "Sync" },
] as const;

/** Pages only admins are offered (the guard refuses them to everyone else anyway). */
export const adminNavItems = [
  { href: "/admin/access", label: "Access" },
  { href: "/admin/tokens", label: "Tokens" },
  { href: "/admin/audit", label: "Audit" },
  // The delivery log is one click from Alerts (and keeps it highlighted): the bar stays one row.
  { href: "/admin/alerts", label: "Alerts", match: "/admin/alert" },
] as const;

export type NavItem = { href: string; label: string; match?: string };
