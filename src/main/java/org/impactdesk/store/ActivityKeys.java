package org.impactdesk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bulk-load fast path of an empty activities table on H2: its primary key and mentor index
 * dropped for the load and put back after the commit (or at the next open after a crash).
 */
public final class ActivityKeys {
    private ActivityKeys() {
    }

    public static final String MENTOR_INDEX = "idx_activities_mentor";
    public static final String PRIMARY_KEY = "pk_activities";

    /**
     * Before loading many activities into an EMPTY table: drops its primary key and index, so that
     * the load is plain appends (the random-key B-tree is H2's slow path). DDL commits: call it
     * before the import's transaction writes anything. {@link #restore} puts them back
     * after the commit, and {@link Database#open} repairs them if a crash came in between.
     */
    public static boolean drop(Connection c) throws SQLException {
        if (Database.engineOf(c) != Database.Engine.H2) {
            return false; // PostgreSQL: the activity writer loads by COPY into the table as it is
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX IF EXISTS " + MENTOR_INDEX);
            if (hasPrimaryKey(c)) {
                st.execute("ALTER TABLE activities DROP PRIMARY KEY");
            }
        }
        return true;
    }

    /** Re-creates the primary key and the mentor index of activities when missing (DDL: commits). */
    public static void restore(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            if (!hasPrimaryKey(conn)) {
                st.execute("ALTER TABLE activities ADD CONSTRAINT " + PRIMARY_KEY + " PRIMARY KEY (id)");
            }
            st.execute("CREATE INDEX IF NOT EXISTS " + MENTOR_INDEX + " ON activities(peer_mentor_id, started_at)");
        }
    }

    static boolean hasPrimaryKey(Connection conn) throws SQLException {
        // H2 keeps unquoted names in capitals, PostgreSQL in small letters
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT COUNT(*) FROM information_schema.table_constraints
                WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(table_name) = 'activities'
                  AND constraint_type = 'PRIMARY KEY'""")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** Whether activities has its primary key and its mentor index (a bulk load on H2 drops them for its time). */
    public static boolean present(Connection conn) throws SQLException {
        if (!hasPrimaryKey(conn)) {
            return false;
        }
        // the standard information_schema has no indexes; H2's own view and PostgreSQL's catalog do
        String indexes = Database.engineOf(conn) == Database.Engine.H2 ? """
                SELECT COUNT(*) FROM information_schema.indexes
                WHERE table_schema = 'PUBLIC' AND table_name = 'ACTIVITIES' AND LOWER(index_name) = 'idx_activities_mentor'"""
                : """
                SELECT COUNT(*) FROM pg_indexes
                WHERE schemaname = CURRENT_SCHEMA AND tablename = 'activities' AND indexname = 'idx_activities_mentor'""";
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(indexes)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
