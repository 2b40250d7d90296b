// The computed weekly review: plain JSON (ISO strings, no Dates) so the same object renders the
// page, feeds the JSON/CSV/PDF exports and is frozen as-is into reviews.payload.
import type { Severity } from "@/lib/domain/severity";
import type { ExceptionStatus } from "@/lib/review/exceptions";
import type { SlaPolicy } from "@/lib/review/sla";

export type GroupKind = "org" | "ou" | "owner" | "account";
export interface ReviewGroup {
  kind: GroupKind;
  /** OU name, owner name or account id; absent for the whole organization. */
  value?: string;
  label: string;
  accountIds: string[];
}

export interface WeekPoint {
  week: string; // Monday, YYYY-MM-DD
  weekEnd: string; // Sunday, YYYY-MM-DD
  label: string;
}

export interface OpenWeek extends WeekPoint {
  day: string | null; // the snapshot day the week's counts come from
  open: Record<Severity, number>;
  total: number;
}
export interface FlowWeek extends WeekPoint {
  opened: number;
  closed: number;
}
export interface MttrWeek extends WeekPoint {
  /** Mean days from first observation to final close, null when nothing closed. */
  days: Record<Severity, number | null>;
  closed: Record<Severity, number>;
}
export interface CoverageWeek extends WeekPoint {
  day: string | null;
  active: number;
  inactive: number;
}
export interface Trends {
  weeks: WeekPoint[];
  open: OpenWeek[];
  flow: FlowWeek[];
  mttr: MttrWeek[];
  coverage: CoverageWeek[];
}

export interface SlaCounts {
  breached: number;
  dueSoon: number;
  excepted: number;
}
export interface SlaAccountRow extends SlaCounts {
  accountId: string;
  accountName: string | null;
  owner: string;
  ouName: string | null;
}
export interface SlaOwnerRow extends SlaCounts {
  owner: string;
  accountIds: string[];
}
export interface SlaFinding {
  arn: string;
  title: string;
  severity: Severity;
  accountId: string;
  accountName: string | null;
  owner: string;
  resourceId: string;
  vulnerabilityId: string | null;
  firstObservedAt: string;
  dueAt: string;
  state: "breached" | "due-soon";
  excepted: boolean;
}
export interface SlaSection {
  policy: SlaPolicy;
  dueSoonDays: number;
  totals: SlaCounts;
  byAccount: SlaAccountRow[];
  byOwner: SlaOwnerRow[];
  /** Most overdue first; capped, the counts above are exact. */
  findings: SlaFinding[];
}

export interface ChangeItem {
  key: string;
  label: string;
  detail: string;
  href: string;
}
export interface ChangeGroup {
  count: number;
  href: string;
  items: ChangeItem[];
}
export interface SinceLastReview {
  from: string;
  to: string;
  newCriticalHigh: ChangeGroup & { critical: number; high: number };
  fixed: ChangeGroup;
  reopened: ChangeGroup;
  becameExploitable: ChangeGroup;
  lostCoverage: ChangeGroup;
  wentDark: ChangeGroup;
  /** "accountId/region" keys dark at this meeting: the next review compares against them. */
  darkNow: string[];
}

export interface ExceptionRow {
  id: number;
  findingArn: string | null;
  vulnerabilityId: string | null;
  resourceIds: string[];
  reason: string;
  owner: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  expiryDay: string;
  revokedAt: string | null;
  status: ExceptionStatus;
  /** Open findings it covers now (within scope). */
  findings: number;
  href: string;
}
export interface ExceptionsSection {
  expiring: ExceptionRow[];
  expired: ExceptionRow[];
  active: ExceptionRow[];
}

export interface ReviewMeta {
  meetingDate: string;
  asOf: string;
  previous: { meetingDate: string; asOf: string } | null;
  group: ReviewGroup;
  generatedAt: string;
}

export interface ReviewPayload {
  version: 1;
  meta: ReviewMeta;
  trends: Trends;
  sla: SlaSection;
  since: SinceLastReview;
  exceptions: ExceptionsSection;
}
