-- PostgreSQL's V104 lets a person's role (the team database's row security) read whether an organisation
-- reviews Wrapped before release and which summaries are released, in scope. An H2 file has one user and
-- no roles: this version only says so, so that both engines hold the same versions.
COMMENT ON TABLE annual_releases IS 'The review before release of each Wrapped: previewed, held back (with why) or released.';
