-- account_regions moves the cache's data version too: the overview's memoised frame (regions, the
-- enablement tile) and the heatmap's sync problems read it, and a write outside a run (an operator's
-- fix by hand, a test) must reach them at once, as writes to findings and accounts do.
CREATE TRIGGER account_regions_cache_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON account_regions
  FOR EACH STATEMENT EXECUTE FUNCTION cache_data_version_bump();
