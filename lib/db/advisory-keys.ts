// Every PostgreSQL advisory lock the app takes, in one place, so no two jobs share a key by accident
// (a shared key would make unrelated work wait on each other, or a busy check refuse the wrong job).
// Fixed keys are bigints above the int4 range; the named ones are hashtext() of a text, which is an
// int4, so the two kinds cannot collide. A migration's SQL spells its key as a literal: the test
// (advisory-keys.test.ts) checks every advisory call in lib/ and prisma/migrations uses a key listed here.

/** Session and transaction locks with a fixed bigint key. */
export const ADVISORY_KEYS = {
  /** Migrations, one process at a time per database (lib/db/migration-lock.ts). Not Prisma's own 72707369. */
  migrations: 7_302_111_501,
  /** One sync at a time across processes and replicas (lib/sync/run/sync-lock.ts). */
  sync: 7_415_502_911,
  /** Writers of findings take turns at the rollups (migration *_rollups_writer_turn, a literal there). */
  rollupsWriterTurn: 7_415_502_912,
  /** One process warms the views after a sync (lib/queries/views-warmer.ts). */
  viewsWarmer: 7_415_502_913,
} as const;

/** Texts whose hashtext() is the key of a lock on one thing (the argument of pg_advisory_*_lock(hashtext(…))).
 *  A gate policy's lock carries the policy's name after the prefix. */
export const ADVISORY_TEXT_KEYS = {
  /** Renames of resources against the names trigger (migration *_resource_names_rename_lock). */
  resourceNames: "finding_resource_names",
  /** Saving one gate policy (lib/actions/gate-policies.ts): the prefix of `gate-policy:<name>`. */
  gatePolicyPrefix: "gate-policy:",
} as const;
