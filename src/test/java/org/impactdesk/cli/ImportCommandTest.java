package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.domain.Json;
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
        assertThat(keys).containsExactly("inserted", "updated", "unchanged", "removed", "rejected", "skipped", "files", "errors",
                "warnings");
        assertThat(j.get("inserted").asInt()).isEqualTo(85);
        JsonNode acts = j.get("files").get("activities.csv");
        List<String> fileKeys = new ArrayList<>();
        acts.fieldNames().forEachRemaining(fileKeys::add);
        assertThat(fileKeys).containsExactly("inserted", "updated", "unchanged", "removed", "rejected", "skipped");
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
    void aCoordinatorImportingAnotherOrganisationWritesNothingOfItAndReportsItSkipped() throws Exception {
        assertThat(cli("import", bundle.toString()).code()).isZero();
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("organizations.csv"), "id,name\norg-2,Other\n");
        CliRun.Result r = cli("--as", "user-kim", "import", other.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("inserted").asInt()).isZero();
        assertThat(j.get("rejected").asInt()).isZero();
        assertThat(j.get("skipped").asInt()).isEqualTo(1);
        assertThat(j.get("files").get("organizations.csv").get("skipped").asInt()).isEqualTo(1);
        assertThat(j.get("warnings").get(0).asText()).isEqualTo("organizations.csv: 1 row skipped, not written, as not "
                + "yours to import (line 2): Kim Koordinator may import only rows of organisation org-1.");
    }

    @Test
    void aCoordinatorRaisingTheirOwnRolesWithAUsersCsvKeepsTheRolesTheyHad() throws Exception {
        assertThat(cli("import", bundle.toString()).code()).isZero();
        Path users = dir.resolve("users.csv");
        Files.writeString(users, "id,organization_id,display_name,email,roles,local_association_ids\n"
                + "user-kim,org-1,Kim Koordinator,kim@example.com,coordinator|global_admin,la-2\n");
        CliRun.Result r = cli("--as", "user-kim", "import", users.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("skipped").asInt()).isEqualTo(1);
        assertThat(j.get("updated").asInt()).isZero();
        // still a coordinator only: another organisation's generation is refused as before
        CliRun.Result human = cli("--as", "user-kim", "import", users.toString());
        assertThat(human.out()).contains("1 skipped (not yours to import)");
        try (var db2 = org.impactdesk.store.Database.open(db)) {
            assertThat(new org.impactdesk.store.ActorDao(db2.jdbi()).find("user-kim").orElseThrow().roles())
                    .containsExactly(org.impactdesk.access.Role.COORDINATOR);
        }
    }

    @Test
    void anEmptyATruncatedOrADamagedZipIsOneClearLineAJsonReportAndARefusalInTheLog() throws Exception {
        Path good = dir.resolve("good.zip");
        try (var zos = new java.util.zip.ZipOutputStream(Files.newOutputStream(good)); var files = Files.list(bundle)) {
            for (Path f : files.sorted().toList()) {
                zos.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
                zos.write(Files.readAllBytes(f));
                zos.closeEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(good);
        Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
        Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path garbage = Files.writeString(dir.resolve("garbage.zip"), "this is no zip file at all");
        int n = 0;
        for (Path zip : List.of(empty, truncated, garbage)) {
            CliRun.Result r = cli("import", zip.toString());
            assertThat(r.code()).as(zip.toString()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1).first().asString()
                    .startsWith(zip.getFileName() + ": is not a readable .zip file (empty, cut short or damaged: ")
                    .endsWith("); nothing was imported");
            CliRun.Result json = cli("import", zip.toString(), "--json");
            assertThat(json.code()).isEqualTo(1);
            JsonNode j = Json.MAPPER.readTree(json.out());
            assertThat(j.get("inserted").asInt()).isZero();
            assertThat(j.get("errors").get(0).get("file").asText()).isEqualTo(zip.getFileName().toString());
            assertThat(j.get("errors").get(0).get("message").asText()).startsWith("is not a readable .zip file");
            n += 2;
        }
        try (var db2 = org.impactdesk.store.Database.open(db)) {
            List<String> log = db2.jdbi().withHandle(h -> h.createQuery("SELECT outcome FROM import_log").mapTo(String.class).list());
            assertThat(log).hasSize(n).containsOnly("refused");
        }
    }

    @Test
    void aFileTooLongToReadNamesTheFileAndTheLine() throws Exception {
        // a 17-million-character field, as a single-line file of 50 MB has: more than the CSV reader holds
        String huge = "x".repeat(17_000_000);
        Path one = dir.resolve("oneline");
        Files.createDirectories(one);
        Files.writeString(one.resolve("activities.csv"), huge);
        CliRun.Result r = cli("import", one.toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode e = Json.MAPPER.readTree(r.out()).get("errors").get(0);
        assertThat(e.get("file").asText()).isEqualTo("activities.csv");
        assertThat(e.get("line").asInt()).isEqualTo(1);
        assertThat(e.get("message").asText()).startsWith("the header row cannot be read: ").doesNotContain("Exception when reading");
        Path later = dir.resolve("later");
        Files.createDirectories(later);
        Files.writeString(later.resolve("activities.csv"), Files.readString(bundle.resolve("activities.csv")).lines().limit(3)
                .reduce("", (a, b) -> a + b + "\n") + huge + "\n");
        r = cli("import", later.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("activities.csv line 4: the file cannot be read past this point: The maximum buffer size")
                .doesNotContain("Exception when reading");
    }

    @Test
    void aFileMissingARequiredColumnReportsItsRowsAsRejected() throws Exception {
        Path b = Files.createDirectories(dir.resolve("nocol"));
        Files.writeString(b.resolve("organizations.csv"), "id,name\norg-1,Example\n");
        Files.writeString(b.resolve("local_associations.csv"), "id,organization_id\nla-1,org-1\nla-2,org-1\n");
        CliRun.Result r = cli("import", b.toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.get("rejected").asInt()).isEqualTo(2);
        assertThat(j.get("files").get("local_associations.csv").get("rejected").asInt()).isEqualTo(2);
        assertThat(j.get("errors")).hasSize(1);
        assertThat(j.get("errors").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(j.get("errors").get(0).get("message").asText()).startsWith("the required column name is missing");
        // with --skip-invalid the rest imports and the rows go to the reject file with the reason
        CliRun.Result valid = cli("import", b.toString(), "--skip-invalid", "--json");
        assertThat(valid.code()).as(valid.err()).isZero();
        JsonNode v = Json.MAPPER.readTree(valid.out());
        assertThat(v.get("inserted").asInt()).isEqualTo(1);
        assertThat(v.get("rejected").asInt()).isEqualTo(2);
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
