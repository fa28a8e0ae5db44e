package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.domain.Json;
import org.junit.jupiter.api.Test;

/** The bench command on a small bundle: the JSON shape of CLI.md with every figure present (no timing assertions). */
class BenchCommandTest {

    @Test
    void printsEveryFigureOfCliMdAsJson() {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = CommandLineMain.run(c -> { }, "bench", "--activities", "4000", "--json");
        } finally {
            System.setOut(out);
        }
        assertThat(code).isEqualTo(ExitCode.DONE);
        JsonNode json = Json.read(buf.toString(StandardCharsets.UTF_8).trim());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("activities", "sync_s", "csvread_baseline_s", "parse_floor_s", "sync_vs_csvread",
                "generate_s", "groupby_baseline_s", "generate_vs_groupby", "resync_s", "regenerate_s", "funder_report_s",
                "funder_report_vs_groupby", "peak_heap_mb",
                "java_version");
        assertThat(json.get("activities").asLong()).isEqualTo(4000);
        for (String k : keys.subList(1, keys.size() - 1)) {
            assertThat(json.get(k).isNumber()).as(k).isTrue();
            assertThat(json.get(k).asDouble()).as(k).isPositive();
        }
        assertThat(json.get("sync_vs_csvread").asDouble())
                .isCloseTo(json.get("sync_s").asDouble() / json.get("csvread_baseline_s").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(json.get("java_version").asText()).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void funderOnlyTimesTheReportAndTheGroupByOnAnExistingDatabase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path bundle = dir.resolve("bundle");
        org.impactdesk.demo.DemoDataGenerator.write(org.impactdesk.demo.DemoSpec.bench(3000, 3, 42), bundle);
        java.nio.file.Path dbPath = dir.resolve("db");
        try (org.impactdesk.store.Database db = org.impactdesk.store.Database.open(dbPath)) {
            assertThat(new org.impactdesk.service.bench.BundleImporterBench().importBundle(db, bundle).written()).isTrue();
        }
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = CommandLineMain.run(c -> { }, "--db", dbPath.toString(), "bench", "--funder-only", "--runs", "2", "--json");
        } finally {
            System.setOut(out);
        }
        assertThat(code).isEqualTo(ExitCode.DONE);
        JsonNode json = Json.read(buf.toString(StandardCharsets.UTF_8).trim());
        assertThat(json.get("activities").asLong()).isEqualTo(3000);
        for (String k : List.of("groupby_baseline_s", "funder_report_s", "funder_report_vs_groupby")) {
            assertThat(json.get(k).asDouble()).as(k).isPositive();
        }
        for (String k : List.of("sync_s", "csvread_baseline_s", "generate_s", "resync_s", "regenerate_s")) {
            assertThat(json.get(k).isNull()).as(k + ": not measured").isTrue();
        }
    }

    @Test
    void funderOnlyRefusesADatabaseWithoutActivitiesOrAMissingOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(CommandLineMain.run(c -> { }, "--db", dir.resolve("nothing").toString(), "bench", "--funder-only"))
                .isEqualTo(ExitCode.NOT_FOUND);
        org.impactdesk.store.Database.open(dir.resolve("empty")).close();
        assertThat(CommandLineMain.run(c -> { }, "--db", dir.resolve("empty").toString(), "bench", "--funder-only"))
                .isEqualTo(ExitCode.NOT_FOUND);
        assertThat(CommandLineMain.run(c -> { }, "--db", dir.resolve("empty").toString(), "bench", "--funder-only", "--runs", "0"))
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void refusesAnEmptyBenchmark() {
        assertThat(CommandLineMain.run(c -> { }, "bench", "--activities", "0")).isEqualTo(ExitCode.USAGE);
    }
}
