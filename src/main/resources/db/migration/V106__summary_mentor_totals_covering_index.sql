-- The organisation's stored totals (summary_mentor_totals) are read whole by the achievement
-- editor's preview of a badge (every mentor's quarters, AchievementService.preview) and by year for
-- the percentile cohort of an open year's Wrapped preview; the organisation-and-year index found the
-- entries and then fetched every row from the table (73,802 rows, 9,674 page reads for the larger
-- organisation of the 5,000-mentor benchmark database). The same index (same name, same leading
-- columns, so every query that used it still can) now carries every column of the table, so those
-- reads are answered from the index alone; generation keeps writing the same number of indexes.
-- Plain SQL for H2 and PostgreSQL.
DROP INDEX idx_summary_mentor_totals_org_year;
CREATE INDEX idx_summary_mentor_totals_org_year ON summary_mentor_totals(organization_id, year, peer_mentor_id,
    local_association_id, quarter, sessions, minutes);
