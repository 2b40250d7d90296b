-- CreateTable
CREATE TABLE "gate_policy_versions" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gate_policy_versions_pkey" PRIMARY KEY ("name","version")
);

-- CreateTable
CREATE TABLE "gate_decisions" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "artifact_kind" TEXT NOT NULL,
    "artifact_label" TEXT NOT NULL,
    "artifact" JSONB NOT NULL,
    "policy_name" TEXT NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "findings_count" INTEGER NOT NULL,
    "result" JSONB NOT NULL,
    "exception_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "actor_kind" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "duration_ms" DOUBLE PRECISION,

    CONSTRAINT "gate_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "gate_decisions_at_idx" ON "gate_decisions"("at" DESC);

-- CreateIndex
CREATE INDEX "gate_decisions_artifact_label_at_idx" ON "gate_decisions"("artifact_label", "at");
