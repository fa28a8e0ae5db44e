package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.domain.ReportYears;
import org.impactdesk.service.funder.FunderFixtures;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report funder}: the spec's JSON, the scope of show, the exit codes of CLI.md. */
@MigratedH2
class ReportFunderCommandTest {
    @TempDir
    Path tmp;
    Path dbPath;

    @BeforeEach
    void data(FreshDatabases fresh) {
        dbPath = fresh.file("funder-db", FunderFixtures::fill);
    }

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void printsTheSpecsJson() {
        CliRun.Result r = CliRun.onDatabase(dbPath, "--as", "u-admin", "report", "funder", "--year", "2025", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.DONE);
        JsonNode all = r.json();
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(1);
        JsonNode o = all.get(0);
        assertThat(keys(o)).containsExactly("organization_id", "year", "final", "rules", "totals", "associations",
                "not_counted", "warnings");
        assertThat(o.get("organization_id").asText()).isEqualTo("org-1");
        assertThat(o.get("year").asInt()).isEqualTo(2025);
        assertThat(o.get("final").isBoolean()).isTrue();
        assertThat(keys(o.get("rules"))).containsExactly("categories", "group_min_participants", "group_min_minutes",
                "course_min_people", "course_min_minutes");
        assertThat(o.get("rules").get("categories").get("stand").asText()).isEqualTo("group");
        assertThat(o.get("rules").get("group_min_minutes").asInt()).isEqualTo(45);
        List<String> totalKeys = List.of("active_peer_mentors", "individual_count", "group_sessions", "group_participants",
                "course_days", "course_participants", "counted_hours", "contact_service_count", "contact_service_hours");
        assertThat(keys(o.get("totals"))).containsExactlyElementsOf(totalKeys);
        assertThat(o.get("totals").get("counted_hours").isTextual()).isTrue();
        assertThat(o.get("totals").get("counted_hours").asText()).isEqualTo("2.50");
        assertThat(o.get("totals").get("contact_service_hours").asText()).isEqualTo("0.25");
        assertThat(o.get("totals").get("group_participants").asInt()).isEqualTo(3);
        List<String> associationKeys = new ArrayList<>(List.of("local_association_id"));
        associationKeys.addAll(totalKeys);
        assertThat(keys(o.get("associations").get(0))).containsExactlyElementsOf(associationKeys);
        assertThat(o.get("not_counted")).hasSize(8);
        assertThat(o.get("not_counted").get(0).get("reason").asText()).isEqualTo("not_approved");
        assertThat(o.get("not_counted").get(0).get("activities").asInt()).isEqualTo(1);
        assertThat(o.get("not_counted").get(0).get("hours").asText()).isEqualTo("0.75");
        assertThat(o.get("warnings")).singleElement().satisfies(w -> assertThat(w.asText()).contains("knitting_club"));
    }

    @Test
    void scopeAndExitCodes() {
        CliRun.Result operator = CliRun.onDatabase(dbPath, "report", "funder", "--year", "2025", "--json");
        assertThat(operator.code()).isEqualTo(ExitCode.DONE);
        assertThat(operator.json()).hasSize(2);
        CliRun.Result coordinator = CliRun.onDatabase(dbPath, "--as", "u-coord", "report", "funder", "--year", "2025", "--json");
        assertThat(coordinator.json().get(0).get("associations")).singleElement()
                .satisfies(a -> assertThat(a.get("local_association_id").asText()).isEqualTo("la-2"));
        assertThat(CliRun.onDatabase(dbPath, "--as", "u-a", "report", "funder", "--year", "2025").code()).isEqualTo(ExitCode.REFUSED);
        assertThat(CliRun.onDatabase(dbPath, "--as", "u-admin", "report", "funder", "--year", "2025", "--org", "org-2").code())
                .isEqualTo(ExitCode.REFUSED);
        assertThat(CliRun.onDatabase(dbPath, "report", "funder", "--year", "2025", "--org", "org-nope").code())
                .isEqualTo(ExitCode.NOT_FOUND);
        CliRun.Result two = CliRun.onDatabase(dbPath, "report", "funder", "--year", "2025", "--xlsx", tmp.resolve("x.xlsx").toString());
        assertThat(two.code()).isEqualTo(ExitCode.USAGE);
        assertThat(two.err()).contains("--org");
        CliRun.Result early = CliRun.onDatabase(dbPath, "report", "funder", "--year", "1999");
        assertThat(early.code()).isEqualTo(ExitCode.USAGE);
        assertThat(early.err()).contains(ReportYears.problem(1999));
        assertThat(CliRun.onDatabase(dbPath, "report", "funder").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void exportsBothFilesForOneOrganisation() {
        Path xlsx = tmp.resolve("out/funder.xlsx");
        Path pdf = tmp.resolve("out/funder.pdf");
        CliRun.Result r = CliRun.onDatabase(dbPath, "--as", "u-admin", "--lang", "nb", "report", "funder", "--year", "2025",
                "--xlsx", xlsx.toString(), "--pdf", pdf.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.DONE);
        assertThat(xlsx).isNotEmptyFile();
        assertThat(pdf).isNotEmptyFile();
        assertThat(r.out()).contains("XLSX: ", "PDF: ", "SHA-256");
    }
}
