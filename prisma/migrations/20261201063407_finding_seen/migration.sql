-- CreateTable
-- UNLOGGED: run-scoped scratch (see schema.prisma), so no WAL for the one row per unchanged finding a full listing sees.
CREATE UNLOGGED TABLE "finding_seen" (
    "arn" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "finding_seen_pkey" PRIMARY KEY ("arn")
);
