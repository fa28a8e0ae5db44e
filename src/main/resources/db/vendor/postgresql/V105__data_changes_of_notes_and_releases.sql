-- The log of changes (V98) also names a coordinator's follow-up notes and the Wrapped review and release
-- (previewed, held back, released), so that another desktop's "Changed elsewhere" says so. A follow-up
-- note is private to its author: its change names them (for_user), and only a window signed in as that
-- person is told of it. Rows older than a month are pruned when a database opens (DataChanges.prune).
-- The CHECK of V98 had no name of its own; PostgreSQL called it data_changes_what_check (H2: see its V105).
ALTER TABLE data_changes DROP CONSTRAINT data_changes_what_check;
ALTER TABLE data_changes ADD CONSTRAINT data_changes_what
    CHECK (what IN ('import', 'generation', 'catalog', 'settings', 'follow_up', 'release'));
ALTER TABLE data_changes ADD COLUMN for_user VARCHAR(64);
CREATE INDEX data_changes_changed_at ON data_changes (changed_at);
