// The SDK's generic schema deserializer costs ~45 µs per finding, more than everything else the
// sync does with it. ListFindings and ListCoverage responses (the two the sync pages through by
// the thousand) are therefore read with JSON.parse, element by element (json-parse-by-elements.ts), and their timestamps (epoch seconds on the
// wire) turned into Dates exactly as the SDK would; every other operation, and every error, goes
// through the standard restJson1 protocol.
import { AwsRestJsonProtocol } from "@aws-sdk/core/protocols";
import { collectBody } from "@smithy/core/protocols";
import type { CoveredResource, Finding } from "@aws-sdk/client-inspector2";
import type { MetadataBearer } from "@smithy/types";
import { parseByElements } from "./json-parse-by-elements";

type Json = Record<string, unknown>;

// Each finding's JSON exactly as the API sent it (epoch-second timestamps): a view of the response
// body's bytes rather than a re-serialisation or a copy, which is what the cache stores as the
// finding's raw JSON (the writer sends the bytes as they are). It
// rides on the finding as a hidden (non-enumerable, symbol-keyed) property, so it lives and dies
// with the finding; a WeakMap would keep both until the next full garbage collection.
const WIRE_JSON = Symbol("wireJson");

/** The finding's wire JSON (UTF-8) when it came through this protocol; undefined for any other object. */
export function wireFindingJson(f: object): Buffer | undefined {
  return (f as { [WIRE_JSON]?: Buffer })[WIRE_JSON];
}

type Args = Parameters<AwsRestJsonProtocol["deserializeResponse"]>;

const toDate = (o: Json | undefined, key: string) => {
  const v = o?.[key];
  if (typeof v === "number") o![key] = new Date(Math.round(v * 1000));
  else if (typeof v === "string" && v !== "" && Number.isFinite(Number(v))) o![key] = new Date(Math.round(Number(v) * 1000));
};

/** Every timestamp member of Finding and its nested shapes, as modelled by the SDK. */
export function reviveFinding(f: Json): Finding {
  toDate(f, "firstObservedAt");
  toDate(f, "lastObservedAt");
  toDate(f, "updatedAt");
  toDate(f.exploitabilityDetails as Json | undefined, "lastKnownExploitAt");
  const pvd = f.packageVulnerabilityDetails as Json | undefined;
  toDate(pvd, "vendorCreatedAt");
  toDate(pvd, "vendorUpdatedAt");
  for (const r of (f.resources as Json[] | undefined) ?? []) {
    const d = r.details as Json | undefined;
    toDate(d?.awsEc2Instance as Json | undefined, "launchedAt");
    const image = d?.awsEcrContainerImage as Json | undefined;
    toDate(image, "pushedAt");
    toDate(image, "lastInUseAt");
    toDate(d?.awsLambdaFunction as Json | undefined, "lastModifiedAt");
  }
  return f as unknown as Finding;
}

/** Every timestamp member of CoveredResource and its nested shapes, as modelled by the SDK. */
export function reviveCoveredResource(c: Json): CoveredResource {
  toDate(c, "lastScannedAt");
  const m = c.resourceMetadata as Json | undefined;
  for (const image of [m?.ecrImage, m?.containerImage] as (Json | undefined)[]) {
    toDate(image, "imagePulledAt");
    toDate(image, "lastInUseAt");
  }
  toDate((m?.codeRepository as Json | undefined)?.onDemandScan as Json | undefined, "lastScanAt");
  return c as unknown as CoveredResource;
}

export class FastListFindingsProtocol extends AwsRestJsonProtocol {
  async deserializeResponse<Output extends MetadataBearer>(...args: Args): Promise<Output> {
    const [operationSchema, context, response] = args;
    const name = (operationSchema as { name?: string }).name;
    if ((name !== "ListFindings" && name !== "ListCoverage") || response.statusCode >= 300) return super.deserializeResponse<Output>(...args);
    const bytes = await collectBody(response.body, context);
    const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const list = name === "ListCoverage" ? "coveredResources" : "findings";
    const { data, elements: wire } = body.length ? parseByElements(body, list) : { data: {} as Json, elements: undefined };
    const out: Json = { $metadata: this.deserializeMetadata(response) };
    if (name === "ListCoverage") {
      if (Array.isArray(data.coveredResources)) out.coveredResources = (data.coveredResources as Json[]).map(reviveCoveredResource);
    } else if (Array.isArray(data.findings)) {
      const parsed = data.findings as Json[];
      out.findings = parsed.map((f, i) => {
        Object.defineProperty(f, WIRE_JSON, { value: wire ? wire[i] : Buffer.from(JSON.stringify(f), "utf8") });
        return reviveFinding(f);
      });
    }
    if (typeof data.nextToken === "string") out.nextToken = data.nextToken;
    return out as unknown as Output;
  }
}
