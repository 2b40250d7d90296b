// Display formats shared by the page and the exports, always in UTC so they agree.
const instant = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", hourCycle: "h23" });
const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatInstant(iso: string): string {
  return `${instant.format(new Date(iso))} UTC`;
}

export function formatDay(day: string): string {
  return date.format(new Date(`${day}T00:00:00Z`));
}

export function formatDays(days: number | null): string {
  return days == null ? "—" : days.toFixed(1);
}
