-- Coverage (covered_resources: whether a closed finding's resource is still there and scanned, the
-- explorer's "remediated" and "removed") and the findings' events (finding_events: reopened, became
-- exploitable) decide which findings some explorer filters count, so their writes move the cache's data
-- version too (migration *_cache_data_version). A sync run moves it already (its id and heartbeat are
-- part of the version), but a write outside one (an operator's fix by hand, a test) must reach a memo or
-- the findings index read before it. One nextval per statement, as for the findings.
CREATE TRIGGER covered_resources_cache_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON covered_resources
  FOR EACH STATEMENT EXECUTE FUNCTION cache_data_version_bump();
CREATE TRIGGER finding_events_cache_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON finding_events
  FOR EACH STATEMENT EXECUTE FUNCTION cache_data_version_bump();
