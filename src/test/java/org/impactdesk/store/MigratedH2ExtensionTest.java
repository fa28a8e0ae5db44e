package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.impactdesk.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link MigratedH2} per test: migrated like a new file, shared with @BeforeEach, closed and deleted after the test. */
@MigratedH2
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigratedH2ExtensionTest {
    /** What the first test saw, for the second to check that it is gone. */
    static Path firstFolder;
    static Path firstDatabase;

    Database fromBeforeEach;

    @BeforeEach
    void remember(Database db) {
        fromBeforeEach = db;
    }

    /** The versions of src/main/resources/db/migration and of H2's own db/vendor/h2, as Flyway orders them. */
    static List<String> migrationVersions() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/db/migration")),
                Files.list(Path.of("src/main/resources/db/vendor/h2")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .toList();
        }
    }

    static List<String> appliedVersions(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                .mapTo(String.class).list());
    }

    static long count(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    static void addOrganization(Database db, String id) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO organizations (id, name) VALUES (?, ?)", id, "Org " + id));
    }

    @Test
    @Order(1)
    void aTestGetsTheDatabaseOfItsBeforeEachWithEveryMigrationAppliedAndNoData(Database db, FreshDatabases scope)
            throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestEngine.postgres(), "H2 files and their folder (PostgresFreshDatabasesTest: PostgreSQL)");
        assertThat(db).isSameAs(fromBeforeEach).isSameAs(scope.database());
        assertThat(db.path()).startsWithRaw(scope.root());
        assertThat(appliedVersions(db)).containsExactlyElementsOf(migrationVersions());
        assertThat(count(db, "organizations")).isZero();
        assertThat(count(db, "activities")).isZero();
        assertThat(count(db, "achievements")).as("the platform catalog a migration seeds").isPositive();
        addOrganization(db, "org-first");
        assertThat(count(db, "organizations")).isOne();
        firstFolder = scope.root();
        firstDatabase = db.path();
    }

    @Test
    @Order(2)
    void theNextTestGetsANewDatabaseAndThePreviousOneIsClosedAndDeleted(Database db) {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestEngine.postgres(), "H2 files and their folder (PostgresFreshDatabasesTest: PostgreSQL)");
        assertThat(firstFolder).as("the first test ran before").isNotNull();
        assertThat(firstFolder).doesNotExist();
        assertThat(db.path()).isNotEqualTo(firstDatabase);
        assertThat(count(db, "organizations")).as("nothing of the first test").isZero();
        // closed: this JVM no longer holds the path, so it opens again (as a new, empty database)
        try (Database again = Database.open(firstDatabase)) {
            assertThat(count(again, "organizations")).isZero();
        } finally {
            TestFiles.deleteTree(firstFolder);
        }
    }

    @Test
    @Order(3)
    void moreDatabasesOfATestAreSeparateAndAFileIsNotHeldOpen(Database db, FreshDatabases scope) {
        Database other = scope.open("other");
        addOrganization(db, "org-main");
        assertThat(count(other, "organizations")).isZero();
        assertThat(appliedVersions(other)).isEqualTo(appliedVersions(db));

        Path file = scope.file("for-a-command", d -> addOrganization(d, "org-file"));
        assertThat(file).startsWithRaw(scope.root());
        try (Database reopened = Database.open(file)) {
            assertThat(count(reopened, "organizations")).isOne();
        }
        assertThatThrownBy(() -> scope.open("other")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has a database named 'other'");
        assertThatThrownBy(() -> scope.file("../outside")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain folder name").hasMessageContaining("'../outside'");
        assertThatThrownBy(() -> scope.file("db")).as("the scope's own database has that name")
                .hasMessageContaining("already has a database named 'db'");
    }

    @Test
    @Order(4)
    void closingAScopeClosesWhatIsOpenDeletesItsFolderAndRefusesMore() {
        FreshDatabases scope = new FreshDatabases();
        Database open = scope.open("a");
        Path file = scope.file("b");
        Path root = scope.root();
        scope.close();
        scope.close();
        assertThat(root).doesNotExist();
        assertThat(Path.of(file + ".mv.db")).doesNotExist();
        // closed: this JVM no longer holds the path, so it opens again (as a new, empty database)
        try (Database again = Database.open(open.path())) {
            assertThat(count(again, "organizations")).isZero();
        } finally {
            TestFiles.deleteTree(root);
        }
        assertThatThrownBy(() -> scope.file("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already closed").hasMessageContaining("'late'");
    }
}
