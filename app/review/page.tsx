import { Suspense } from "react";
import { scopeForRequest, seesWholeOrg } from "@/lib/queries/scope";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterIssues } from "@/components/ui/filter-issues";
import { PageHeader } from "@/components/ui/page-header";
import { ExceptionsLoader } from "@/components/review/exceptions-loader";
import { GroupPicker } from "@/components/review/group-picker";
import { HeadlineLoader } from "@/components/review/headline-loader";
import { MeetingPicker } from "@/components/review/meeting-picker";
import { paramsKey, reviewChoices, reviewMeta } from "@/components/review/review-data";
import { ReviewSection, SectionSkeleton } from "@/components/review/review-section";
import { ReviewActions } from "@/components/review/review-toolbar";
import { ReviewStatus } from "@/components/review/review-status";
import { SinceLoader } from "@/components/review/since-loader";
import { SlaLoader } from "@/components/review/sla-loader";
import { TrendsLoader } from "@/components/review/trends-loader";
import { frozenReviewDates } from "@/lib/queries/review/frozen-reviews";
import { toDay } from "@/lib/review/day";
import { env } from "@/lib/env";
import { freezeRefusal } from "@/lib/review/meeting";
import { formatDay } from "@/lib/review/format";
import { parseReviewParams, reviewHref, reviewParamsSchema } from "@/lib/review/review-params";
import { AddCisSectionLink, CisReviewLoader } from "@/components/review/cis-section";
import { groupScope } from "@/lib/queries/review/review-accounts";
import { ReviewInUseSwitch } from "@/components/review/review-in-use-switch";
import { recordedInUse } from "@/lib/review/review-in-use";
import { currentActor } from "@/lib/auth/current-actor";
import { can, notAllowedText } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";
const canFreezeNow = (date: string, now: Date) => freezeRefusal(date, now, env().INSPECTORATE_REVIEW_FREEZE_GRACE_HOURS) === null;
export const metadata = { title: "Weekly review" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const now = new Date();
  const today = toDay(now);
  const parsed = parseReviewParams(await searchParams, now);
  // A bad link still shows today's review, with what was ignored and why.
  const params = parsed.ok ? parsed.params : reviewParamsSchema(now).parse({});
  const issues = parsed.ok ? [] : parsed.issues;
  const view = { date: params.date, group: params.group, value: params.value, weeks: params.weeks, version: params.version, inUse: params.inUse, accounts: params.accounts, slaFindings: params.slaFindings };
  const key = paramsKey(view);
  const scope = await scopeForRequest();
  const [{ meta, frozenAt, frozen: record }, frozen, choices, actor] = await Promise.all([reviewMeta(key), frozenReviewDates(scope), reviewChoices(), currentActor()]);
  // What the reader's role may do here: a viewer sees the review without the actions the server would refuse.
  const role = actor?.role ?? "viewer";
  const mayFreeze = can(role, "freeze") && seesWholeOrg(scope);
  const canFreeze = mayFreeze && !frozenAt && params.group === "org" && canFreezeNow(params.date, now);
  const header = <PageHeader title="Weekly review" subtitle={`Meeting of ${formatDay(params.date)} · ${meta.group.label}`} actions={<ReviewActions params={view} canFreeze={canFreeze} />} />;
  if (!choices.firstAccount && !frozenAt) {
    return (<>{header}<FilterIssues issues={issues} /><EmptyState /></>);
  }
  const live = !frozenAt && params.date === today;
  const editable = live && can(role, "exceptions");
  const readOnly = live && !editable ? notAllowedText(role, "record or change exceptions", "exceptions") : undefined;
  // Past weeks are counted with each image's usage today: the cache keeps no usage history.
  const inUseNote = recordedInUse(meta).mode === "only" ? " · in-use is today's usage, applied to past weeks; coverage counts every resource" : " · every image counts";
  return (
    <>
      {header}
      <FilterIssues issues={issues} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3" data-no-print>
        <MeetingPicker params={view} today={today} frozen={frozen} />
        <div className="flex flex-wrap items-center gap-3">
          <ReviewInUseSwitch params={view} meta={meta} frozen={!!frozenAt} scope={groupScope(scope, meta.group)} />
          <GroupPicker params={view} choices={choices} />
        </div>
      </div>
      <ReviewStatus frozen={record} asOf={meta.asOf} generatedAt={meta.generatedAt} groupLabel={meta.group.label} isToday={params.date === today} params={view} mayFreeze={mayFreeze} />
      <Suspense fallback={<div aria-hidden className="h-[88px] animate-pulse rounded-lg border border-line bg-panel" />}>
        <HeadlineLoader dataKey={key} />
      </Suspense>
      <ReviewSection id="trends" title="Trends" pageBreak={false} subtitle={`${params.weeks} weeks to the meeting, weeks starting Monday (UTC)${inUseNote}`}>
        <Suspense fallback={<SectionSkeleton />}>
          <TrendsLoader dataKey={key} />
        </Suspense>
      </ReviewSection>
      <ReviewSection id="sla" title="SLA breaches" subtitle="Open findings past or near their remediation deadline">
        <Suspense fallback={<SectionSkeleton rows={1} />}>
          <SlaLoader dataKey={key} params={view} editable={editable} />
        </Suspense>
      </ReviewSection>
      <Suspense fallback={<ReviewSection id="since" title="Since the last review"><SectionSkeleton rows={1} height={180} /></ReviewSection>}>
        <SinceLoader dataKey={key} />
      </Suspense>
      <ReviewSection id="exceptions" title="Risk exceptions" subtitle={`Valid through their expiry day (UTC); expiring = before the next meeting, the meeting day included${recordedInUse(meta).mode === "only" ? "; covered findings count every image" : ""}`}>
        <Suspense fallback={<SectionSkeleton rows={1} />}>
          <ExceptionsLoader dataKey={key} editable={editable} readOnly={readOnly} prefillArn={params.except} />
        </Suspense>
      </ReviewSection>
      {params.cis ? (
        <ReviewSection id="cis" title="CIS benchmark" subtitle="Latest completed scan per account and region, read from the cache now (not part of a frozen review)">
          <Suspense fallback={<SectionSkeleton rows={1} />}>
            <CisReviewLoader scope={groupScope(scope, meta.group)} />
          </Suspense>
        </ReviewSection>
      ) : (
        <AddCisSectionLink href={`${reviewHref({ ...view, cis: "1" })}#cis`} />
      )}
    </>
  );
}
