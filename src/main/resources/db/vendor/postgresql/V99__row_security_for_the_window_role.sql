-- The window reads as the signed-in person (README "Team database"): after sign-in each of its pooled
-- connections for the screens' reads does SET ROLE to the person's role (db grant makes the desktop's
-- login a member of it) and RESET ROLE when it goes back to the pool. V93's policies asked who logged
-- in (session_user), which SET ROLE does not change; they now ask whose role the query runs as
-- (current_user, evaluated in the policy, outside the functions, whose own current_user is their
-- owner). That role counts only when the login may act as it (pg_has_role: itself, or a role it is a
-- member of), so a person calling a function with another person's role name learns nothing.
CREATE FUNCTION impactdesk_user_of(person VARCHAR) RETURNS VARCHAR LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
    SELECT d.user_id FROM db_roles d
    WHERE d.role_name = person AND pg_has_role(session_user, d.role_name::name, 'MEMBER')
$$;

CREATE FUNCTION impactdesk_has_role(person VARCHAR, r VARCHAR) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = impactdesk_user_of(person) AND ur.role = r)
$$;

CREATE FUNCTION impactdesk_sees_user(target VARCHAR, person VARCHAR) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
    SELECT impactdesk_user_of(person) = target
        OR impactdesk_has_role(person, 'global_admin')
        OR (impactdesk_has_role(person, 'org_admin') AND EXISTS (
                SELECT 1 FROM users me JOIN users t ON t.organization_id = me.organization_id
                WHERE me.id = impactdesk_user_of(person) AND t.id = target))
        OR (impactdesk_has_role(person, 'coordinator') AND EXISTS (
                SELECT 1 FROM coordinator_scopes cs
                JOIN peer_mentor_associations pma ON pma.local_association_id = cs.local_association_id
                JOIN peer_mentors pm ON pm.id = pma.peer_mentor_id
                WHERE cs.user_id = impactdesk_user_of(person) AND pm.user_id = target))
$$;

CREATE FUNCTION impactdesk_sees_activity(org VARCHAR, association VARCHAR, mentor VARCHAR, person VARCHAR) RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT impactdesk_has_role(person, 'global_admin')
        OR (impactdesk_has_role(person, 'org_admin') AND EXISTS (
                SELECT 1 FROM users me WHERE me.id = impactdesk_user_of(person) AND me.organization_id = org))
        OR (impactdesk_has_role(person, 'coordinator') AND EXISTS (
                SELECT 1 FROM coordinator_scopes cs
                WHERE cs.user_id = impactdesk_user_of(person) AND cs.local_association_id = association))
        OR EXISTS (SELECT 1 FROM peer_mentors pm WHERE pm.user_id = impactdesk_user_of(person) AND pm.id = mentor)
$$;

ALTER POLICY users_in_scope ON users USING (impactdesk_sees_user(id, CAST(current_user AS VARCHAR)));
ALTER POLICY peer_mentors_in_scope ON peer_mentors USING (impactdesk_sees_user(user_id, CAST(current_user AS VARCHAR)));
ALTER POLICY activities_in_scope ON activities
    USING (impactdesk_sees_activity(organization_id, local_association_id, peer_mentor_id, CAST(current_user AS VARCHAR)));
ALTER POLICY annual_summaries_in_scope ON annual_summaries USING (impactdesk_sees_user(user_id, CAST(current_user AS VARCHAR)));
ALTER POLICY impact_summaries_in_scope ON impact_summaries USING (impactdesk_sees_user(user_id, CAST(current_user AS VARCHAR)));
ALTER POLICY periodic_summaries_in_scope ON periodic_summaries
    USING (impactdesk_sees_user(user_id, CAST(current_user AS VARCHAR)));

-- the screens' scope filters ask who has which role (a peer mentor's own role): readable in scope only
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_roles_in_scope ON user_roles USING (impactdesk_sees_user(user_id, CAST(current_user AS VARCHAR)));

DROP FUNCTION impactdesk_sees_activity(VARCHAR, VARCHAR, VARCHAR);
DROP FUNCTION impactdesk_sees_user(VARCHAR);
DROP FUNCTION impactdesk_has_role(VARCHAR);
