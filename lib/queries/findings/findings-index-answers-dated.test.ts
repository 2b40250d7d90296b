// The findings index against the database (findings-index-agreement.test-support.ts) over the held filters the other
// file leaves and the date windows; findings-index-answers.test.ts runs the first 60 %.
import { describe, it } from "vitest";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { agreesWithDatabase, dated, held, heldSplit } from "./findings-index-agreement.test-support";

const database = setupQueryTestDatabase();

describe("the findings index", () => {
  it("counts and groups the rows the database counts and groups, after findings, closures and usage changes (the other held filters, and the date windows)",
    agreesWithDatabase(database, (now) => [...held.slice(heldSplit), ...dated(now)]), 300_000);
});
