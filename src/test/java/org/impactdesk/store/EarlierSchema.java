package org.impactdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What a test of a migration over data written before it shares: an H2 database file migrated up
 * to an earlier version, filled as the code of that time wrote it, then migrated to the latest.
 * A file, closed between the steps: H2 binds a CHECK (x IN (...)) to the session that created it,
 * so the database is reopened after each migration, as {@link Database} does.
 */
final class EarlierSchema {
    private final String url;

    /** The database file {@code name} in {@code dir} (a test's temporary folder). */
    EarlierSchema(Path dir, String name) {
        this.url = "jdbc:h2:" + dir.resolve(name).toAbsolutePath() + ";NON_KEYWORDS=YEAR,KEY,VALUE,MONTH";
    }

    /** Migrated up to {@code version}, that one included. */
    EarlierSchema migrateTo(String version) {
        flyway(MigrationVersion.fromVersion(version)).migrate();
        return this;
    }

    /** Migrated to the latest version; how many migrations that ran. */
    int migrateToLatest() {
        return flyway(null).migrate().migrationsExecuted;
    }

    /** Runs {@code work} on a connection of its own, closed afterwards. */
    void with(Work work) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            work.run(s);
        }
    }

    @FunctionalInterface
    interface Work {
        void run(Statement s) throws Exception;
    }

    /**
     * Organisation {@code o1} with its local association {@code la1}, user {@code u1} (Mira) and
     * u1's peer mentor profile {@code peerMentorId} there, active: the rows a summary needs.
     */
    static void mentor(Statement s, String peerMentorId) throws SQLException {
        s.execute("INSERT INTO organizations (id, name) VALUES ('o1', 'Org')");
        s.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la1', 'o1', 'LA')");
        s.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('u1', 'o1', 'Mira')");
        s.execute("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status)"
                + " VALUES ('" + peerMentorId + "', 'u1', 'o1', 'la1', 'active')");
    }

    /** The first column of the first row {@code sql} reads, as text. */
    static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** The first column of the first row {@code sql} reads, as a number (a COUNT). */
    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Flyway flyway(MigrationVersion target) {
        var c = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2");
        return (target == null ? c : c.target(target)).load();
    }
}
