import { describe, expect, it } from "vitest";
import { AwsCallError, classifyAwsError, iamAction, toAwsCallError } from "./errors";

const sdkError = (name: string, status?: number, message = "boom") =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("AWS errors", () => {
  it("classifies by error name and HTTP status", () => {
    expect(classifyAwsError(sdkError("AccessDeniedException", 403))).toBe("ACCESS_DENIED");
    expect(classifyAwsError(sdkError("AccessDenied", 403))).toBe("ACCESS_DENIED");
    expect(classifyAwsError(sdkError("Whatever", 403))).toBe("ACCESS_DENIED");
    expect(classifyAwsError(sdkError("ThrottlingException", 429))).toBe("THROTTLED");
    expect(classifyAwsError(sdkError("TooManyRequestsException", 400))).toBe("THROTTLED");
    expect(classifyAwsError(sdkError("TimeoutError"))).toBe("TIMEOUT");
    expect(classifyAwsError(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe("UNAVAILABLE");
    expect(classifyAwsError(sdkError("InternalServerException", 500))).toBe("UNAVAILABLE");
    expect(classifyAwsError(sdkError("ValidationException", 400))).toBe("VALIDATION");
    expect(classifyAwsError(new Error("plain"))).toBe("OTHER");
  });

  it("derives the IAM action from the client and command names", () => {
    expect(iamAction("Inspector2Client", "ListFindingsCommand")).toBe("inspector2:ListFindings");
    expect(iamAction("OrganizationsClient", "ListAccountsCommand")).toBe("organizations:ListAccounts");
    expect(iamAction("STSClient", "GetCallerIdentityCommand")).toBe("sts:GetCallerIdentity");
  });

  it("names the missing permission and region in an access-denied message", () => {
    const err = toAwsCallError(sdkError("AccessDeniedException", 403, "not authorized"), "inspector2:ListFindings", "eu-west-1");
    expect(err).toBeInstanceOf(AwsCallError);
    expect(err.kind).toBe("ACCESS_DENIED");
    expect(err.message).toBe("access denied: the role needs inspector2:ListFindings in eu-west-1: not authorized");
    expect(toAwsCallError(err, "other", undefined)).toBe(err);
  });
});
