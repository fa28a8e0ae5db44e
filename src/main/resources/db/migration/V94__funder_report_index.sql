-- The funder report (FUNDER_REPORT.md) reads one organisation-year of activities with every
-- column its rules need. Without an index on organization_id that was a scan of the whole table
-- (every organisation, every year); through idx_activities_mentor every row was looked up in the
-- table by its row key. This index holds the report's columns in (organisation, time) order, so
-- the report reads only its own rows and only from the index (issue 15, docs/benchmarks.md).
-- id comes right after started_at: the rows arrive in the report's own order (started_at, then id).
-- The sync's bulk load of an empty table drops it with the other keys and builds it afterwards
-- (SyncStore.dropActivityKeys / restoreActivityKeys).
CREATE INDEX idx_activities_org_time
    ON activities(organization_id, started_at, id, local_association_id, peer_mentor_id, activity_type,
                  duration_minutes, contact_id, approval_status, event_id);
