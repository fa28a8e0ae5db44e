-- Follow-up notes (issue 16 item 3): a coordinator marks a flagged peer mentor "followed up" for a
-- quarter or half, with a date and a short private note. Private to the user who wrote them: every
-- read and write filters on author_user_id; never in an export, a share card or a summary (no
-- summary, share or export query reads this table). One note per author, mentor and period.
CREATE TABLE follow_up_notes (
    id              UUID PRIMARY KEY,
    author_user_id  VARCHAR(64) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    peer_mentor_id  VARCHAR(64) NOT NULL REFERENCES peer_mentors(id) ON DELETE CASCADE,
    period_type     VARCHAR(10) NOT NULL CHECK (period_type IN ('quarterly', 'half_year')),
    year            INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    period_number   INT NOT NULL,
    followed_up_on  DATE NOT NULL,
    note            VARCHAR(500) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT follow_up_period_number CHECK ((period_type = 'quarterly' AND period_number BETWEEN 1 AND 4)
        OR (period_type = 'half_year' AND period_number IN (1, 2))),
    CONSTRAINT uq_follow_up_author_mentor_period UNIQUE (author_user_id, peer_mentor_id, period_type, year, period_number)
);
CREATE INDEX idx_follow_up_author_period ON follow_up_notes(author_user_id, period_type, year, period_number);
