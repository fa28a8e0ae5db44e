package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL side of the test databases, whatever engine the suite runs on: a fresh one is
 * migrated and empty, each is separate, a scope drops its databases when it ends, and the template
 * they copy is never handed out.
 */
class PostgresFreshDatabasesTest {
    @Test
    void aScopeOnPostgresGivesMigratedSeparateDatabasesAndDropsThemWhenItEnds() throws SQLException {
        String first;
        String second;
        String property = System.getProperty(TestEngine.PROPERTY);
        System.setProperty(TestEngine.PROPERTY, "postgresql");
        try (FreshDatabases scope = new FreshDatabases()) {
            Database db = scope.database();
            Database other = scope.open("other");
            assertThat(db.engine()).isEqualTo(Database.Engine.POSTGRESQL);
            assertThat(db.path()).as("no file").isNull();
            assertThat(MigratedH2ExtensionTest.appliedVersions(db)).containsExactlyElementsOf(MigratedH2ExtensionTest.migrationVersions());
            assertThat(MigratedH2ExtensionTest.count(db, "organizations")).isZero();
            assertThat(MigratedH2ExtensionTest.count(db, "achievements")).as("the platform catalog a migration seeds").isPositive();
            MigratedH2ExtensionTest.addOrganization(db, "org-main");
            assertThat(MigratedH2ExtensionTest.count(other, "organizations")).isZero();
            first = scope.target("for-a-command");
            second = scope.target("another");
            assertThat(first).startsWith("jdbc:postgresql://").isNotEqualTo(second);
            assertThatThrownBy(() -> scope.target("other")).hasMessageContaining("already has a database named 'other'");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (property == null) {
                System.clearProperty(TestEngine.PROPERTY);
            } else {
                System.setProperty(TestEngine.PROPERTY, property);
            }
        }
        assertThat(databases()).doesNotContain(name(first), name(second)).contains(TestPostgres.TEMPLATE);
    }

    @Test
    void aPassphraseIsRefusedForAPostgresDatabaseWithAMessageSayingWhy() {
        String url = TestPostgres.freshDatabase();
        try {
            assertThatThrownBy(() -> Database.open(url, "secret".toCharArray())).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("passphrase encrypts an H2 file").hasMessageContaining("PostgreSQL");
        } finally {
            TestPostgres.drop(url);
        }
    }

    @Test
    void anUnreachableServerIsNamedWithoutThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://localhost:1/impactdesk?user=a&password=hunter2", null))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("Cannot connect to the PostgreSQL database")
                .hasMessageContaining("password=***").hasMessageNotContaining("hunter2");
    }

    static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    static List<String> databases() throws SQLException {
        try (Connection c = TestPostgres.admin(); var rs = c.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

}
