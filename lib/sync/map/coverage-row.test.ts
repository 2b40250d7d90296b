import { describe, expect, it } from "vitest";
import { coverageScanType, toCoverageRow } from "./coverage-row";

describe("coverage mapping", () => {
  it("buckets resource type and scan type into the matrix columns", () => {
    expect(coverageScanType("AWS_EC2_INSTANCE", "PACKAGE")).toBe("EC2");
    expect(coverageScanType("AWS_EC2_INSTANCE", "NETWORK")).toBe("EC2");
    expect(coverageScanType("AWS_ECR_CONTAINER_IMAGE", "PACKAGE")).toBe("ECR");
    expect(coverageScanType("AWS_LAMBDA_FUNCTION", "PACKAGE")).toBe("LAMBDA");
    expect(coverageScanType("AWS_LAMBDA_FUNCTION", "CODE")).toBe("LAMBDA_CODE");
    expect(coverageScanType("AWS_ECR_REPOSITORY", "PACKAGE")).toBeNull();
  });

  it("maps a covered image with its status, reason and a readable name", () => {
    const row = toCoverageRow(
      {
        accountId: "111122223333",
        resourceId: "arn:aws:ecr:us-east-1:111122223333:repository/web/sha256:abc",
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        scanType: "PACKAGE",
        scanStatus: { statusCode: "INACTIVE", reason: "IMAGE_SIZE_EXCEEDED" },
        resourceMetadata: { ecrImage: { tags: ["v2"] }, ecrRepository: { name: "web" } },
        lastScannedAt: new Date("2026-01-01T00:00:00Z"),
      },
      "us-east-1",
    );
    expect(row).toMatchObject({ scanStatusCode: "INACTIVE", scanStatusReason: "IMAGE_SIZE_EXCEEDED", resourceName: "web:v2", region: "us-east-1" });
    expect(JSON.parse(row!.metadata).ecrImage.tags).toEqual(["v2"]);
  });

  it("rejects a resource without its identifying fields", () => {
    expect(toCoverageRow({ accountId: "1", resourceId: undefined, resourceType: "AWS_EC2_INSTANCE", scanType: "PACKAGE" }, "x")).toBeNull();
  });
});
