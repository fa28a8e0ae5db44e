-- Summary generation bookkeeping (not seed columns; show --json never prints them).
-- content_hash: a fingerprint of a row's computed values, so a regeneration that computes the
-- same figures writes nothing ("unchanged").
ALTER TABLE annual_summaries ADD COLUMN content_hash BIGINT;
ALTER TABLE impact_summaries ADD COLUMN content_hash BIGINT;
ALTER TABLE periodic_summaries ADD COLUMN content_hash BIGINT;

-- Per mentor, local association (recorded on the activity), year and quarter: counted sessions
-- and minutes. Written by generation for every mentor it reads, so team rows and the
-- percentile cohort can be rebuilt after an incremental run without rereading every activity.
CREATE TABLE summary_mentor_totals (
    peer_mentor_id       VARCHAR(64) NOT NULL,
    organization_id      VARCHAR(64) NOT NULL,
    local_association_id VARCHAR(64) NOT NULL,
    year                 INT NOT NULL,
    quarter              INT NOT NULL,
    sessions             INT NOT NULL,
    minutes              BIGINT NOT NULL,
    PRIMARY KEY (peer_mentor_id, local_association_id, year, quarter)
);
CREATE INDEX idx_summary_mentor_totals_org_year ON summary_mentor_totals(organization_id, year);
