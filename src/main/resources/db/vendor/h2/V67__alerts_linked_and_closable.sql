-- Issue 14 item 3: generation failures are seen and retried. An alert raised when a summary's
-- retries are used up names the summary it is about (so the window and `show alerts` can show
-- its mentor, period, error, attempts and next retry, scoped by organisation, and retry it), and
-- is closed with who and when: by the run that later generates the summary fine
-- ('regenerated'), or by an admin ('closed').
ALTER TABLE alerts ADD COLUMN organisation_id VARCHAR(64);
ALTER TABLE alerts ADD COLUMN summary_table VARCHAR(30);
ALTER TABLE alerts ADD COLUMN summary_id UUID;
ALTER TABLE alerts ADD COLUMN peer_mentor_id VARCHAR(64);
ALTER TABLE alerts ADD COLUMN period VARCHAR(10);
ALTER TABLE alerts ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alerts ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alerts ADD COLUMN closed_by VARCHAR(64);
ALTER TABLE alerts ADD COLUMN closed_reason VARCHAR(12);

-- Alerts raised before this version name their summary only in their message ("Generation of
-- the annual summary 2025 of pm-0001 failed 4 times ..."; "... impact summary 2025-H1 of ...");
-- link those whose summary still exists. An alert that cannot be linked stays open and unlinked:
-- global admins see it with its message.
UPDATE alerts a SET
    peer_mentor_id = REGEXP_SUBSTR(a.message, '^Generation of the (annual|impact) summary ([0-9]{4}(-H[12])?) of (.+) failed [0-9]+ times', 1, 1, '', 4),
    period = REGEXP_SUBSTR(a.message, '^Generation of the (annual|impact) summary ([0-9]{4}(-H[12])?) of (.+) failed [0-9]+ times', 1, 1, '', 2),
    summary_table = REGEXP_SUBSTR(a.message, '^Generation of the (annual|impact) summary ([0-9]{4}(-H[12])?) of (.+) failed [0-9]+ times', 1, 1, '', 1) || '_summaries'
WHERE a.kind = 'summary_generation_failed'
  AND REGEXP_LIKE(a.message, '^Generation of the (annual|impact) summary ([0-9]{4}(-H[12])?) of (.+) failed [0-9]+ times');
UPDATE alerts a SET
    summary_id = (SELECT s.id FROM annual_summaries s WHERE s.peer_mentor_id = a.peer_mentor_id
                  AND CAST(s.year AS VARCHAR) = a.period),
    organisation_id = (SELECT s.organization_id FROM annual_summaries s WHERE s.peer_mentor_id = a.peer_mentor_id
                       AND CAST(s.year AS VARCHAR) = a.period)
WHERE a.summary_table = 'annual_summaries';
UPDATE alerts a SET
    summary_id = (SELECT s.id FROM impact_summaries s WHERE s.peer_mentor_id = a.peer_mentor_id
                  AND CASE WHEN s.half_index IS NULL THEN CAST(s.year AS VARCHAR)
                           ELSE CAST(s.year AS VARCHAR) || '-H' || CAST(s.half_index AS VARCHAR) END = a.period),
    organisation_id = (SELECT s.organization_id FROM impact_summaries s WHERE s.peer_mentor_id = a.peer_mentor_id
                  AND CASE WHEN s.half_index IS NULL THEN CAST(s.year AS VARCHAR)
                           ELSE CAST(s.year AS VARCHAR) || '-H' || CAST(s.half_index AS VARCHAR) END = a.period)
WHERE a.summary_table = 'impact_summaries';
-- an old alert whose summary was gone keeps only its message
UPDATE alerts SET summary_table = NULL, peer_mentor_id = NULL, period = NULL WHERE summary_id IS NULL;
-- an old alert whose summary has been generated fine since is resolved already
UPDATE alerts a SET closed_at = CURRENT_TIMESTAMP, closed_by = 'migration', closed_reason = 'regenerated'
WHERE (a.summary_table = 'annual_summaries'
       AND EXISTS (SELECT 1 FROM annual_summaries s WHERE s.id = a.summary_id AND s.status <> 'failed'))
   OR (a.summary_table = 'impact_summaries'
       AND EXISTS (SELECT 1 FROM impact_summaries s WHERE s.id = a.summary_id AND s.status <> 'error'));
-- more than one open alert of the same summary (raised again by a later failure): the newest stays
UPDATE alerts a SET closed_at = CURRENT_TIMESTAMP, closed_by = 'migration', closed_reason = 'closed'
WHERE a.summary_id IS NOT NULL AND a.closed_at IS NULL
  AND EXISTS (SELECT 1 FROM alerts b WHERE b.summary_id = a.summary_id AND b.closed_at IS NULL AND b.id > a.id);

ALTER TABLE alerts ADD CONSTRAINT alerts_summary_table CHECK (
    summary_table IS NULL OR summary_table IN ('annual_summaries', 'impact_summaries'));
ALTER TABLE alerts ADD CONSTRAINT alerts_linked_whole CHECK (
    (summary_table IS NULL AND summary_id IS NULL)
    OR (summary_table IS NOT NULL AND summary_id IS NOT NULL AND organisation_id IS NOT NULL
        AND peer_mentor_id IS NOT NULL AND period IS NOT NULL));
ALTER TABLE alerts ADD CONSTRAINT alerts_closed_whole CHECK (
    (closed_at IS NULL AND closed_by IS NULL AND closed_reason IS NULL)
    OR (closed_at IS NOT NULL AND closed_by IS NOT NULL AND closed_reason IS NOT NULL
        AND closed_reason IN ('regenerated', 'closed')));
CREATE INDEX idx_alerts_open ON alerts(closed_at, organisation_id);
CREATE INDEX idx_alerts_summary ON alerts(summary_id);
-- at most one open alert per summary: a failure after the alert updates it, never adds another
ALTER TABLE alerts ADD COLUMN open_summary_id UUID GENERATED ALWAYS AS (CASE WHEN closed_at IS NULL THEN summary_id END);
CREATE UNIQUE INDEX uq_alerts_open_summary ON alerts(open_summary_id);
-- the failed summaries whose retry is due, looked up by the window every minute at most
CREATE INDEX idx_annual_summaries_retry ON annual_summaries(status, next_retry_at);
CREATE INDEX idx_impact_summaries_retry ON impact_summaries(status, next_retry_at);
