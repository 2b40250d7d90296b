// A finding digest item's title: the key once, whether or not Inspector's title already names it.
import { describe, expect, it } from "vitest";
import { itemTitle } from "./finding-rows";

describe("itemTitle", () => {
  it("puts the finding's key before a title that does not begin with it", () => {
    expect(itemTitle("CVE-2024-3094", "xz-utils backdoor")).toBe("CVE-2024-3094 — xz-utils backdoor");
    expect(itemTitle("CVE-fa", "fa")).toBe("CVE-fa — fa");
  });

  it("leaves a title that already begins with the key as it is, in any case", () => {
    expect(itemTitle("CVE-2024-3094", "CVE-2024-3094 - xz-utils")).toBe("CVE-2024-3094 - xz-utils");
    expect(itemTitle("cve-2024-3094", "CVE-2024-3094 - xz-utils")).toBe("CVE-2024-3094 - xz-utils");
  });

  it("stays within 300 characters", () => {
    expect(itemTitle("CVE-1", "x".repeat(400))).toHaveLength(300);
  });
});
