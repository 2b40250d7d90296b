import { Card } from "@/components/ui/card";
import { addDaysToDay, toDay } from "@/lib/review/day";
import { reviewSection } from "./review-data";
import { ExceptionForm } from "./exception-form";
import { ExceptionList } from "./exception-list";

/** `readOnly`: why today's live review is not editable for this reader (their role), when it is not. */
export async function ExceptionsLoader({ dataKey, editable, readOnly, prefillArn }: { dataKey: string; editable: boolean; readOnly?: string; prefillArn?: string }) {
  const ex = await reviewSection(dataKey, "exceptions");
  const today = toDay(new Date());
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="min-w-0 space-y-4">
        <Card title={`Expiring before the next meeting (${ex.expiring.length})`}>
          <ExceptionList rows={ex.expiring} editable={editable} testId="exceptions-expiring" empty="None expires in the coming week." />
        </Card>
        <Card title={`Expired in the last four weeks (${ex.expired.length})`}>
          <ExceptionList rows={ex.expired} editable={false} testId="exceptions-expired" empty="None expired recently." />
        </Card>
        <Card title={`Active (${ex.active.length})`}>
          <ExceptionList rows={ex.active} editable={editable} testId="exceptions-active" empty="No other exception is in force." />
        </Card>
      </div>
      {editable ? (
        <div data-no-print>
          <Card title="Record a risk exception">
            <ExceptionForm prefillArn={prefillArn} today={today} defaultExpiry={addDaysToDay(today, 30)} />
          </Card>
        </div>
      ) : (
        <p className="text-sm text-muted" data-no-print data-testid="exceptions-read-only">{readOnly ?? "This is not today’s live review (it is frozen, or a past meeting): exceptions are managed on today’s review."}</p>
      )}
    </div>
  );
}
