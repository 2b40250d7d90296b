import { ApiError } from "../http/errors";
import type { CredentialStore } from "./credentials";

// STS over the query protocol: form-encoded requests, XML responses and errors.

export interface StsContext {
  store: CredentialStore;
  roleArn: string;
  externalId: string;
  adminAccountId: string;
  baseUserArn: string;
  /** undefined: not signed; otherwise the caller's access key. */
  accessKeyId?: string;
}

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function stsErrorXml(err: ApiError, requestId: string): string {
  const type = err.status >= 500 ? "Receiver" : "Sender";
  return `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${esc(err.code)}</Code><Message>${esc(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

const stsError = (status: number, code: string, message: string) => new ApiError(status, code, message);

function callerArn(ctx: StsContext): { arn: string; userId: string; account: string } {
  const s = ctx.accessKeyId ? ctx.store.lookup(ctx.accessKeyId) : undefined;
  if (s) {
    const role = s.roleArn.split("/").pop();
    return { arn: `arn:aws:sts::${ctx.adminAccountId}:assumed-role/${role}/${s.sessionName}`, userId: `AROA${s.accessKeyId.slice(4, 20)}:${s.sessionName}`, account: ctx.adminAccountId };
  }
  return { arn: ctx.baseUserArn, userId: "AIDAINSPECTORATEDEMO1", account: ctx.adminAccountId };
}

export function stsAction(body: string): string {
  return new URLSearchParams(body).get("Action") ?? "";
}

export function handleSts(ctx: StsContext, body: string, requestId: string): string {
  const p = new URLSearchParams(body);
  const action = p.get("Action");
  if (!ctx.accessKeyId) throw stsError(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
  const meta = `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`;
  if (action === "GetCallerIdentity") {
    const c = callerArn(ctx);
    return `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Arn>${c.arn}</Arn><UserId>${c.userId}</UserId><Account>${c.account}</Account></GetCallerIdentityResult>${meta}</GetCallerIdentityResponse>`;
  }
  if (action !== "AssumeRole") throw stsError(400, "InvalidAction", `Could not find operation ${action ?? ""} for version ${p.get("Version") ?? ""}`);
  const roleArn = p.get("RoleArn") ?? "", name = p.get("RoleSessionName") ?? "";
  if (roleArn.length < 20) throw stsError(400, "ValidationError", "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20");
  if (name.length < 2 || name.length > 64 || !/^[\w+=,.@-]*$/.test(name)) {
    throw stsError(400, "ValidationError", `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*`);
  }
  const duration = p.has("DurationSeconds") ? Number(p.get("DurationSeconds")) : 3600;
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
    throw stsError(400, "ValidationError", `1 validation error detected: Value '${p.get("DurationSeconds")}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${duration < 900 ? "greater than or equal to 900" : "less than or equal to 43200"}`);
  }
  const caller = callerArn(ctx).arn;
  if (roleArn !== ctx.roleArn || p.get("ExternalId") !== ctx.externalId) {
    throw stsError(403, "AccessDenied", `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  }
  const s = ctx.store.issue(roleArn, name, duration);
  const role = roleArn.split("/").pop();
  return `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult><Credentials><AccessKeyId>${s.accessKeyId}</AccessKeyId><SecretAccessKey>${esc(s.secretAccessKey)}</SecretAccessKey><SessionToken>${esc(s.sessionToken)}</SessionToken><Expiration>${new Date(s.expiresAtMs).toISOString()}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA${s.accessKeyId.slice(4)}:${esc(name)}</AssumedRoleId><Arn>arn:aws:sts::${ctx.adminAccountId}:assumed-role/${role}/${esc(name)}</Arn></AssumedRoleUser><PackedPolicySize>0</PackedPolicySize></AssumeRoleResult>${meta}</AssumeRoleResponse>`;
}
