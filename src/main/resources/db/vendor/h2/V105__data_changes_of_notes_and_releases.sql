-- The log of changes (V98) also names a coordinator's follow-up notes and the Wrapped review and release
-- (previewed, held back, released), so that another desktop's "Changed elsewhere" says so. A follow-up
-- note is private to its author: its change names them (for_user), and only a window signed in as that
-- person is told of it. Rows older than a month are pruned when a database opens (DataChanges.prune).
-- The CHECK of V98 had no name of its own and H2 gave it one of its own making: found by its table.
EXECUTE IMMEDIATE 'ALTER TABLE data_changes DROP CONSTRAINT ' || (SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
    WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'DATA_CHANGES' AND CONSTRAINT_TYPE = 'CHECK');
ALTER TABLE data_changes ADD CONSTRAINT data_changes_what
    CHECK (what IN ('import', 'generation', 'catalog', 'settings', 'follow_up', 'release'));
ALTER TABLE data_changes ADD COLUMN for_user VARCHAR(64);
CREATE INDEX data_changes_changed_at ON data_changes (changed_at);
