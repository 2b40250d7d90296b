import { describe, expect, it } from "vitest";
import { addErrorMiddleware, addPacingMiddleware } from "@/lib/aws/middleware";
import { AdaptiveRateLimiter } from "@/lib/aws/rate-limiter";
import { metrics } from "./metrics";

type Mw = (next: (a: unknown) => Promise<unknown>, ctx: { commandName: string }) => (a: unknown) => Promise<unknown>;

function stackOf() {
  const added: { mw: Mw; step: string }[] = [];
  const client = { middlewareStack: { add: (mw: unknown, o: Record<string, unknown>) => added.push({ mw: mw as Mw, step: String(o.step) }) } };
  return { client, added };
}
const throttled = () => Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", $metadata: { httpStatusCode: 429 } });

describe("AWS request metrics", () => {
  it("count every attempt, throttles and final errors by region and operation", async () => {
    const { client, added } = stackOf();
    const limiter = new AdaptiveRateLimiter({ initialRate: 1000 });
    addErrorMiddleware(client, "Inspector2Client", "eu-west-1");
    addPacingMiddleware(client, () => limiter, { requests: 0, throttled: 0 }, "eu-west-1");
    const [errors, pacing] = [added.find((a) => a.step === "initialize")!.mw, added.find((a) => a.step === "finalizeRequest")!.mw];
    const ctx = { commandName: "ListFindingsCommand" };
    let attempt = 0;
    const send = pacing(async () => (++attempt < 3 ? Promise.reject(throttled()) : { ok: true }), ctx);
    // Two throttled attempts then success, as the SDK's retry loop would call the pacing step.
    for (let i = 0; i < 3; i++) await send({}).catch(() => {});
    await expect(errors(() => send({}).then(() => Promise.reject(throttled())), ctx)({})).rejects.toThrow();
    const text = await metrics().registry.metrics();
    const labels = 'region="eu-west-1",operation="ListFindings"';
    expect(text).toContain(`inspectorate_aws_requests_total{${labels}} 4`);
    expect(text).toContain(`inspectorate_aws_throttles_total{${labels}} 2`);
    expect(text).toContain(`inspectorate_aws_errors_total{${labels},kind="THROTTLED"} 1`);
  });
});
