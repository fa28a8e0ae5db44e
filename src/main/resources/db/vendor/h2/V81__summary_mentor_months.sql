-- Per mentor and local month: counted sessions (bookkeeping, not a seed table), written by
-- generation beside summary_mentor_totals for every mentor it reads, from the same counted
-- activities. The Team screen's 12-month sparklines read it (one query per period), so no screen
-- counts activities itself.
CREATE TABLE summary_mentor_months (
    peer_mentor_id  VARCHAR(64) NOT NULL,
    organization_id VARCHAR(64) NOT NULL,
    year            INT NOT NULL,
    month           INT NOT NULL CHECK (month BETWEEN 1 AND 12),
    sessions        INT NOT NULL CHECK (sessions >= 0),
    PRIMARY KEY (peer_mentor_id, year, month)
);
CREATE INDEX idx_summary_mentor_months_org_year ON summary_mentor_months(organization_id, year, month);

-- A database generated before this table has no months: every mentor with activities is marked
-- for the next generation (which rewrites only what changed, and fills the months).
MERGE INTO stale_summary_inputs (peer_mentor_id, year)
    KEY (peer_mentor_id, year)
    SELECT DISTINCT peer_mentor_id, EXTRACT(YEAR FROM started_at) FROM activities;
