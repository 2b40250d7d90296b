import { describe, expect, it } from "vitest";
import { notAllowedText } from "./permissions";

describe("notAllowedText", () => {
  it("names the roles the permission table gives the permission, with their articles", () => {
    expect(notAllowedText("viewer", "start a sync", "sync")).toBe("The viewer role cannot start a sync; an analyst or an admin can.");
    expect(notAllowedText("analyst", "manage alerts", "alerts")).toBe("The analyst role cannot manage alerts; an admin can.");
    expect(notAllowedText("viewer", "record or change exceptions", "exceptions")).toBe("The viewer role cannot record or change exceptions; an analyst or an admin can.");
  });
});
