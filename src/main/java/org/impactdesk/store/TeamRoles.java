package org.impactdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code db grant}: a database role for every user of a team database, mapped in {@code db_roles},
 * allowed to log in and to read the tables row-level security guards (V93: people, activities,
 * summaries, each in the user's scope) and the tables that name no person (organisations, local
 * associations, activity types). Tables with people's data and no policy yet are not granted: such
 * a role reads nothing of them. Passwords are the server administrator's ({@code ALTER ROLE ...
 * PASSWORD}, or the server's own authentication). Run again after an import brings new users.
 */
public final class TeamRoles {
    /**
     * The tables a person's role reads: those under row-level security (V93, V99: user_roles too), those
     * naming no person, and the scope tables the screens' reads join.
     */
    static final List<String> READABLE = List.of("users", "peer_mentors", "activities", "annual_summaries", "impact_summaries",
            "periodic_summaries", "organizations", "local_associations", "activity_types",
            // what the window's reads as the person join besides (Home's last sync, Team's scope, Mentor's badges)
            "import_log", "coordinator_scopes", "peer_mentor_associations", "achievements", "user_roles");

    /**
     * Tables a person's role reads some columns of only (V104): whether an organisation reviews Wrapped
     * before release, and which annual summaries are released (the release rows under row security), for
     * the check of a peer mentor's own Wrapped (Scope.SQL_ANNUAL_RELEASED_FOR_SELF); not the e-mail server,
     * nor who held a Wrapped back and why.
     */
    static final java.util.Map<String, List<String>> READABLE_COLUMNS = java.util.Map.of(
            "organization_delivery", List.of("organization_id", "wrapped_review_required"),
            "annual_releases", List.of("annual_summary_id", "released_at"));

    /** A user's role: new, or there before. */
    public record Granted(String userId, String role, boolean created) {
    }

    private TeamRoles() {
    }

    /** The role name of a user id: {@code idk_} and the id in lower case, other characters as {@code _}, at most 63 bytes. */
    static String roleName(String userId, Set<String> taken) {
        String base = ("idk_" + userId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
        base = base.substring(0, Math.min(base.length(), 58));
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Creates (or keeps) every user's role and grants; PostgreSQL only. */
    public static List<Granted> grant(Database db) {
        if (db.engine() != Database.Engine.POSTGRESQL) {
            throw new DatabaseException(db.displayName() + " is an H2 file, which has one user; db grant is for a PostgreSQL team database");
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            List<Granted> out = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            java.util.Map<String, String> mapped = new java.util.HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT role_name, user_id FROM db_roles")) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                    mapped.put(rs.getString(2), rs.getString(1));
                }
            }
            String database;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            List<String> users = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM users ORDER BY id")) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
            for (String user : users) {
                String role = mapped.get(user);
                boolean created = false;
                if (role == null) {
                    role = roleName(user, taken);
                    taken.add(role);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO db_roles (role_name, user_id) VALUES (?, ?)")) {
                        ps.setString(1, role);
                        ps.setString(2, user);
                        ps.executeUpdate();
                    }
                }
                if (!roleExists(c, role)) {
                    execute(c, "CREATE ROLE " + quote(role) + " LOGIN");
                    created = true;
                }
                execute(c, "GRANT CONNECT ON DATABASE " + quote(database) + " TO " + quote(role));
                execute(c, "GRANT USAGE ON SCHEMA public TO " + quote(role));
                execute(c, "GRANT SELECT ON " + String.join(", ", READABLE) + " TO " + quote(role));
                for (var columns : READABLE_COLUMNS.entrySet()) {
                    execute(c, "GRANT SELECT (" + String.join(", ", columns.getValue()) + ") ON " + columns.getKey() + " TO " + quote(role));
                }
                // the desktops connect as this role (the URL's) and SET ROLE to the person signed in (Database.readAs)
                execute(c, "GRANT " + quote(role) + " TO CURRENT_USER");
                out.add(new Granted(user, role, created));
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot create the roles of " + db.displayName() + ": " + e.getMessage()
                    + " (db grant needs a role that may create roles, e.g. the database's owner with CREATEROLE)", e);
        }
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
