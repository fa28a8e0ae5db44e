-- What the distinct-contacts and streak badges need of a mentor's counted activities, kept by
-- generation in each month's row beside its sessions, from the same activities (bookkeeping, not
-- seed columns), so that the achievement editor's preview of such a badge reads these instead of
-- every activity (achievement/MonthFigures): the days in a row with a counted activity from the
-- 1st, those ending on the month's last day, the longest run inside the month, and the contacts
-- named that month as numbers into the mentor's contacts in id order ("0,3,7"; the numbers hold for
-- one write of the mentor's months, which are replaced together). NULL runs: not yet computed (a
-- month stored before this migration): generation fills them when it next reads the mentor, and the
-- preview reads such a mentor's own activities until then. Plain SQL for H2 and PostgreSQL.
ALTER TABLE summary_mentor_months ADD COLUMN first_run INT;
ALTER TABLE summary_mentor_months ADD COLUMN last_run INT;
ALTER TABLE summary_mentor_months ADD COLUMN longest_run INT;
ALTER TABLE summary_mentor_months ADD COLUMN contacts VARCHAR(1000000);
