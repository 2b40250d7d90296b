// The findings index against the database (findings-index-agreement.test-support.ts) over the second half of the
// filters it holds and the date windows; findings-index-answers.test.ts runs the first half.
import { describe, it } from "vitest";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { agreesWithDatabase, dated, held, heldHalf } from "./findings-index-agreement.test-support";

const database = setupQueryTestDatabase();

describe("the findings index", () => {
  it("counts and groups the rows the database counts and groups, after findings, closures and usage changes (the second half of the filters, and the date windows)",
    agreesWithDatabase(database, (now) => [...held.slice(heldHalf), ...dated(now)]), 300_000);
});
