import { describe, expect, it } from "vitest";
import { isTestCode } from "./test-code";

describe("which files the static scans leave out", () => {
  it.each([
    "lib/queries/findings/findings-index-answers.test.ts",
    "lib/queries/findings/findings-index-agreement.test-support.ts",
    "lib/sync/test-support.ts",
    "lib/alerts/test-support/receivers.ts",
    "lib/queries/test-fixtures.ts",
    "components/x.test.tsx",
  ])("%s is test code", (f) => expect(isTestCode(f)).toBe(true));

  it.each([
    "lib/queries/findings/findings-index-answers.ts",
    "lib/queries/sql.ts",
    "lib/queries/latest-test.ts",
    "lib/queries/test-support-ish.ts",
    "lib/queries/my-test-fixtures.ts",
  ])("%s is the app's code", (f) => expect(isTestCode(f)).toBe(false));
});
