package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.impactdesk.service.mentor.MentorFixture;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8 through {@code show}: coordinator Kim (scope la-1: Mira) is also peer mentor
 * pm-kim of la-2, outside that scope. {@code --as user-kim show} prints Kim's own rows; Ola's rows
 * in la-2 stay outside the scope (exit 4, as for a row that does not exist).
 */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class ShowOwnSummariesCommandTest {
    static Path db;

    @BeforeAll
    static void load(FreshDatabases fresh) {
        db = fresh.file("kim-db", d -> {
            MentorFixture.write(d);
            MentorFixture.coordinatorAlsoMentor(d);
        });
    }

    @Test
    void aCoordinatorShowsTheirOwnAnnualAndPeriodicRowsOutsideTheirScope() {
        CliRun.Result annual = CliRun.onDatabase(db, "--as", "user-kim", "show", "annual", "--mentor", "pm-kim",
                "--year", "2025", "--json");
        assertThat(annual.code()).as(annual.err()).isZero();
        assertThat(annual.json().get("peer_mentor_id").asText()).isEqualTo("pm-kim");
        assertThat(annual.json().get("user_id").asText()).isEqualTo("user-kim");

        CliRun.Result quarter = CliRun.onDatabase(db, "--as", "user-kim", "show", "periodic", "--mentor", "pm-kim",
                "--year", "2025", "--quarter", "1", "--json");
        assertThat(quarter.code()).as(quarter.err()).isZero();
        assertThat(quarter.json().get("total_sessions").asInt()).isEqualTo(4);
    }

    @Test
    void aCoordinatorsOwnWrappedWaitingForItsReleaseIsHiddenFromThemAsFromAnyPeerMentor(FreshDatabases fresh) {
        Path waiting = fresh.file("kim-waiting", d -> {
            MentorFixture.write(d);
            MentorFixture.coordinatorAlsoMentor(d);
            d.jdbi().useHandle(h -> h.execute("DELETE FROM annual_releases"));
        });
        CliRun.Result annual = CliRun.onDatabase(waiting, "--as", "user-kim", "show", "annual", "--mentor", "pm-kim",
                "--year", "2025", "--json");
        assertThat(annual.code()).as(annual.out()).isEqualTo(4);
        // the mentor in the coordinator's scope is not theirs: the coordinator sees it before its release
        CliRun.Result mira = CliRun.onDatabase(waiting, "--as", "user-kim", "show", "annual", "--mentor", "pm-1",
                "--year", "2025", "--json");
        assertThat(mira.code()).as(mira.err()).isZero();
    }

    @Test
    void theListOfTheYearHoldsTheOwnRowAndTheScopesButNotTheRestOfTheOwnAssociation() {
        CliRun.Result list = CliRun.onDatabase(db, "--as", "user-kim", "show", "annual", "--year", "2025", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.json().findValuesAsText("peer_mentor_id")).containsExactlyInAnyOrder("pm-1", "pm-kim");

        CliRun.Result ola = CliRun.onDatabase(db, "--as", "user-kim", "show", "annual", "--mentor", "pm-2",
                "--year", "2025", "--json");
        assertThat(ola.code()).isEqualTo(4);
    }
}
