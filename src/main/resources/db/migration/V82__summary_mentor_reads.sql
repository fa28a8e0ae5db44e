-- When generation last read each peer mentor's activities and replaced their stored totals
-- (summary_mentor_totals, summary_mentor_months): a stale mark (stale_summary_inputs) made before
-- that moment is already in the totals, even while it stays for a year not generated since. The
-- achievement editor's preview reads the totals of every mentor without a newer mark instead of
-- every activity. A database generated before this table has no rows: every marked mentor counts
-- as changed until the next generation reads them. Plain SQL for H2 and PostgreSQL.
CREATE TABLE summary_mentor_reads (
    peer_mentor_id  VARCHAR(64) PRIMARY KEY,
    organization_id VARCHAR(64) NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_summary_mentor_reads_org ON summary_mentor_reads(organization_id);
