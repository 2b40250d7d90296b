-- Gate decisions name the risk exceptions that passed findings by their public id (the id the app
-- and the API show), not the serial. Recorded decisions keep theirs: serials are translated.
ALTER TABLE "gate_decisions" ADD COLUMN "exception_public_ids" UUID[] DEFAULT ARRAY[]::UUID[];
UPDATE "gate_decisions" d SET "exception_public_ids" = coalesce(
  (SELECT array_agg(e."public_id" ORDER BY e."id") FROM "risk_exceptions" e WHERE e."id" = ANY(d."exception_ids")), ARRAY[]::UUID[])
WHERE cardinality(d."exception_ids") > 0;
ALTER TABLE "gate_decisions" DROP COLUMN "exception_ids";
ALTER TABLE "gate_decisions" RENAME COLUMN "exception_public_ids" TO "exception_ids";
