-- The team database's people: each person connects as their own role (`db grant` creates it and
-- maps it here), and row-level security gives that role the same scope the services give the user
-- (a peer mentor their own rows, a coordinator their associations, an org admin their organisation,
-- the global admin all), so even plain SQL reads nothing beyond it. The owner of the tables (the
-- role that migrates, imports and generates) is not bound by the policies.
CREATE TABLE db_roles (
    role_name VARCHAR(63) PRIMARY KEY,
    user_id   VARCHAR(64) NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE
);

-- The functions read the tables as their owner (SECURITY DEFINER), so that a policy can look at the
-- scope tables the connected role itself may not read; session_user is the role that logged in.
CREATE FUNCTION impactdesk_has_role(r VARCHAR) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM db_roles d JOIN user_roles ur ON ur.user_id = d.user_id
                   WHERE d.role_name = session_user AND ur.role = r)
$$;

CREATE FUNCTION impactdesk_sees_user(target VARCHAR) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM db_roles d WHERE d.role_name = session_user AND d.user_id = target)
        OR impactdesk_has_role('global_admin')
        OR (impactdesk_has_role('org_admin') AND EXISTS (
                SELECT 1 FROM db_roles d JOIN users me ON me.id = d.user_id JOIN users t ON t.organization_id = me.organization_id
                WHERE d.role_name = session_user AND t.id = target))
        OR (impactdesk_has_role('coordinator') AND EXISTS (
                SELECT 1 FROM db_roles d JOIN coordinator_scopes cs ON cs.user_id = d.user_id
                JOIN peer_mentor_associations pma ON pma.local_association_id = cs.local_association_id
                JOIN peer_mentors pm ON pm.id = pma.peer_mentor_id
                WHERE d.role_name = session_user AND pm.user_id = target))
$$;

CREATE FUNCTION impactdesk_sees_activity(org VARCHAR, association VARCHAR, mentor VARCHAR) RETURNS BOOLEAN LANGUAGE sql
STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT impactdesk_has_role('global_admin')
        OR (impactdesk_has_role('org_admin') AND EXISTS (
                SELECT 1 FROM db_roles d JOIN users me ON me.id = d.user_id
                WHERE d.role_name = session_user AND me.organization_id = org))
        OR (impactdesk_has_role('coordinator') AND EXISTS (
                SELECT 1 FROM db_roles d JOIN coordinator_scopes cs ON cs.user_id = d.user_id
                WHERE d.role_name = session_user AND cs.local_association_id = association))
        OR EXISTS (SELECT 1 FROM db_roles d JOIN peer_mentors pm ON pm.user_id = d.user_id
                   WHERE d.role_name = session_user AND pm.id = mentor)
$$;

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_in_scope ON users USING (impactdesk_sees_user(id));
ALTER TABLE peer_mentors ENABLE ROW LEVEL SECURITY;
CREATE POLICY peer_mentors_in_scope ON peer_mentors USING (impactdesk_sees_user(user_id));
ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY activities_in_scope ON activities
    USING (impactdesk_sees_activity(organization_id, local_association_id, peer_mentor_id));
ALTER TABLE annual_summaries ENABLE ROW LEVEL SECURITY;
CREATE POLICY annual_summaries_in_scope ON annual_summaries USING (impactdesk_sees_user(user_id));
ALTER TABLE impact_summaries ENABLE ROW LEVEL SECURITY;
CREATE POLICY impact_summaries_in_scope ON impact_summaries USING (impactdesk_sees_user(user_id));
ALTER TABLE periodic_summaries ENABLE ROW LEVEL SECURITY;
CREATE POLICY periodic_summaries_in_scope ON periodic_summaries USING (impactdesk_sees_user(user_id));
