import type { Inspector2Client } from "@aws-sdk/client-inspector2";
import { describe, expect, it } from "vitest";
import { adminMismatchMessage, checkDelegatedAdmin } from "./checks";
import { AwsCallError } from "./errors";

describe("adminMismatchMessage", () => {
  it("names the role's account, the region and the real delegated admin", () => {
    expect(adminMismatchMessage("111122223333", "eu-west-1", "444455556666")).toBe(
      "role in account 111122223333, but the delegated admin in eu-west-1 is 444455556666",
    );
    expect(adminMismatchMessage("111122223333", "eu-west-1", undefined)).toContain("has no Inspector delegated admin");
  });
});

describe("checkDelegatedAdmin's answer when AWS does not say", () => {
  const failing = (err: Error) => ({ send: async () => { throw err; } }) as unknown as Inspector2Client;

  it("lists the region anyway when the role may not ask, keeping AWS's refusal apart", async () => {
    const denied = new AwsCallError("ACCESS_DENIED", "inspector2:GetDelegatedAdminAccount", "eu-west-1", "User: arn:aws:iam::111122223333:role/R is not authorized");
    expect(await checkDelegatedAdmin(failing(denied), "eu-west-1", "111122223333")).toEqual({ ok: true, unconfirmed: denied.message });
  });

  it("skips the region on any other failure, and says the message is AWS's", async () => {
    expect(await checkDelegatedAdmin(failing(new Error("InternalServerException: try again")), "eu-west-1", "111122223333"))
      .toEqual({ ok: false, kind: "ERROR", message: "InternalServerException: try again", fromAws: true });
  });
});
