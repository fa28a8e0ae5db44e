package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.summary.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import PATH [--skip-invalid] [--json]}: output and the exit codes of CLI.md. */
class ImportCommandTest {
    @TempDir
    Path dir;
    Path db;
    Path bundle;

    @BeforeEach
    void bundle() throws Exception {
        db = dir.resolve("db");
        bundle = Files.createDirectories(dir.resolve("bundle"));
        try (var files = Files.list(Path.of("src/test/resources/example/bundle"))) {
            for (Path f : files.toList()) {
                Files.copy(f, bundle.resolve(f.getFileName()));
            }
        }
    }

    CliRun.Result cli(String... args) {
        return CliRun.onDatabase(db, args);
    }

    @Test
    void jsonReportHasExactlyTheShapeOfCliMdAndASecondRunChangesNothing() throws Exception {
        CliRun.Result r = cli("import", bundle.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("inserted", "updated", "unchanged", "removed", "rejected", "files", "errors", "warnings");
        assertThat(j.get("inserted").asInt()).isEqualTo(85);
        JsonNode acts = j.get("files").get("activities.csv");
        List<String> fileKeys = new ArrayList<>();
        acts.fieldNames().forEachRemaining(fileKeys::add);
        assertThat(fileKeys).containsExactly("inserted", "updated", "unchanged", "removed", "rejected");
        assertThat(acts.get("inserted").asInt()).isEqualTo(55);

        CliRun.Result again = cli("import", bundle.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).startsWith("Nothing changed: 0 inserted, 0 updated, 85 unchanged, 0 removed, 0 rejected.");
    }

    @Test
    void badRowsExitOneNamingFileAndLineOfEachAndNothingIsWritten() throws Exception {
        Files.writeString(bundle.resolve("activities.csv"), Files.readString(bundle.resolve("activities.csv"))
                + "act-800;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;90 min;;approved;\n"
                + "act-801;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;30;;approved;abc\n");
        CliRun.Result r = cli("import", bundle.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("activities.csv line 57, duration_minutes: \"90 min\" is not a whole number of minutes")
                .contains("activities.csv line 58, travel_km: \"abc\" is not a number");
        CliRun.Result json = cli("import", bundle.toString(), "--json");
        assertThat(json.code()).isEqualTo(1);
        JsonNode j = Json.MAPPER.readTree(json.out());
        assertThat(j.get("inserted").asInt()).isZero();
        assertThat(j.get("updated").asInt()).isZero();
        assertThat(j.get("removed").asInt()).isZero();
        assertThat(j.get("rejected").asInt()).isEqualTo(2);
        assertThat(j.get("errors").get(0).get("file").asText()).isEqualTo("activities.csv");
        assertThat(j.get("errors").get(0).get("line").asInt()).isEqualTo(57);
        assertThat(j.get("errors").get(0).get("column").asText()).isEqualTo("duration_minutes");

        CliRun.Result valid = cli("import", bundle.toString(), "--skip-invalid", "--json");
        assertThat(valid.code()).isZero();
        assertThat(Json.MAPPER.readTree(valid.out()).get("inserted").asInt()).isEqualTo(85);
        assertThat(Json.MAPPER.readTree(valid.out()).get("rejected").asInt()).isEqualTo(2);
    }

    @Test
    void aCoordinatorImportingAnotherOrganisationIsRefusedWithExitThree() throws Exception {
        assertThat(cli("import", bundle.toString()).code()).isZero();
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("organizations.csv"), "id,name\norg-2,Other\n");
        CliRun.Result r = cli("--as", "user-kim", "import", other.toString(), "--json");
        assertThat(r.code()).isEqualTo(3);
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("inserted").asInt()).isZero();
        assertThat(j.get("rejected").asInt()).isEqualTo(1);
        assertThat(j.get("errors").get(0).get("message").asText()).contains("may import only organisation org-1");
    }

    @Test
    void usageAndNotFound() throws Exception {
        assertThat(cli("import", dir.resolve("missing.zip").toString()).code()).isEqualTo(4);
        Path txt = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThat(cli("import", txt.toString()).code()).isEqualTo(2);
        assertThat(cli("import").code()).isEqualTo(2);
        assertThat(cli("--as", "user-nobody", "import", bundle.toString()).code()).isEqualTo(4);
    }
}
