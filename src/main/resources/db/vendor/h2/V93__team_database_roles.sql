-- The team database's people (PostgreSQL, README "Team database"): which database role each user
-- connects as, filled by `db grant`. On H2, whose file has one user, the table stays empty; it exists
-- so that both engines have the same tables (db copy, the same schema).
CREATE TABLE db_roles (
    role_name VARCHAR(63) PRIMARY KEY,
    user_id   VARCHAR(64) NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE
);
