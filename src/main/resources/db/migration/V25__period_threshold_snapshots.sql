-- Outlier thresholds snapshotted per organisation and period (bookkeeping, not a seed table):
-- taken from the organisation's settings the first time a period is generated, then used for
-- every personal and team row of that period (team rows multiply them by the roster size), so a
-- later change of the settings is never re-applied to a period already generated (seed 004).
CREATE TABLE summary_threshold_snapshots (
    organization_id      VARCHAR(64) NOT NULL REFERENCES organizations(id),
    period_type          VARCHAR(10) NOT NULL CHECK (period_type IN ('quarterly', 'half_year')),
    year                 INT NOT NULL,
    period_number        INT NOT NULL,
    underactive_sessions INT NOT NULL CHECK (underactive_sessions >= 0),
    overloaded_sessions  INT NOT NULL,
    taken_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, period_type, year, period_number),
    CONSTRAINT threshold_snapshot_order CHECK (overloaded_sessions > underactive_sessions)
);
