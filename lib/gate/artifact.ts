// The four kinds of artifact a pipeline may ask about, and their one-line labels. An image may be
// named by digest or by tag (resolved to a digest from the synced coverage and findings).
import { z } from "zod";
import { accountIdSchema } from "@/lib/domain/account-id";
import { amiIdSchema } from "@/lib/domain/ami-id";

const accountId = accountIdSchema.optional();
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "expected an AWS region such as us-east-1").optional();
const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/, "expected sha256: and 64 hex digits");

export const artifactSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("ecr-image"),
    repository: z.string().regex(/^[a-z0-9][a-z0-9._\/-]{0,255}$/, "expected an ECR repository name"),
    digest: digest.optional(), tag: z.string().regex(/^[\w][\w.-]{0,127}$/, "expected an image tag").optional(), accountId, region,
  }).refine((a) => (a.digest === undefined) !== (a.tag === undefined), { message: "give exactly one of digest or tag", path: ["digest"] }),
  z.strictObject({
    kind: z.literal("lambda-function"),
    functionName: z.string().regex(/^[\w-]{1,64}$/, "expected a function name"),
    qualifier: z.string().regex(/^(\$LATEST|\d+|[A-Za-z][\w-]{0,127})$/, "expected $LATEST, a version number or an alias").optional(), accountId, region,
  }),
  z.strictObject({ kind: z.literal("ec2-instance"), instanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/, "expected an instance id such as i-0abc…"), accountId, region }),
  z.strictObject({ kind: z.literal("ami"), amiId: amiIdSchema, accountId, region }),
]);

export type Artifact = z.infer<typeof artifactSchema>;

export function artifactLabel(a: Artifact): string {
  if (a.kind === "ecr-image") return `${a.repository}${a.digest ? `@${a.digest}` : `:${a.tag}`}`;
  if (a.kind === "lambda-function") return `lambda:${a.functionName}${a.qualifier ? `:${a.qualifier}` : ""}`;
  return a.kind === "ami" ? a.amiId : a.instanceId;
}

/** CLI shorthand: repo@sha256:…, repo:tag or repo (→ tag latest). */
export function parseImageRef(ref: string): Artifact | { error: string } {
  const at = ref.indexOf("@");
  const colon = ref.lastIndexOf(":");
  const a = at >= 0 ? { kind: "ecr-image", repository: ref.slice(0, at), digest: ref.slice(at + 1) }
    : colon > ref.lastIndexOf("/") ? { kind: "ecr-image", repository: ref.slice(0, colon), tag: ref.slice(colon + 1) }
    : { kind: "ecr-image", repository: ref, tag: "latest" };
  const r = artifactSchema.safeParse(a);
  return r.success ? r.data : { error: `--image ${ref}: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
}
