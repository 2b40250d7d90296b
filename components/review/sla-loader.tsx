import { reviewHref } from "@/lib/review/review-params";
import { recordedInUse } from "@/lib/review/review-in-use";
import { reviewMeta, reviewSection, type PageParams } from "./review-data";
import { SlaSection } from "./sla-section";

export async function SlaLoader({ dataKey, params, editable }: { dataKey: string; params: PageParams; editable: boolean }) {
  const [{ meta }, sla] = await Promise.all([reviewMeta(dataKey), reviewSection(dataKey, "sla")]);
  const exceptHref = editable ? (arn: string) => `${reviewHref({ ...params, except: arn })}#exceptions` : undefined;
  // The most breached accounts, or all of them when asked (?accounts=all): a page of 1,000 rows weighed 2.4 MB.
  const allAccountsHref = params.accounts ? undefined : `${reviewHref({ ...params, accounts: "all" })}#sla-by-account`;
  // The same for the findings past or near their deadline: 100 rows rendered hidden weighed 166 KB of
  // the page's flight data at 1M findings, for every viewer, opened or not.
  const allFindingsHref = params.slaFindings ? undefined : `${reviewHref({ ...params, slaFindings: "all" })}#sla-findings-list`;
  return <SlaSection sla={sla} asOf={meta.asOf} exceptHref={exceptHref} group={{ ...meta.group, inUse: recordedInUse(meta).mode }} allAccountsHref={allAccountsHref} allFindingsHref={allFindingsHref} />;
}
