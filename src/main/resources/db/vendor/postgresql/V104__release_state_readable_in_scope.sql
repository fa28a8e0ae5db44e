-- A peer mentor reads their own Wrapped only once it is released when the organisation reviews before
-- release (Scope.SQL_ANNUAL_RELEASED_FOR_SELF: organization_delivery.wrapped_review_required and
-- annual_releases.released_at). On a team database those reads run as the person's role (show --as, the
-- window's Mentor and Wrapped screens), which db grant had not given either table: PostgreSQL refused the
-- whole query ("permission denied for table organization_delivery"), so a peer mentor could read no annual
-- summary at all, not even their own, and an out-of-scope show exited 1 instead of CLI.md's 4.
-- A person's role now reads just the columns that check needs: whether an organisation reviews before
-- release (not its e-mail server), and of a release only which summary and when (not who held it back or
-- why), and only the releases of the summaries its row security lets it read. db grant gives new roles
-- the same (TeamRoles.READABLE_COLUMNS); the roles made before this version get it here.
ALTER TABLE annual_releases ENABLE ROW LEVEL SECURITY;
CREATE POLICY annual_releases_in_scope ON annual_releases
    USING (EXISTS (SELECT 1 FROM annual_summaries s WHERE s.id = annual_summary_id));

DO $$
DECLARE
    person RECORD;
BEGIN
    FOR person IN SELECT d.role_name FROM db_roles d JOIN pg_roles r ON r.rolname = d.role_name LOOP
        EXECUTE format('GRANT SELECT (organization_id, wrapped_review_required) ON organization_delivery TO %I', person.role_name);
        EXECUTE format('GRANT SELECT (annual_summary_id, released_at) ON annual_releases TO %I', person.role_name);
    END LOOP;
END
$$;
