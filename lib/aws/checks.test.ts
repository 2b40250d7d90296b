import { describe, expect, it } from "vitest";
import { adminMismatchMessage } from "./checks";

describe("adminMismatchMessage", () => {
  it("names the role's account, the region and the real delegated admin", () => {
    expect(adminMismatchMessage("111122223333", "eu-west-1", "444455556666")).toBe(
      "role in account 111122223333, but the delegated admin in eu-west-1 is 444455556666",
    );
    expect(adminMismatchMessage("111122223333", "eu-west-1", undefined)).toContain("has no Inspector delegated admin");
  });
});
