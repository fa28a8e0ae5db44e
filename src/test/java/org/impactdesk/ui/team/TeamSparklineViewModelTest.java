package org.impactdesk.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.StoredPeriod;
import org.impactdesk.service.team.FakeTeamReader;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.ui.fx.HeldTaskRunner;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;

/** The sparklines' data: one read per period change, none per row, keystroke or selection. */
class TeamSparklineViewModelTest {
    final FakeTeamReader reader = FakeTeamReader.sample();
    final FakeFollowUpService followUps = new FakeFollowUpService();

    @Test
    void oneReadPerPeriodChangeAndTheMonthsInWords() {
        followUps.months.put("pm-3", new int[] {4, 2, 0, 1, 3, 5, 2, 0, 0, 1, 1, 0});
        reader.stored.add(new StoredPeriod("quarterly", 2024, 4, null));
        TeamViewModel team = new TeamViewModel(new StoredTeamService(reader, TeamViewModelTest.APRIL), TeamViewModelTest.KIM,
                new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH),
                new ScriptedDialogs(), (pm, year) -> { });
        TeamSidePanelViewModel panel = new TeamSidePanelViewModel(team, followUps, TeamViewModelTest.KIM,
                new SameThreadTaskRunner(), () -> followUps.today);
        team.start();
        assertThat(followUps.asked).filteredOn(a -> a.startsWith("months")).containsExactly("months 2025-Q1");

        team.searchProperty().set("so");
        team.statusFilterProperty().set(TeamViewModel.StatusFilter.UNDERACTIVE);
        team.selectedProperty().set(TeamViewModelTest.line(team, "Sofie Demo"));
        team.searchProperty().set("");
        team.statusFilterProperty().set(TeamViewModel.StatusFilter.ALL);
        for (var line : team.rows()) {
            panel.sparkline(line);
        }
        assertThat(followUps.asked).filteredOn(a -> a.startsWith("months")).as("no read per row or keystroke").hasSize(1);

        assertThat(panel.sparkline(TeamViewModelTest.line(team, "Sofie Demo"))).containsExactly(4, 2, 0, 1, 3, 5, 2, 0, 0, 1, 1, 0);
        assertThat(panel.sparkline(TeamViewModelTest.line(team, "Mira Eksempel"))).as("no month stored: zeros").containsOnly(0);
        assertThat(panel.sparkline(team.rows().get(0))).as("the team row has none").isNull();
        assertThat(panel.highlighted()).isEqualTo(3);
        assertThat(panel.trendProperty().get())
                .isEqualTo("Sessions by month, Apr 2024 to Mar 2025: 4, 2, 0, 1, 3, 5, 2, 0, 0, 1, 1, 0");

        team.periodProperty().set(new Period.Quarter(2024, 4));
        assertThat(followUps.asked).filteredOn(a -> a.startsWith("months")).containsExactly("months 2025-Q1", "months 2024-Q4");
        team.periodProperty().set(new Period.Half(2024, 2));
        assertThat(panel.highlighted()).isEqualTo(6);
    }

    @Test
    void theMonthsAndThePeriodsAreReadBesideTheTableNotAfterIt() {
        followUps.months.put("pm-3", new int[] {4, 2, 0, 1, 3, 5, 2, 0, 0, 1, 1, 0});
        HeldTaskRunner tasks = new HeldTaskRunner();
        TeamViewModel team = new TeamViewModel(new StoredTeamService(reader, TeamViewModelTest.APRIL), TeamViewModelTest.KIM,
                tasks, ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), new ScriptedDialogs(), (pm, year) -> { });
        TeamSidePanelViewModel panel = new TeamSidePanelViewModel(team, followUps, TeamViewModelTest.KIM, tasks,
                () -> followUps.today);

        // a visit from a Home tile: the period is known, so all three reads start at once
        team.show(new Period.Quarter(2025, 1), TeamViewModel.StatusFilter.ALL);
        assertThat(tasks.started()).containsExactlyInAnyOrder("team-periods", "team-start", "team-sparklines");
        tasks.landAll();
        assertThat(followUps.asked).filteredOn(a -> a.startsWith("months")).as("not read again when the table lands")
                .containsExactly("months 2025-Q1");
        assertThat(team.periodProperty().get()).isEqualTo(new Period.Quarter(2025, 1));
        assertThat(team.periods()).contains(new Period.Quarter(2025, 1), new Period.Half(2024, 2));
        assertThat(panel.sparkline(TeamViewModelTest.line(team, "Sofie Demo"))).containsExactly(4, 2, 0, 1, 3, 5, 2, 0, 0, 1, 1, 0);
    }

    @Test
    void onAPlainFirstVisitTheMonthsStartOnceTheDefaultPeriodIsKnownNotWhenTheTableLands() {
        HeldTaskRunner tasks = new HeldTaskRunner();
        TeamViewModel team = new TeamViewModel(new StoredTeamService(reader, TeamViewModelTest.APRIL), TeamViewModelTest.KIM,
                tasks, ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), new ScriptedDialogs(), (pm, year) -> { });
        new TeamSidePanelViewModel(team, followUps, TeamViewModelTest.KIM, tasks, () -> followUps.today);

        team.start();
        assertThat(tasks.started()).containsExactly("team-periods", "team-start");
        tasks.landAll();
        // the default period (read with the periods) landed before the table: the months were asked then, and only once
        assertThat(tasks.started()).containsSubsequence("team-periods", "team-sparklines", "team-follow-up-marks");
        assertThat(followUps.asked).filteredOn(a -> a.startsWith("months")).containsExactly("months 2025-Q1");
        assertThat(team.periodProperty().get()).isEqualTo(new Period.Quarter(2025, 1));
    }

    @Test
    void beforeAnyMonthIsStoredThePanelSaysTheNextGenerationFillsThem() {
        TeamViewModel team = new TeamViewModel(new StoredTeamService(reader, TeamViewModelTest.APRIL), TeamViewModelTest.KIM,
                new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH),
                new ScriptedDialogs(), (pm, year) -> { });
        TeamSidePanelViewModel panel = new TeamSidePanelViewModel(team, followUps, TeamViewModelTest.KIM,
                new SameThreadTaskRunner(), () -> followUps.today);
        team.start();
        team.selectedProperty().set(TeamViewModelTest.line(team, "Sofie Demo"));
        assertThat(panel.sparkline(TeamViewModelTest.line(team, "Sofie Demo"))).isNull();
        assertThat(panel.trendProperty().get()).isEqualTo("Sessions by month are stored by the next generation of summaries.");
    }
}
