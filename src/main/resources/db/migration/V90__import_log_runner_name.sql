-- Who ran an import, as they were named then: the Sync history showed the user's current name
-- (a join on users), so a rename rewrote every past entry (issue 13). The name is written with
-- the log line from now on; the lines already logged keep the name the user has today, the best
-- there is. Plain SQL for H2 and PostgreSQL alike.
ALTER TABLE import_log ADD COLUMN run_by_name VARCHAR(300);
UPDATE import_log SET run_by_name = (SELECT u.display_name FROM users u WHERE u.id = import_log.run_by)
    WHERE run_by IS NOT NULL;
