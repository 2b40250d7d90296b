import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addAccountRegion, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getRegionConfigs, getScanConfigWarnings } from "./scan-config";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();

beforeAll(async () => {
  const d = database();
  await addAccount(d, A, { name: "prod" });
  await addAccount(d, B);
  await addAccountRegion(d, A, "eu-west-1", { ecr_status: "SUSPENDED" });
  await addAccountRegion(d, B, "eu-west-1", { lambda_status: "DISABLING" });
  await d.pool.query(
    `INSERT INTO region_configs (region, auto_enable_ec2, auto_enable_ecr, auto_enable_lambda, auto_enable_lambda_code, read_at)
     VALUES ('eu-west-1', true, true, true, false, now())`,
  );
});

describe("scan configuration read model", () => {
  it("keeps an auto-enable flag Inspector did not send as unknown", async () => {
    const [c] = await getRegionConfigs();
    expect(c.autoEnable).toEqual({ ec2: true, ecr: true, lambda: true, lambdaCode: false, codeRepository: null });
  });

  it("leads with the accounts whose scanning stops, then the auto-enable gap; scope narrows the accounts", async () => {
    expect((await getScanConfigWarnings(allScope)).map((w) => w.message)).toEqual([
      "ECR scanning is suspended in account prod (111111111111) in eu-west-1",
      "Lambda scanning is being disabled in account acct-2222 (222222222222) in eu-west-1",
      "Auto-enable is off for Lambda code in eu-west-1: new accounts will not be scanned",
    ]);
    expect((await getScanConfigWarnings({ accountIds: [B] })).map((w) => w.accountId ?? null)).toEqual([B, null]);
  });
});
