-- What the distinct-contacts and streak badges need of a mentor's counted activities, kept by
-- generation beside the month's sessions from the same activities (bookkeeping, not seed tables),
-- so that the achievement editor's preview of such a badge reads these instead of every activity
-- (achievement/MonthFigures). Per local month with a counted activity: the days in a row with one
-- from the 1st, those ending on the month's last day, and the longest run inside the month. NULL:
-- not yet computed (a month stored before this migration): generation fills them when it next reads
-- the mentor, and the preview reads such a mentor's own activities until then. Plain SQL for H2
-- and PostgreSQL.
ALTER TABLE summary_mentor_months ADD COLUMN first_run INT;
ALTER TABLE summary_mentor_months ADD COLUMN last_run INT;
ALTER TABLE summary_mentor_months ADD COLUMN longest_run INT;

-- Per mentor, contact and local year: the months (bit m-1 for month m) with a counted activity
-- naming the contact. A mentor's rows are written with their months, in the same transaction.
CREATE TABLE summary_mentor_contacts (
    peer_mentor_id  VARCHAR(64) NOT NULL,
    organization_id VARCHAR(64) NOT NULL,
    contact_id      VARCHAR(64) NOT NULL,
    year            INT NOT NULL,
    months          INT NOT NULL CHECK (months BETWEEN 1 AND 4095),
    PRIMARY KEY (peer_mentor_id, contact_id, year)
);
CREATE INDEX idx_summary_mentor_contacts_org ON summary_mentor_contacts(organization_id);
