// One error type for every AWS call the sync makes, carrying which action in which region failed
// and what kind of failure it is, so a region or account can be marked ACCESS_DENIED or ERROR
// and the message can name the exact permission the role lacks.
export type AwsErrorKind = "ACCESS_DENIED" | "THROTTLED" | "TIMEOUT" | "NOT_FOUND" | "VALIDATION" | "UNAVAILABLE" | "OTHER";

const DENIED = new Set([
  "AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnrecognizedClientException",
  "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException", "AWSOrganizationsNotInUseException",
]);
const THROTTLED = new Set(["ThrottlingException", "TooManyRequestsException", "Throttling", "RequestLimitExceeded"]);
const TIMEOUT = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException", "ETIMEDOUT"]);
const UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EPIPE", "EAI_AGAIN", "InternalServerException", "ServiceUnavailable"]);

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export function classifyAwsError(err: unknown): AwsErrorKind {
  if (err instanceof AwsCallError) return err.kind;
  const e = (err ?? {}) as SdkLikeError;
  const name = e.name ?? "";
  const status = e.$metadata?.httpStatusCode;
  if (DENIED.has(name) || status === 403) return "ACCESS_DENIED";
  if (THROTTLED.has(name) || status === 429) return "THROTTLED";
  if (TIMEOUT.has(name) || TIMEOUT.has(e.code ?? "")) return "TIMEOUT";
  if (name === "ResourceNotFoundException" || status === 404) return "NOT_FOUND";
  if (name === "ValidationException") return "VALIDATION";
  if (UNAVAILABLE.has(name) || UNAVAILABLE.has(e.code ?? "") || (status !== undefined && status >= 500)) return "UNAVAILABLE";
  return "OTHER";
}

/** "Inspector2Client" + "ListFindingsCommand" → "inspector2:ListFindings", the IAM action name. */
export function iamAction(clientName: string, commandName: string): string {
  const service = clientName.replace(/Client$/, "").toLowerCase();
  return `${service}:${commandName.replace(/Command$/, "")}`;
}

export class AwsCallError extends Error {
  constructor(
    readonly kind: AwsErrorKind,
    readonly action: string,
    readonly region: string | undefined,
    readonly awsMessage: string,
    options?: { cause?: unknown },
  ) {
    super(describe(kind, action, region, awsMessage), options);
    this.name = "AwsCallError";
  }
}

function describe(kind: AwsErrorKind, action: string, region: string | undefined, awsMessage: string): string {
  const where = region ? ` in ${region}` : "";
  const said = awsMessage ? `: ${awsMessage}` : "";
  switch (kind) {
    case "ACCESS_DENIED":
      return `access denied: the role needs ${action}${where}${said}`;
    case "THROTTLED":
      return `${action}${where} still throttled after retries${said}`;
    case "TIMEOUT":
      return `${action}${where} timed out${said}`;
    default:
      return `${action}${where} failed${said}`;
  }
}

export function toAwsCallError(err: unknown, action: string, region: string | undefined): AwsCallError {
  if (err instanceof AwsCallError) return err;
  const e = (err ?? {}) as SdkLikeError;
  const message = (e.message ?? String(err)).slice(0, 500);
  return new AwsCallError(classifyAwsError(err), action, region, message, { cause: err });
}
