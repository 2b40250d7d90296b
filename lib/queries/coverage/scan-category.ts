// Maps a covered resource to the coverage matrix's four scan types (lib/domain scanTypes).
// Network scans of EC2 are left out: the package scan is what "covered" means for an instance.
import { Prisma } from "@/lib/queries/sql";
import type { ScanType } from "@/lib/domain/finding-enums";

export const scanCategorySql = Prisma.sql`(CASE
  WHEN cr.scan_type = 'CODE' THEN 'LAMBDA_CODE'
  WHEN cr.scan_type = 'NETWORK' THEN NULL
  WHEN cr.resource_type = 'AWS_EC2_INSTANCE' THEN 'EC2'
  WHEN cr.resource_type IN ('AWS_ECR_CONTAINER_IMAGE', 'AWS_ECR_REPOSITORY') THEN 'ECR'
  WHEN cr.resource_type = 'AWS_LAMBDA_FUNCTION' THEN 'LAMBDA'
END)`;

/** The matching WHERE condition on covered_resources cr for one scan type. */
export function scanCategoryWhere(scanType: ScanType): Prisma.Sql {
  switch (scanType) {
    case "LAMBDA_CODE":
      return Prisma.sql`cr.scan_type = 'CODE'`;
    case "EC2":
      return Prisma.sql`(cr.resource_type = 'AWS_EC2_INSTANCE' AND cr.scan_type = 'PACKAGE')`;
    case "ECR":
      return Prisma.sql`(cr.resource_type IN ('AWS_ECR_CONTAINER_IMAGE', 'AWS_ECR_REPOSITORY') AND cr.scan_type = 'PACKAGE')`;
    case "LAMBDA":
      return Prisma.sql`(cr.resource_type = 'AWS_LAMBDA_FUNCTION' AND cr.scan_type = 'PACKAGE')`;
  }
}

/** account_regions column holding the enablement status of each scan type. */
export const scanStatusColumn: Record<ScanType, string> = { EC2: "ec2_status", ECR: "ecr_status", LAMBDA: "lambda_status", LAMBDA_CODE: "lambda_code_status" };
