-- CreateTable
CREATE TABLE "deferred_indexes" (
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "deferred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deferred_indexes_pkey" PRIMARY KEY ("name")
);
