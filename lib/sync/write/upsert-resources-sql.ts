// CTEs of the findings upsert and of a first load's insert (upsert-findings-sql.ts) that keep finding_other_resources equal to the
// resources after the first of each finding the statement wrote (`up`): positions 1… from the row's
// other_resources document (the first is the finding's own resource_* columns; the view
// finding_resources shows both). Unchanged rows are left alone (no dead tuples on a replay); positions
// past a finding's current count are deleted, only for findings that existed before (`prev`), so a first
// sync pays no delete probe. The foreign key is checked at the end of the statement, after the findings are in.
const OTHER = `"resourceType" text, "resourceId" text, "resourceName" text, region text, "resourceTags" jsonb,
      "amiId" text, "ecrRepository" text, "ecrImageHash" text`;

/** The resources after the first of each row of input that the statement wrote (up). */
const insertResources = (written: string) => `
  INSERT INTO finding_other_resources AS fr (finding_arn, position, type, resource_id, name, region, tags, ami_id, ecr_repository, ecr_image_hash)
  SELECT i.arn, o.ord::int, o."resourceType", o."resourceId", o."resourceName", COALESCE(o.region, i.region), COALESCE(o."resourceTags", '{}'),
    o."amiId", o."ecrRepository", o."ecrImageHash"
  FROM ${written}
  CROSS JOIN LATERAL ROWS FROM (jsonb_to_recordset(i.other_resources) AS (${OTHER})) WITH ORDINALITY AS o("resourceType", "resourceId",
    "resourceName", region, "resourceTags", "amiId", "ecrRepository", "ecrImageHash", ord)
  WHERE jsonb_array_length(i.other_resources) > 0`;

export const UPSERT_RESOURCES_CTE = `
res AS (${insertResources("input i JOIN up ON up.arn = i.arn")}
  ON CONFLICT (finding_arn, position) DO UPDATE SET type = EXCLUDED.type, resource_id = EXCLUDED.resource_id, name = EXCLUDED.name,
    region = EXCLUDED.region, tags = EXCLUDED.tags, ami_id = EXCLUDED.ami_id, ecr_repository = EXCLUDED.ecr_repository,
    ecr_image_hash = EXCLUDED.ecr_image_hash
  WHERE (fr.type, fr.resource_id, fr.name, fr.region, fr.tags, fr.ami_id, fr.ecr_repository, fr.ecr_image_hash)
    IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.resource_id, EXCLUDED.name, EXCLUDED.region, EXCLUDED.tags, EXCLUDED.ami_id,
      EXCLUDED.ecr_repository, EXCLUDED.ecr_image_hash)
  RETURNING 1
)`;

export const DELETE_GONE_RESOURCES_CTE = `
res_gone AS (
  DELETE FROM finding_other_resources d USING input i, up, prev p
  WHERE up.arn = i.arn AND p.arn = i.arn AND d.finding_arn = i.arn AND d.position > jsonb_array_length(i.other_resources)
  RETURNING 1
)`;

/** A first load's batch (INSERT_NEW_FINDINGS_SQL): every row of input was inserted, none held resources before. */
export const INSERT_RESOURCES_CTE = `
res AS (${insertResources("input i")}
  RETURNING 1
)`;
