package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseCopy;
import org.impactdesk.store.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team database from the command line, on the embedded PostgreSQL (whatever engine the suite
 * runs on): the worked example gives the same {@code show --json} as on H2; {@code db copy} moves
 * it to PostgreSQL and back with the same rows and checksums; two processes import into one
 * PostgreSQL database at once without corrupting it.
 */
class PostgresTeamTest {
    @TempDir
    Path tmp;
    final List<String> urls = new ArrayList<>();

    @AfterEach
    void drop() {
        urls.forEach(TestPostgres::drop);
    }

    String fresh() {
        String url = TestPostgres.freshDatabase();
        urls.add(url);
        return url;
    }

    static CliRun.Result cli(String db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun.Result r = CliRun.run(all);
        assertThat(r.code()).as(String.join(" ", all) + "\n" + r.err()).isZero();
        return r;
    }

    /** The example generated on {@code db}, then what show --json prints, without the ids and instants each run makes anew. */
    static List<String> generatedAndShown(String db) {
        cli(db, "generate", "--year", "2025", "--period", "all", "--as-of", "2026-01-10");
        List<String> shown = new ArrayList<>();
        for (String[] q : new String[][] {{"annual", "--mentor", "pm-1"}, {"annual", "--mentor", "pm-2"}, {"impact", "--mentor", "pm-1"},
                {"periodic", "--mentor", "pm-2", "--half", "2"}, {"team", "--coordinator", "user-kim", "--half", "1"}}) {
            List<String> args = new ArrayList<>(List.of("show"));
            args.addAll(List.of(q));
            args.addAll(List.of("--year", "2025", "--json"));
            shown.add(stable(cli(db, args.toArray(String[]::new)).json()).toString());
        }
        return shown;
    }

