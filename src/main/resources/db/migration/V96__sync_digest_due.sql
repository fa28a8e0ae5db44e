-- Issue 19 item 5: the coordinators' digest goes out after the sync's summaries are brought up to
-- date, not inside the import. The import only records, in its own transaction, that its sync's
-- digest is due for an organisation with opted-in coordinators; the regeneration that follows (the
-- window's, or the next `generate` on the command line) queues the digests in the outbox in a
-- transaction of its own and deletes the mark. A kill or a stop between the import's commit and
-- that transaction leaves the mark, so the next sync or generation still sends the digest: none is
-- lost, and the content check of sync_digests keeps the same lists from going out twice.
-- One row per organisation: syncs that follow each other before their digest went out make one
-- digest of the state after the last of them (synced_at: that last import's end).
-- Standard SQL for H2 2.4 and PostgreSQL 15+.
CREATE TABLE sync_digests_due (
    organization_id VARCHAR(64) PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    synced_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
