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
-- (PostgreSQL: an INSERT of the pairs not yet marked, in place of H2's MERGE ... KEY; the years of UTC instants as on H2.)
INSERT INTO stale_summary_inputs (peer_mentor_id, year)
    SELECT DISTINCT a.peer_mentor_id, CAST(EXTRACT(YEAR FROM a.started_at AT TIME ZONE 'UTC') AS INT) FROM activities a
    WHERE NOT EXISTS (SELECT 1 FROM stale_summary_inputs s
                      WHERE s.peer_mentor_id = a.peer_mentor_id AND s.year = EXTRACT(YEAR FROM a.started_at AT TIME ZONE 'UTC'));
