-- First sight is no longer stored as an event: the finding's first_observed_at says it, and the
-- detail page's history derives it. Remove the NEW events earlier syncs wrote.
DELETE FROM "finding_events" WHERE "kind" = 'NEW';
