-- Room on each page of covered_resources: every resource's scan time moves daily, and with room on
-- its page the row's new version stays there (a HOT update: no new entry in any index, none of the
-- index pages' images a checkpoint would log). Pages written from now on are half full, and an existing
-- cache's pages gain the room as their rows move (or at once with VACUUM FULL covered_resources).
ALTER TABLE covered_resources SET (fillfactor = 50);
