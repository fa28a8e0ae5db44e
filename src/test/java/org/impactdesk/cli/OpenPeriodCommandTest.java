package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1 through the command line (CLI.md): an {@code --as-of} after the organisation's
 * real today is a usage error, exit 2, saying why, and stores nothing. The command runs on the real
 * clock, so the dates are taken from it.
 */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class OpenPeriodCommandTest {
    static Path db;

    @BeforeAll
    static void load(FreshDatabases fresh) {
        db = fresh.file("open-period-db", ExampleBundleFixture::load);
    }

    /** Two days after today in Oslo: after the real today in every zone. */
    static LocalDate afterToday() {
        return LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(2);
    }

    @Test
    void anAsOfAfterTodayIsAUsageErrorThatSaysWhyAndStoresNothing() {
        int year = afterToday().minusDays(2).getYear();
        LocalDate nextNewYear = LocalDate.of(year + 1, 1, 1);
        LocalDate asOf = nextNewYear.isAfter(afterToday()) ? nextNewYear : afterToday();
        // the run, on 2026-12-07: generate --year 2026 --as-of 2027-01-01
        CliRun.Result r = CliRun.onDatabase(db, "generate", "--year", Integer.toString(year), "--as-of", asOf.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--as-of " + asOf).contains("lies after today").contains("closed by the real clock");
        CliRun.Result closedYear = CliRun.onDatabase(db, "generate", "--year", "2025", "--as-of", afterToday().toString(), "--json");
        assertThat(closedYear.code()).as(closedYear.err()).isEqualTo(ExitCode.USAGE);
        assertThat(closedYear.json().get("exit_code").asInt()).isEqualTo(ExitCode.USAGE);
        assertThat(closedYear.json().get("error").asText()).contains("lies after today");
        assertThat(CliRun.onDatabase(db, "show", "annual", "--mentor", "pm-1", "--year", Integer.toString(year), "--json").code())
                .isEqualTo(ExitCode.NOT_FOUND);
        assertThat(CliRun.onDatabase(db, "show", "annual", "--mentor", "pm-1", "--year", "2025", "--json").code())
                .as("nothing was generated").isEqualTo(ExitCode.NOT_FOUND);
    }
}
