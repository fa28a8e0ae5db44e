-- Seed rules the database itself refuses (issue 14 items 1 and 7).
--
-- 1. A CHECK that compares a nullable column passes on NULL (three-valued logic: a CHECK fails
--    only when it is FALSE, not when it is UNKNOWN). impact_half_index_rule let a half-year row
--    with half_index NULL through, as 'half_year' AND NULL IN (1, 2) is UNKNOWN. Seed 003:
--    half_year needs half_index 1 or 2, annual needs NULL.
ALTER TABLE impact_summaries DROP CONSTRAINT impact_half_index_rule;
ALTER TABLE impact_summaries ADD CONSTRAINT impact_half_index_rule CHECK (
    (period_type = 'annual' AND half_index IS NULL)
    OR (period_type = 'half_year' AND half_index IS NOT NULL AND half_index IN (1, 2)));

-- 2. Seed 003 generated_at_after_period_end: an impact summary is computed after its period
--    ended. The period ends at the last local moment of the year or half in the organisation's
--    zone; a CHECK cannot read that zone, so it holds the bound no zone can undercut: the end of
--    the period in UTC+14, the earliest zone on Earth (the generation service checks the exact
--    end in the organisation's zone by the real clock before it stores anything).
--    Rows that break it are summaries of a period that was still open when they were stored (the
--    fault of issue 14: generate --as-of a date after today); they must not exist, and the check
--    cannot be added over them, so they go, with their queued notifications (Database backs the
--    file up before any migration runs).
--    PostgreSQL: the month arithmetic on a timestamp without zone, read as UTC and moved 14 hours
--    back, is the same instant as H2's DATEADD on the +14:00 timestamp.
DELETE FROM notification_outbox WHERE summary_table = 'impact_summaries' AND summary_id IN (
    SELECT id FROM impact_summaries WHERE generated_at < ((TIMESTAMP '2000-01-01 00:00:00' + ((year - 2000) * 12 + CASE WHEN half_index = 1 THEN 6 ELSE 12 END) * INTERVAL '1 month') AT TIME ZONE 'UTC' - INTERVAL '14 hours'));
DELETE FROM impact_summaries WHERE generated_at < ((TIMESTAMP '2000-01-01 00:00:00' + ((year - 2000) * 12 + CASE WHEN half_index = 1 THEN 6 ELSE 12 END) * INTERVAL '1 month') AT TIME ZONE 'UTC' - INTERVAL '14 hours');
ALTER TABLE impact_summaries ADD CONSTRAINT impact_generated_after_period_end CHECK (
    generated_at IS NOT NULL AND year IS NOT NULL
    AND generated_at >= ((TIMESTAMP '2000-01-01 00:00:00' + ((year - 2000) * 12 + CASE WHEN half_index = 1 THEN 6 ELSE 12 END) * INTERVAL '1 month') AT TIME ZONE 'UTC' - INTERVAL '14 hours'));

-- 3. Seed 003: error_message is the diagnostic of status 'error', NULL otherwise.
ALTER TABLE impact_summaries ADD CONSTRAINT impact_error_message_only_on_error CHECK (
    status IS NOT NULL AND (status = 'error' OR error_message IS NULL));

-- 4. Seeds 000 + 002 keep the same lifecycle in two columns (METRICS.md): status and
--    generation_status must tell the same story (pending/pending, generating/running,
--    ready and insufficient/complete, failed/failed), and insufficient is exactly the summary
--    whose data_sufficiency is false.
ALTER TABLE annual_summaries ADD CONSTRAINT annual_status_matches_generation_status CHECK (
    status IS NOT NULL AND generation_status IS NOT NULL AND (
        (status = 'pending' AND generation_status = 'pending')
        OR (status = 'generating' AND generation_status = 'running')
        OR (status IN ('ready', 'insufficient') AND generation_status = 'complete')
        OR (status = 'failed' AND generation_status = 'failed')));
ALTER TABLE annual_summaries ADD CONSTRAINT annual_sufficiency_matches_status CHECK (
    data_sufficiency IS NOT NULL AND status IS NOT NULL
    AND (status <> 'ready' OR data_sufficiency) AND (status <> 'insufficient' OR NOT data_sufficiency));
