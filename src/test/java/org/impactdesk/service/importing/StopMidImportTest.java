package org.impactdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.impactdesk.ChildJvm;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ActivityKeys;
import org.impactdesk.store.TestEngine;
import org.impactdesk.sync.LargeBundleGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
/**
 * Issue 18 item 2: a real child JVM imports a bundle of 20,000 activities and gets SIGTERM (as
 * {@code kill}, {@code timeout} or a shutdown send it) at a moment of the import: while it
 * checks the small files, while it checks the activities, while it writes activities (merging
 * with stored ones), before a bulk load into an empty table, while it rebuilds the index after
 * one, after the commit. Each time the database holds
 * exactly what it held before or the whole bundle (row counts of every table and a checksum of
 * the activities), it opens, its activities' keys are there, a re-import succeeds and a second
 * one changes nothing. The child's stop closes the database after the rollback, never under it.
 * On the test engine: H2 files, or PostgreSQL databases (each run on a copy of a prepared one; the
 * bulk load there is COPY into the table as it is, and its moments are the same messages).
 */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class StopMidImportTest {
    private static final int ACTIVITIES = 20_000;
    /** The bulk load (an empty activities table) from this many rows, so the bundle takes that path. */
    private static final String BULK_FROM = "20000";
    /** Each run's own copy of the database it starts from. */
    private static final java.util.concurrent.atomic.AtomicInteger RUN = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    static Path shared;
    static Path big;
    static String beforeMerge;
    static String beforeBulk;
    static String mergeBefore;
    static String mergeAfter;
    static String bulkBefore;
    static String bulkAfter;

    @TempDir
    Path dir;

    @BeforeAll
    static void databases(FreshDatabases fresh) throws Exception {
        big = shared.resolve("big");
        LargeBundleGenerator.write(big, ACTIVITIES, 100, 5);
        Path example = SyncFixture.exampleCopy(shared.resolve("example"));
        beforeMerge = fresh.target("merge-before", db -> {
            assertThat(SyncFixture.importAll(db, example).written()).isTrue();
            mergeBefore = state(db);
        });
        Files.delete(example.resolve("activities.csv"));
        beforeBulk = fresh.target("bulk-before", db -> {
            assertThat(SyncFixture.importAll(db, example).written()).isTrue();
            bulkBefore = state(db);
        });
        mergeAfter = fullyImported(fresh, beforeMerge, "merge-after");
        bulkAfter = fullyImported(fresh, beforeBulk, "bulk-after");
    }

    static Stream<Arguments> moments() {
        return Stream.of(
                Arguments.of("merge", "PROGRESS Checked users.csv"),
                Arguments.of("merge", "PROGRESS Checking activities.csv: 16,384"),
                Arguments.of("merge", "PROGRESS Writing activities.csv: 16,384"),
                Arguments.of("merge", "PROGRESS Imported"),
                Arguments.of("bulk", "PROGRESS Preparing the bulk load"),
                Arguments.of("bulk", "PROGRESS Indexing"));
    }

    @ParameterizedTest(name = "{0}: SIGTERM after \"{1}\"")
    @MethodSource("moments")
    void aStoppedImportLeavesTheDatabaseAsBeforeOrFullyImported(String path, String moment, FreshDatabases fresh)
            throws Exception {
        boolean bulk = path.equals("bulk");
        Assumptions.assumeFalse(TestEngine.postgres() && moment.equals("PROGRESS Indexing"),
                "PostgreSQL's bulk load is COPY into the table with its keys in place: no index is rebuilt after it");
        String db = fresh.copy(bulk ? beforeBulk : beforeMerge, "db-" + RUN.incrementAndGet());
        String before = bulk ? bulkBefore : mergeBefore;
        String after = bulk ? bulkAfter : mergeAfter;

        ChildJvm.Outcome child = ChildJvm.runAndStop(ImportChild.class, List.of(db, big.toString(), BULK_FROM),
                l -> l.startsWith(moment), dir.resolve("child.err"));

        assertThat(child.signalled()).as("the moment came: " + child.lines()).isTrue();
        assertThat(child.stderr()).as("the stop waited for the rollback and closed the database")
                .doesNotContain("did not stop within").doesNotContain("Exception");
        try (Database opened = Database.open(db, null)) {
            String now = state(opened);
            // the stop may land after the commit and end the JVM before the child prints DONE:
            // then it is fully imported, and logged so
            assertThat(now).as("as before or fully imported").isIn(before, after);
            if (child.printed("DONE") || now.equals(after)) {
                assertThat(now).isEqualTo(after);
                assertThat(lastLogOutcome(opened)).isEqualTo("imported");
            } else {
                assertThat(lastLogOutcome(opened)).as("a stopped import is logged (as failed: cancelled)")
                        .isEqualTo("failed");
            }
            boolean keys = opened.jdbi().withHandle(h -> ActivityKeys.present(h.getConnection()));
            assertThat(keys).isTrue();

            ImportReport again = SyncFixture.importAll(opened, big);
            assertThat(again.written()).isTrue();
            assertThat(state(opened)).isEqualTo(after);
            ImportReport third = SyncFixture.importAll(opened, big);
            assertThat(third.written()).isTrue();
            assertThat(third.changedNothing()).as("a second re-import changes nothing: " + third).isTrue();
            assertThat(state(opened)).isEqualTo(after);
        }
        fresh.discard(db);
    }

    /** Row counts of every bundle table and a checksum of the activities (their ids' hashes summed here, on either engine). */
    static String state(Database db) {
        return SyncFixture.counts(db) + " activity-sum=" + db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(duration_minutes), 0) || '/' || COUNT(DISTINCT peer_mentor_id) FROM activities")
                .mapTo(String.class).one() + "/" + h.createQuery("SELECT id FROM activities").mapTo(String.class)
                .list().stream().mapToLong(String::hashCode).sum());
    }

    private static String lastLogOutcome(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT outcome FROM import_log ORDER BY id DESC FETCH FIRST ROW ONLY")
                .mapTo(String.class).findOne().orElse("none"));
    }

    private static String fullyImported(FreshDatabases fresh, String before, String name) {
        String db = fresh.copy(before, name);
        try (Database opened = Database.open(db, null)) {
            ImportReport r = SyncFixture.importAll(opened, big);
            assertThat(r.written()).isTrue();
            assertThat(r.files().get("activities.csv").inserted()).isEqualTo(ACTIVITIES);
            return state(opened);
        } finally {
            fresh.discard(db);
        }
    }
}
