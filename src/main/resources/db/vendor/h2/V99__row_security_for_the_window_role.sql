-- PostgreSQL's V99 lets the window's reads run as the signed-in person's role (SET ROLE) under the
-- row-level security policies. An H2 file has one user and no policies: the services' own scope
-- filters are all there is, and this version only says so, so that both engines hold the same versions.
COMMENT ON TABLE db_roles IS 'The team database''s people (PostgreSQL only): which role each user connects or SET ROLEs as; empty on H2.';
