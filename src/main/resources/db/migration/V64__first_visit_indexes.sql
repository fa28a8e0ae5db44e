-- The periods that Team and Home offer are the distinct periods of the personal rows of the
-- mentors in scope. The peer_mentor_id index (the foreign key's) found those mentors' rows but
-- then read every row from the table, about 60 a mentor (3,032 reads for a coordinator's 51 mentors
-- on the 5,000-mentor benchmark database, every summary of the organisation for an admin). This
-- index holds the period columns beside the mentor id, so those reads are answered from the index
-- alone; coordinator_id is there so that "personal row" (coordinator_id IS NULL) is too.
CREATE INDEX idx_periodic_summary_mentor_period
    ON periodic_summaries(peer_mentor_id, period_type, year, quarter, half, coordinator_id);
