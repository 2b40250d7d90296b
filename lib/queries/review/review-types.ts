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

/** Counts are null ("no data", shown as —) for a week nothing observed, never 0. */
export interface OpenWeek extends WeekPoint {
  day: string | null; // the snapshot day the week's counts come from
  open: Record<Severity, number> | null;
  total: number | null;
  /** From the first sync's reconstruction, not from a sync that ran that week. */
  estimated?: boolean;
}
export interface FlowWeek extends WeekPoint {
  opened: number | null;
  /** Every closure; remediated + removed. */
  closed: number | null;
  remediated?: number | null;
  /** Closed because the resource went away or scanning stopped. */
  removed?: number | null;
  reopened?: number | null;
  suppressed?: number | null;
}
export interface MttrWeek extends WeekPoint {
  /** Mean days from first observation to a remediated close, null when nothing was remediated. */
  days: Record<Severity, number | null>;
  closed: Record<Severity, number>;
}
export interface CoverageWeek extends WeekPoint {
  day: string | null;
  active: number | null;
  inactive: number | null;
}
export interface Trends {
  weeks: WeekPoint[];
  open: OpenWeek[];
  flow: FlowWeek[];
  mttr: MttrWeek[];
  coverage: CoverageWeek[];
  /** First and latest sync run up to the meeting's as-of (absent in reviews frozen before it). */
  observed?: { first: string | null; latest: string | null };
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
  /** Inspector's estimated monthly cost when computed; absent (older reviews, no usage) = "—". */
  cost?: { amount: number | null; currency: string | null };
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
  /** When the last sync that observed Inspector finished within (from, to]; null: none did, so the
   *  changes are unknown ("—"), not none. Absent in reviews frozen before it was recorded. */
  lastSyncInWindow?: string | null;
  newCriticalHigh: ChangeGroup & { critical: number; high: number };
  /** Remediated closures: the resource is still there and still scanned. */
  fixed: ChangeGroup;
  /** Closures because the resource went away or scanning stopped (absent in older frozen reviews). */
  removed?: ChangeGroup;
  reopened: ChangeGroup;
  becameExploitable: ChangeGroup;
  lostCoverage: ChangeGroup;
  wentDark: ChangeGroup;
  /** "accountId/region" keys dark at this meeting: the next review compares against them. */
  darkNow: string[];
}

export interface ExceptionRow {
  /** The public id (random): URLs, forms and the API never see the serial one. */
  id: string;
  findingArn: string | null;
  vulnerabilityId: string | null;
  resourceIds: string[];
  reason: string;
  owner: string;
  createdBy: string | null;
  /** Null while four-eyes approval is pending; then the exception does not count. */
  approvedBy: string | null;
  approvedAt: string | null;
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
  /** The "In use only" choice it was computed with; absent in reviews frozen before the switch,
   *  which counted every image (read it through lib/review/review-in-use.ts). */
  inUse?: "only" | "all";
}

export interface HeadlineFigure {
  key: string;
  label: string;
  /** null: nothing observed ("—"), never 0. */
  value: number | null;
  /** A line under the figure, e.g. when it was observed. */
  detail?: string;
  href: string;
}

/** Version 2 adds the stored headline, removed closures and "no data" nulls. */
export interface ReviewPayload {
  version: 1 | 2;
  meta: ReviewMeta;
  headline?: HeadlineFigure[];
  trends: Trends;
  sla: SlaSection;
  since: SinceLastReview;
  exceptions: ExceptionsSection;
}
