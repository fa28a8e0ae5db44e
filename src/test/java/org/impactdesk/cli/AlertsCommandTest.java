package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.impactdesk.access.Actor;
import org.impactdesk.service.Services;
import org.impactdesk.service.alerts.FailedGenerations;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3 through the command line: {@code show alerts [--json]} prints the failed
 * summary generations in an admin's scope (open alerts, then failures waiting for a retry) and
 * refuses coordinators (exit 3); {@code generate --retry-due} regenerates the failed summaries
 * whose retry is due and leaves the others. The worked example, generated for 2025, with pm-1's
 * annual summary failed four times (its alert open) and pm-2's failed once, its retry due a
 * minute ago (the commands run on the real clock).
 */
@MigratedH2
class AlertsCommandTest {
    Path db;

    @BeforeEach
    void load(FreshDatabases fresh) {
        db = fresh.file("alerts-db", d -> {
            ExampleBundleFixture.load(d);
            new Services(d).generation.generate(GenerationRequest.of(2025, GenerationRequest.Selection.ANNUAL, null),
                    Actor.localOperator());
            FailedGenerations.mark(d, Instant.now());
        });
    }

    CliRun.Result cli(String... args) {
        return CliRun.onDatabase(db, args);
    }

    @Test
    void showAlertsListsTheAdminsFailuresAndRetryDueRegeneratesTheDueOnesOnly() {
        CliRun.Result shown = cli("show", "alerts", "--json");
        assertThat(shown.code()).as(shown.err()).isEqualTo(ExitCode.DONE);
        JsonNode rows = shown.json();
        assertThat(rows).hasSize(2);
        JsonNode alert = rows.get(0);
        assertThat(alert.get("state").asText()).isEqualTo("alert");
        assertThat(alert.get("alert_id").isNumber()).isTrue();
        assertThat(alert.get("peer_mentor_id").asText()).isEqualTo("pm-1");
        assertThat(alert.get("mentor_name").asText()).isEqualTo("Mira Eksempel");
        assertThat(alert.get("organisation_id").asText()).isEqualTo("org-1");
        assertThat(alert.get("summary").asText()).isEqualTo("annual");
        assertThat(alert.get("period").asText()).isEqualTo("2025");
        assertThat(alert.get("error").asText()).contains("disk on fire");
        assertThat(alert.get("attempts").asInt()).isEqualTo(4);
        assertThat(alert.get("next_retry_at").isNull()).isTrue();
        JsonNode retrying = rows.get(1);
        assertThat(retrying.get("state").asText()).isEqualTo("retrying");
        assertThat(retrying.get("alert_id").isNull()).isTrue();
        assertThat(retrying.get("peer_mentor_id").asText()).isEqualTo("pm-2");
        assertThat(retrying.get("attempts").asInt()).isOne();
        assertThat(Instant.parse(retrying.get("next_retry_at").asText())).isBefore(Instant.now());
        // the organisation's admin sees the same; the plain text names the same rows
        assertThat(cli("--as", "user-ada", "show", "alerts", "--json").json()).isEqualTo(rows);
        assertThat(cli("show", "alerts").out()).contains("peer_mentor_id: pm-1").contains("state: retrying");

        CliRun.Result retried = cli("generate", "--retry-due", "--json");
        assertThat(retried.code()).as(retried.err()).isEqualTo(ExitCode.DONE);
        JsonNode r = retried.json();
        assertThat(r.get("runs").asInt()).isOne();
        assertThat(r.get("summaries_due").asInt()).isOne();
        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("open_alerts").asInt()).isOne();
        assertThat(r.get("retrying").asInt()).isZero();
        assertThat(r.get("next_retry_at").isNull()).isTrue();
        assertThat(cli("show", "annual", "--mentor", "pm-2", "--year", "2025", "--json").json().get("status").asText())
                .isEqualTo("ready");
        // pm-1's alert is not due: untouched, still listed
        assertThat(cli("show", "annual", "--mentor", "pm-1", "--year", "2025", "--json").json().get("status").asText())
                .isEqualTo("failed");
        assertThat(cli("show", "alerts", "--json").json()).singleElement()
                .satisfies(a -> assertThat(a.get("peer_mentor_id").asText()).isEqualTo("pm-1"));
        // nothing due any more: a second scheduled run does nothing
        CliRun.Result again = cli("generate", "--retry-due");
        assertThat(again.code()).isEqualTo(ExitCode.DONE);
        assertThat(again.out()).contains("Retried 0 due failed summaries in 0 generation runs").contains("1 open alerts");
    }

    @Test
    void coordinatorsAreRefusedAndRetryDueTakesOnlyYearAndOrg() {
        CliRun.Result coord = cli("--as", "user-kim", "show", "alerts", "--json");
        assertThat(coord.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(coord.json().get("error").asText()).contains("Only an administrator");
        assertThat(cli("--as", "user-mira", "generate", "--retry-due").code()).isEqualTo(ExitCode.REFUSED);
        CliRun.Result period = cli("generate", "--retry-due", "--period", "annual");
        assertThat(period.code()).isEqualTo(ExitCode.USAGE);
        assertThat(period.err()).contains("--retry-due takes only --year and --org");
        CliRun.Result noYear = cli("generate");
        assertThat(noYear.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noYear.err()).contains("generate needs --year");
        // another year: pm-2's due 2025 retry is not this run's
        CliRun.Result otherYear = cli("generate", "--retry-due", "--year", "2024", "--json");
        assertThat(otherYear.code()).as(otherYear.err()).isEqualTo(ExitCode.DONE);
        assertThat(otherYear.json().get("runs").asInt()).isZero();
        assertThat(otherYear.json().get("retrying").asInt()).isOne();
    }
}
