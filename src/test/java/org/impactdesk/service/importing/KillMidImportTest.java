package org.impactdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ActivityKeys;
import org.impactdesk.sync.LargeBundleGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
/**
 * A real child JVM imports a large bundle; once it reports that it is writing activities it is
 * killed ({@code destroyForcibly}). The database opens exactly as it was before (row counts of
 * every table, the activities' keys) and a new import works. On the test engine: an H2 file, or a
 * PostgreSQL database whose server outlives the killed client (its open transaction rolls back).
 */
@MigratedH2
class KillMidImportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "activities stored before: {0}")
    @ValueSource(booleans = {false, true})
    void aKilledImportLeavesTheDatabaseAsItWasAndUsable(boolean activitiesBefore, FreshDatabases fresh) throws Exception {
        Path example = SyncFixture.exampleCopy(dir.resolve("example"));
        if (!activitiesBefore) {
            Files.delete(example.resolve("activities.csv")); // an empty activities table: the bulk-load path
        }
        Path big = dir.resolve("big");
        LargeBundleGenerator.write(big, 60_000, 300, 5);
        String target = fresh.target("db");
        String before;
        try (Database db = Database.open(target, null)) {
            assertThat(SyncFixture.importAll(db, example).written()).isTrue();
            before = SyncFixture.counts(db);
        }

        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ImportChild.class.getName(), target, big.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("PROGRESS Writing activities.csv")) {
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).as("the child was killed while writing, before it finished").noneMatch(l -> l.startsWith("DONE"))
                .anyMatch(l -> l.startsWith("PROGRESS Writing activities.csv"));

        try (Database db = Database.open(target, null)) {
            String scanned = SyncFixture.scannedCounts(db);
            assertThat(SyncFixture.counts(db)).as("COUNT(*) per table after the kill (reading every row finds: %s)", scanned)
                    .isEqualTo(before);
            assertThat(scanned).as("the rows found by reading every table after the kill").isEqualTo(before);
            boolean keys = db.jdbi().withHandle(h -> ActivityKeys.present(h.getConnection()));
            assertThat(keys).isTrue();
            ImportReport again = SyncFixture.importAll(db, big);
            assertThat(again.written()).isTrue();
            assertThat(again.files().get("activities.csv").inserted()).isEqualTo(60_000);
            assertThat(SyncFixture.count(db, "SELECT COUNT(*) FROM activities")).isEqualTo(60_000 + (activitiesBefore ? 55 : 0));
        }
    }
}
