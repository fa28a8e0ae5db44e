package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.impactdesk.domain.Json;
import org.impactdesk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database in use and a database that is not there: their own exit codes, one line, JSON with --json. */
class DatabaseFailuresTest {
    @TempDir
    Path dir;

    @Test
    void readCommandsRefuseADatabaseThatDoesNotExistAndCreateNothing() throws Exception {
        Path typo = dir.resolve("tpyo-db");
        CliRun.Result show = CliRun.onDatabase(typo, "show", "annual", "--year", "2025", "--json");
        assertThat(show.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(show.err()).contains("No database at " + typo.toAbsolutePath());
        JsonNode j = Json.MAPPER.readTree(show.out());
        assertThat(j.get("exit_code").asInt()).isEqualTo(4);
        assertThat(j.get("error").asText()).contains(typo.toAbsolutePath().toString());
        CliRun.Result share = CliRun.onDatabase(typo, "share", "--mentor", "pm-1", "--year", "2025", "--png",
                dir.resolve("card.png").toString());
        assertThat(share.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(share.err()).contains("No database at " + typo.toAbsolutePath());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tpyo-db"));
        }
    }

    @Test
    void aDatabaseInUseExitsWithItsOwnCodeAndSaysSoInJson() throws Exception {
        Path db = dir.resolve("db");
        try (Database open = Database.open(db)) {
            CliRun.Result human = CliRun.onDatabase(db, "show", "annual", "--year", "2025");
            assertThat(human.code()).isEqualTo(ExitCode.IN_USE).isNotEqualTo(ExitCode.BAD_INPUT);
            assertThat(human.err().strip()).contains("is already open in another Impact Desk window or program").doesNotContain("\n");
            CliRun.Result json = CliRun.onDatabase(db, "import", dir.toString(), "--json");
            assertThat(json.code()).isEqualTo(ExitCode.IN_USE);
            JsonNode j = Json.MAPPER.readTree(json.out());
            assertThat(j.get("exit_code").asInt()).isEqualTo(5);
            assertThat(j.get("error").asText()).contains("already open");
        }
    }
}
