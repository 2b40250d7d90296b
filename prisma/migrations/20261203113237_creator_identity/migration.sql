-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "created_by_id" TEXT,
ADD COLUMN     "created_by_kind" TEXT;

-- AlterTable
ALTER TABLE "alert_rules" ADD COLUMN     "created_by_id" TEXT,
ADD COLUMN     "created_by_kind" TEXT;

-- Who made each token and alert rule, so that their reach follows the maker's access as it is now
-- (lib/auth/creator-actor.ts). Rows made before this kept only a display name: local mode's
-- "local admin", a user's email, name or id, or a token's name, each taken when exactly one matches.
-- Anything else stays unknown: such a token is refused and such a rule counts nothing until made again.
UPDATE "api_tokens" SET "created_by_kind" = 'local', "created_by_id" = 'local' WHERE "created_by" = 'local admin';
UPDATE "api_tokens" t SET "created_by_kind" = 'user', "created_by_id" = u."id"::text FROM "users" u
WHERE t."created_by_kind" IS NULL AND COALESCE(u."email", u."name", u."id"::text) = t."created_by"
  AND (SELECT count(*) FROM "users" v WHERE COALESCE(v."email", v."name", v."id"::text) = t."created_by") = 1;
UPDATE "api_tokens" t SET "created_by_kind" = 'token', "created_by_id" = o."id"::text FROM "api_tokens" o
WHERE t."created_by_kind" IS NULL AND 'token "' || o."name" || '"' = t."created_by" AND o."created_at" < t."created_at"
  AND (SELECT count(*) FROM "api_tokens" p WHERE 'token "' || p."name" || '"' = t."created_by") = 1;
UPDATE "alert_rules" SET "created_by_kind" = 'local', "created_by_id" = 'local' WHERE "created_by" = 'local admin';
UPDATE "alert_rules" r SET "created_by_kind" = 'user', "created_by_id" = u."id"::text FROM "users" u
WHERE r."created_by_kind" IS NULL AND COALESCE(u."email", u."name", u."id"::text) = r."created_by"
  AND (SELECT count(*) FROM "users" v WHERE COALESCE(v."email", v."name", v."id"::text) = r."created_by") = 1;
UPDATE "alert_rules" r SET "created_by_kind" = 'token', "created_by_id" = o."id"::text FROM "api_tokens" o
WHERE r."created_by_kind" IS NULL AND 'token "' || o."name" || '"' = r."created_by"
  AND (SELECT count(*) FROM "api_tokens" p WHERE 'token "' || p."name" || '"' = r."created_by") = 1;
