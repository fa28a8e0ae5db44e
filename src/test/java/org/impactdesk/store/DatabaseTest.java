package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void newDatabaseGetsTheWholeSchema() {
        try (Database db = Database.open(dir.resolve("db"))) {
            var tables = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'")
                    .mapTo(String.class).list());
            assertThat(tables).contains("organizations", "local_associations", "users", "user_roles",
                    "coordinator_scopes", "peer_mentors", "peer_mentor_associations", "contacts",
                    "activity_types", "activities", "events", "event_attendance", "assignments",
                    "achievements", "user_achievements", "annual_summaries", "impact_summaries",
                    "periodic_summaries", "notification_outbox", "import_log", "stale_summary_inputs");
        }
        assertThat(dir.resolve("db.mv.db")).exists();
    }

    @Test
    void secondOpenOfTheSameFileGetsAClearMessage() {
        try (Database first = Database.open(dir.resolve("db"))) {
            assertThatThrownBy(() -> Database.open(dir.resolve("db")))
                    .isInstanceOf(DatabaseInUseException.class)
                    .hasMessageContaining("already open");
        }
        // and after closing, it opens again
        try (Database again = Database.open(dir.resolve("db"))) {
            assertThat(again.path()).isNotNull();
        }
    }

    @Test
    void jsonColumnsRoundTripAsJsonText() {
        try (Database db = Database.open(dir.resolve("db"))) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO organizations(id, name) VALUES ('o', 'Org')");
                h.execute("INSERT INTO import_log(file_name, sha256, outcome, report_json, started_at) "
                        + "VALUES ('f', 'x', 'imported', ?, CURRENT_TIMESTAMP)", "{\"a\": [1, 2]}");
                String back = h.createQuery("SELECT report_json FROM import_log").mapTo(String.class).one();
                assertThat(back).isEqualTo("{\"a\": [1, 2]}");
            });
        }
    }

    @Test
    void nullsAreNotDistinctInPeriodicKeys() {
        try (Database db = Database.open(dir.resolve("db"))) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO organizations(id, name) VALUES ('o', 'Org')");
                h.execute("INSERT INTO users(id, organization_id, display_name) VALUES ('u', 'o', 'U')");
                String insert = "INSERT INTO periodic_summaries(id, user_id, organisation_id, period_type, year, "
                        + "half, period_start, period_end, total_sessions, total_hours, outlier_status, "
                        + "underactive_threshold_sessions, overloaded_threshold_sessions, generated_at) VALUES "
                        + "(RANDOM_UUID(), 'u', 'o', 'half_year', 2025, 1, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00Z', "
                        + "TIMESTAMP WITH TIME ZONE '2025-06-30 00:00:00Z', 10, 1.00, 'normal', 6, 80, CURRENT_TIMESTAMP)";
                h.execute(insert);
                assertThatThrownBy(() -> h.execute(insert)).hasMessageContaining("IDX_PERIODIC_SUMMARY_USER_PERIOD");
            });
        }
    }

    @Test
    void aCopyIsKeptBeforeMigratingAnExistingDatabase() throws Exception {
        Path path = dir.resolve("db");
        try (Database db = Database.open(path)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO organizations(id, name) VALUES ('o', 'Before')"));
        }
        try (Database db = Database.open(path, java.util.List.of("classpath:db/migration", "classpath:db/vendor/{vendor}", "classpath:db/testmigration"))) {
            int markers = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM test_marker").mapTo(Integer.class).one());
            assertThat(markers).isZero();
        }
        try (var files = Files.list(dir)) {
            var backups = files.filter(p -> p.getFileName().toString().startsWith("db.before-migration-")).toList();
            assertThat(backups).hasSize(1);
            try (var zip = new java.util.zip.ZipFile(backups.get(0).toFile())) {
                assertThat(zip.getEntry("db.mv.db")).isNotNull();
            }
        }
    }

    @Test
    void theShippedMigrationsAreListedFromTheirFileNames() throws Exception {
        java.util.Set<org.flywaydb.core.api.MigrationVersion> expected;
        // the common migrations and H2's own (db/vendor/h2: the files whose PostgreSQL form differs)
        try (var files = java.util.stream.Stream.concat(Files.list(Path.of("src/main/resources/db/migration")),
                Files.list(Path.of("src/main/resources/db/vendor/h2")))) {
            expected = files.map(f -> f.getFileName().toString())
                    .map(n -> org.flywaydb.core.api.MigrationVersion.fromVersion(n.substring(1, n.indexOf("__"))))
                    .collect(java.util.stream.Collectors.toSet());
        }
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(MigrationCheck.shippedVersions(java.util.List.of("classpath:db/migration", "classpath:db/vendor/h2"))).contains(expected);
        assertThat(MigrationCheck.shippedVersions(java.util.List.of("filesystem:db/migration"))).isEmpty();
        assertThat(MigrationCheck.shippedVersions(java.util.List.of("classpath:db/no-such-folder"))).isEmpty();
    }

    @Test
    void aCurrentSchemaIsRecognisedWithoutFlywayAndAnythingElseIsNot() {
        Path path = dir.resolve("db");
        try (Database db = Database.open(path)) {
            assertThat(db.schemaIsCurrent(Database.LOCATIONS)).isTrue();
            // a migration not yet applied: Flyway must run (and copy the database first)
            assertThat(db.schemaIsCurrent(java.util.List.of("classpath:db/migration", "classpath:db/vendor/{vendor}", "classpath:db/testmigration"))).isFalse();
            db.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE "
                    + "WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")"));
            assertThat(db.schemaIsCurrent(Database.LOCATIONS)).as("a failed migration").isFalse();
            db.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"success\" = TRUE"));
        }
        // reopened with the schema current: Flyway is not run, nothing is copied, the data is there
        try (Database db = Database.open(path)) {
            assertThat(db.schemaIsCurrent(Database.LOCATIONS)).isTrue();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-migration"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aNewDatabaseNeedsNoCopy() throws Exception {
        try (Database db = Database.open(dir.resolve("db"))) {
            assertThat(db.path()).isNotNull();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-migration"));
        }
    }
}
