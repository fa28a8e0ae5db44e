package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Clock;
import org.impactdesk.access.Actor;
import org.impactdesk.cli.CliRun;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.Json;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
/**
 * The worked example through the real importer (not the hand-written fixture): import the bundle
 * with BundleImporter, `generate --year 2025 --period all --as-of 2026-01-10`, and every
 * `show ... --json` equals expected/*.json exactly as WorkedExampleEndToEndTest compares.
 */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class SyncedExampleEndToEndTest {
    static String db;
    static ImportReport first;

    @BeforeAll
    static void importAndGenerate(FreshDatabases fresh) {
        db = fresh.target("synced-example-db", d -> first = new BundleImporter(d, Clock.systemUTC())
                .importBundle(ExampleBundleFixture.BUNDLE, ImportOptions.allOrNothing(), Actor.localOperator(), null));
        assertThat(first.errors()).isEmpty();
        assertThat(first.written()).isTrue();
        CliRun.Result r = CliRun.onDatabase(db, "generate", "--year", "2025", "--period", "all",
                "--as-of", "2026-01-10", "--json");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void everyFileOfTheBundleWasInserted() {
        assertThat(first.files().keySet()).containsExactly("organizations.csv", "local_associations.csv", "users.csv",
                "peer_mentors.csv", "contacts.csv", "activity_types.csv", "events.csv", "event_attendance.csv",
                "assignments.csv", "activities.csv");
        assertThat(first.files().get("activities.csv").inserted()).isEqualTo(55);
        assertThat(first.files().get("users.csv").inserted()).isEqualTo(5);
        assertThat(first.updated()).isZero();
        assertThat(first.rejected()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.impactdesk.service.generation.WorkedExampleEndToEndTest#expectedRows")
    void showPrintsTheExpectedRow(String file, String command) throws Exception {
        CliRun.Result r = CliRun.onDatabase(db, command.split(" "));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode expected = Json.MAPPER.readTree(Files.readString(WorkedExampleEndToEndTest.EXPECTED.resolve(file)));
        ExpectedJson.assertMatches(expected, Json.MAPPER.readTree(r.out()));
    }
}
