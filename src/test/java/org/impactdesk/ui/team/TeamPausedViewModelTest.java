package org.impactdesk.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.service.team.FakeTeamReader;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.team.TeamViewModel.Column;
import org.impactdesk.ui.team.TeamViewModel.StatusFilter;
import org.junit.jupiter.api.Test;

/** Paused is not underactive: Sofie (stored underactive) has a paused profile. */
class TeamPausedViewModelTest {
    final FakeTeamReader reader = FakeTeamReader.sample();

    TeamPausedViewModelTest() {
        reader.standings.add(new MentorStanding("pm-3", "paused", LocalDate.of(2023, 5, 2)));
        reader.standings.add(new MentorStanding("pm-1", "active", LocalDate.of(2022, 1, 15)));
    }

    TeamViewModel vm(Locale locale) {
        TeamViewModel vm = new TeamViewModel(new StoredTeamService(reader, TeamViewModelTest.APRIL), TeamViewModelTest.KIM,
                new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new ScriptedDialogs(),
                (pm, year) -> { });
        vm.start();
        return vm;
    }

    @Test
    void aPausedMentorShowsPausedInsteadOfTheStoredOutlierBadgeWhichStaysAsStored() {
        TeamViewModel vm = vm(Locale.ENGLISH);
        TeamLine sofie = TeamViewModelTest.line(vm, "Sofie Demo");

        assertThat(sofie.paused()).isTrue();
        assertThat(sofie.status()).as("the stored outlier_status is kept").isEqualTo(OutlierStatus.UNDERACTIVE);
        assertThat(sofie.flagged()).isFalse();
        assertThat(sofie.startedOn()).isEqualTo(LocalDate.of(2023, 5, 2));
        assertThat(vm.text(Column.STATUS, sofie)).isEqualTo("Paused");
        assertThat(TeamViewModel.badge(sofie)).isEqualTo(TeamViewModel.Badge.PAUSED);
        TeamLine mira = TeamViewModelTest.line(vm, "Mira Eksempel");
        assertThat(vm.text(Column.STATUS, mira)).isEqualTo("Overloaded");
        assertThat(TeamViewModelTest.line(vm, "Jonas Prøvesen").paused()).as("no profile status read: active").isFalse();

        assertThat(vm(Locale.forLanguageTag("nb-NO")).text(Column.STATUS, sofie)).isEqualTo("Pause");
    }

    @Test
    void theUnderactiveFilterAndCountLeaveThePausedMentorOut() {
        TeamViewModel vm = vm(Locale.ENGLISH);
        assertThat(vm.summaryProperty().get())
                .isEqualTo("Showing 4 of 4 peer mentors · 1 underactive · 2 overloaded · 1 paused (not counted as an outlier)");

        vm.statusFilterProperty().set(StatusFilter.UNDERACTIVE);
        assertThat(TeamViewModelTest.names(vm)).containsExactly("Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.");
        vm.statusFilterProperty().set(StatusFilter.PAUSED);
        assertThat(TeamViewModelTest.names(vm)).containsExactly("Kim Koordinator", "Sofie Demo");
        vm.statusFilterProperty().set(StatusFilter.NORMAL);
        assertThat(TeamViewModelTest.names(vm)).containsExactly("Kim Koordinator");
        assertThat(vm.statusText(StatusFilter.PAUSED)).isEqualTo("Paused");
    }

    @Test
    void sortingByStatusPutsPausedAfterTheOutlierStatuses() {
        TeamViewModel vm = vm(Locale.ENGLISH);
        vm.orderProperty().set(vm.comparator(Column.STATUS, true).thenComparing(TeamLine::name));
        assertThat(TeamViewModelTest.names(vm)).containsExactly("Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.",
                "Jonas Prøvesen", "Mira Eksempel", "Sofie Demo");
    }

    @Test
    void theCsvSaysPausedToo() throws Exception {
        TeamViewModel vm = vm(Locale.ENGLISH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vm.writeCsv(out);
        String sofie = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("Sofie Demo")).findFirst()
                .orElseThrow();
        assertThat(sofie).contains(",Paused,").doesNotContain("Underactive");
    }

    @Test
    void homesListsOpenTeamLimitedToTheirMentorsUntilTheChipIsPressed() {
        TeamViewModel vm = vm(Locale.ENGLISH);
        vm.showOnly(new org.impactdesk.domain.Period.Quarter(2025, 1),
                new TeamViewModel.MentorSet("Newly underactive", java.util.Set.of("pm-3", "pm-4")));
        assertThat(TeamViewModelTest.names(vm)).containsExactly("Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.", "Sofie Demo");
        assertThat(vm.onlyText()).isEqualTo("Only: Newly underactive (2) · show everyone");
        vm.show(StatusFilter.ALL);
        assertThat(vm.onlyProperty().get()).isNull();
        assertThat(TeamViewModelTest.names(vm)).hasSize(5);
    }
}
