-- Generation reads the stored state of every summary row of an organisation before a run
-- (insert, update, unchanged, frozen, retry due) and, for the badges, the years whose annual
-- summary is ready. Those reads used the organisation indexes and then fetched each row from the
-- table, JSON payloads and all: about a third of an incremental regeneration at 1M activities.
-- The same indexes (same names, same leading columns, so every query that used them still can)
-- now also carry the state columns, so H2 answers those reads from the index alone.
DROP INDEX idx_annual_summaries_organization_year;
CREATE INDEX idx_annual_summaries_organization_year ON annual_summaries(organization_id, year, peer_mentor_id, id,
    user_id, status, shared_count, content_hash, retry_count, next_retry_at, generated_at, created_at);

DROP INDEX idx_impact_summaries_org;
CREATE INDEX idx_impact_summaries_org ON impact_summaries(organization_id, year, user_id, id, period_type, half_index,
    status, share_count, content_hash, retry_count, next_retry_at, notification_sent, created_at);

-- (idx_periodic_summary_organisation backs the foreign key to organizations, so the outlier index,
-- which also leads with organisation_id, carries the periodic state columns)
DROP INDEX idx_periodic_summary_outlier_status;
CREATE INDEX idx_periodic_summary_outlier_status ON periodic_summaries(organisation_id, period_type, year, outlier_status,
    user_id, id, quarter, half, coordinator_id, content_hash, underactive_threshold_sessions, overloaded_threshold_sessions);