    static JsonNode stable(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                if (k.equals("id") || k.endsWith("_at")) {
                    o.remove(k);
                } else {
                    stable(o.get(k));
                }
            }
        } else if (n != null && n.isArray()) {
            n.forEach(PostgresTeamTest::stable);
        }
        return n;
    }

    /**
     * {@code show --as} a coordinator on a team database reads through the coordinator's role: a summary row
     * the superuser writes that the services' own scope filter would count for Kim (it names Mira's peer
     * mentor record, in Kim's association) but that belongs to Jonas (outside it) is not shown, because the
     * row security of Kim's role refuses it; the URL's own role (no --as) and the filter alone do see it.
     */
    @Test
    void showAsACoordinatorReadsThroughTheirRoleSoARowOutsideTheirScopeIsNotCounted() {
        String pg = fresh();
        try (Database d = Database.open(pg, null)) {
            ExampleBundleFixture.load(d);
        }
        cli(pg, "generate", "--year", "2025", "--period", "all", "--as-of", "2026-01-10");
        cli(pg, "db", "grant");
        JsonNode q1 = cli(pg, "--as", "user-kim", "show", "periodic", "--year", "2025", "--quarter", "1", "--json").json();
        assertThat(q1).extracting(n -> n.get("user_id").asText()).containsExactlyInAnyOrder("user-mira", "user-sofie");

        try (Database d = Database.open(pg, null)) {
            d.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO periodic_summaries (id, user_id, organisation_id, period_type, year, quarter, period_start,
                        period_end, total_sessions, total_hours, outlier_status, underactive_threshold_sessions,
                        overloaded_threshold_sessions, generated_at, peer_mentor_id)
                    VALUES ('0192f7a0-0000-7000-8000-000000000001', 'user-jonas', 'org-1', 'quarterly', 2024, 4,
                        TIMESTAMP WITH TIME ZONE '2024-10-01 00:00:00+02', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+01',
                        5, 7.50, 'normal', 1, 10, CURRENT_TIMESTAMP, 'pm-1')"""));
            org.impactdesk.access.Actor kim = new org.impactdesk.store.ActorDao(d.jdbi()).find("user-kim").orElseThrow();
            assertThat(new org.impactdesk.store.SummaryReadDao(d.jdbi()).periodicList(kim.scope(),
                    new org.impactdesk.domain.Period.Quarter(2024, 4)))
                    .as("the services' filter alone counts it for Kim").extracting(s -> s.userId()).containsExactly("user-jonas");
        }
        assertThat(cli(pg, "show", "periodic", "--year", "2024", "--quarter", "4", "--json").json())
                .as("the URL's role").extracting(n -> n.get("user_id").asText()).containsExactly("user-jonas");
        assertThat(cli(pg, "--as", "user-kim", "show", "periodic", "--year", "2024", "--quarter", "4", "--json").json())
                .as("read through Kim's role").isEmpty();
        assertThat(cli(pg, "--as", "user-kim", "show", "periodic", "--year", "2025", "--quarter", "1", "--json").json())
                .as("Kim's own scope is as before").hasSize(2);
    }

    @Test
    void theWorkedExampleShowsTheSameJsonOnBothEngines() {
        Path h2 = tmp.resolve("example");
        try (Database d = Database.open(h2)) {
            ExampleBundleFixture.load(d);
        }
        String pg = fresh();
        try (Database d = Database.open(pg, null)) {
            ExampleBundleFixture.load(d);
        }
        List<String> onH2 = generatedAndShown(h2.toString());
        assertThat(generatedAndShown(pg)).isEqualTo(onH2);
        assertThat(onH2.get(0)).contains("\"total_hours\"");
    }

    @Test
    void dbCopyMovesTheExampleToPostgresAndBackWithTheSameRowsAndChecksums() {
        Path h2 = tmp.resolve("example");
        try (Database d = Database.open(h2)) {
            ExampleBundleFixture.load(d);
        }
        List<String> shownOnH2 = generatedAndShown(h2.toString());
        String pg = fresh();
        CliRun.Result there = CliRun.run("db", "copy", "--from", h2.toString(), "--to", pg);
        assertThat(there.code()).as(there.err()).isZero();
        assertThat(there.out()).contains("annual_summaries", "activities", "every row count and checksum is the same")
                .doesNotContain("DIFFERENT");
        Path back = tmp.resolve("back");
        CliRun.Result home = CliRun.run("db", "copy", "--from", pg, "--to", back.toString());
        assertThat(home.code()).as(home.err()).isZero();
        try (Database a = Database.open(h2); Database b = Database.open(pg, null); Database c = Database.open(back)) {
            assertThat(DatabaseCopy.checksums(b)).isEqualTo(DatabaseCopy.checksums(a)).isEqualTo(DatabaseCopy.checksums(c));
        }
        // the copy works as a database: generating again changes nothing, and shows what H2 showed
        assertThat(generatedAndShown(pg)).isEqualTo(shownOnH2);

        CliRun.Result again = CliRun.run("db", "copy", "--from", h2.toString(), "--to", pg);
        assertThat(again.code()).isNotZero();
        assertThat(again.err()).contains("already holds data").contains("Nothing was copied");
    }

    @Test
    void benchOnPostgresPrintsTheSameJsonKeysAsOnH2AndDropsItsScratchDatabases() throws Exception {
        String url = fresh();
        CliRun.Result r = cli(url, "bench", "--activities", "3000", "--json");
        JsonNode json = org.impactdesk.domain.Json.read(r.out().trim());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("activities", "sync_s", "csvread_baseline_s", "parse_floor_s", "sync_vs_csvread",
                "generate_s", "groupby_baseline_s", "generate_vs_groupby", "resync_s", "regenerate_s", "funder_report_s",
                "funder_report_vs_groupby", "peak_heap_mb", "java_version");
        for (String k : keys.subList(1, keys.size() - 1)) {
            assertThat(json.get(k).asDouble()).as(k).isPositive();
        }
        assertThat(r.err()).as("the baseline is PostgreSQL's COPY").contains("COPY baseline").doesNotContain("CSVREAD");
        try (var c = TestPostgres.admin(); var rs = c.createStatement().executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'impactdesk_bench_%'")) {
            assertThat(rs.next()).as("a scratch database left behind").isFalse();
        }
        try (Database db = Database.open(url, null)) {
            long written = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM activities").mapTo(Long.class).one());
            assertThat(written).as("the database --db names is not written").isZero();
        }
    }

    @Test
    void twoProcessesImportIntoOnePostgresDatabaseAtOnceWithoutCorruptingIt() throws Exception {
        String pg = fresh();
        Path bundle = Path.of("data/demo");
        Process first = importer(pg, bundle, tmp.resolve("first.log"));
        Process second = importer(pg, bundle, tmp.resolve("second.log"));
        for (Process p : List.of(first, second)) {
            assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("an import finishes").isTrue();
        }
        String firstLog = Files.readString(tmp.resolve("first.log"), StandardCharsets.UTF_8);
        String secondLog = Files.readString(tmp.resolve("second.log"), StandardCharsets.UTF_8);
        assertThat(first.exitValue()).as(firstLog).isZero();
        assertThat(second.exitValue()).as(secondLog).isZero();
        long rows;
        try (var lines = Files.lines(bundle.resolve("activities.csv"))) {
            rows = lines.filter(l -> !l.isBlank()).count() - 1;
        }
        try (Database d = Database.open(pg, null)) {
            long stored = d.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM activities").mapTo(Long.class).one());
            long distinct = d.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT id) FROM activities").mapTo(Long.class).one());
            assertThat(stored).isEqualTo(distinct).isPositive().isLessThanOrEqualTo(rows);
            long logged = d.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM import_log WHERE outcome <> 'refused'")
                    .mapTo(Long.class).one());
            assertThat(logged).as("both imports logged").isEqualTo(2);
        }
        // a third import finds everything as the first two left it
        CliRun.Result third = cli(pg, "import", bundle.toString(), "--json");
        assertThat(third.out()).doesNotContain("\"inserted\":1");
    }

    static Process importer(String url, Path bundle, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.impactdesk.Launcher",
                "--db", url, "import", bundle.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
