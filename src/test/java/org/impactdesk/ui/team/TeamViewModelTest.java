package org.impactdesk.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.service.team.FakeTeamReader;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.team.TeamViewModel.AssociationChoice;
import org.impactdesk.ui.team.TeamViewModel.Column;
import org.impactdesk.ui.team.TeamViewModel.StatusFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Team screen's ViewModel without the toolkit: same-thread tasks, an in-memory reader. */
class TeamViewModelTest {
    static final Actor KIM = new Actor("user-kim", "Kim Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    /** 10 April 2025 in Oslo: the last closed quarter is 2025 Q1, the last closed half 2024 H2. */
    static final Clock APRIL = Clock.fixed(Instant.parse("2025-04-10T08:00:00Z"), ZoneOffset.UTC);

    FakeTeamReader reader = FakeTeamReader.sample();
    List<String> opened = new ArrayList<>();
    ScriptedDialogs dialogs = new ScriptedDialogs();

    TeamViewModel viewModel(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(ViewLoader.BUNDLE, locale);
        return new TeamViewModel(new StoredTeamService(reader, APRIL), KIM, new SameThreadTaskRunner(), bundle, dialogs,
                (pm, year) -> opened.add(pm + " " + year));
    }

    static List<String> names(TeamViewModel vm) {
        return vm.rows().stream().map(TeamLine::name).toList();
    }

    static TeamLine line(TeamViewModel vm, String name) {
        return vm.rows().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void opensOnTheLastClosedQuarterWithTheTeamRowPinnedFirst() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();

        assertThat(vm.periodProperty().get()).isEqualTo(new Period.Quarter(2025, 1));
        assertThat(reader.asked).containsExactly("quarterly 2025 1");
        assertThat(vm.periods()).containsExactly(new Period.Quarter(2025, 1), new Period.Quarter(2024, 4),
                new Period.Half(2024, 2));
        assertThat(vm.periods()).extracting(vm::periodText).containsExactly("Q1 2025", "Q4 2024", "H2 2024");
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.", "Jonas Prøvesen",
                "Mira Eksempel", "Sofie Demo");
        assertThat(vm.rows().get(0).isTeam()).isTrue();
        assertThat(vm.text(Column.NAME, vm.rows().get(0))).isEqualTo("Team of Kim Koordinator");
        assertThat(vm.summaryProperty().get()).isEqualTo("Showing 4 of 4 peer mentors · 2 underactive · 2 overloaded");
        assertThat(vm.associations()).extracting(vm::associationText)
                .containsExactly("All local associations", "Nordby", "Sørby");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void filteringToUnderactiveKeepsOnlyUnderactiveMentorsBelowThePinnedTeamRow() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        vm.statusFilterProperty().set(StatusFilter.UNDERACTIVE);

        assertThat(names(vm)).containsExactly("Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.", "Sofie Demo");
        assertThat(vm.rows().stream().filter(l -> !l.isTeam()))
                .allMatch(l -> l.status() == org.impactdesk.domain.OutlierStatus.UNDERACTIVE);
        assertThat(vm.summaryProperty().get()).startsWith("Showing 2 of 4 peer mentors");

        vm.statusFilterProperty().set(StatusFilter.OVERLOADED);
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Jonas Prøvesen", "Mira Eksempel");
        vm.statusFilterProperty().set(StatusFilter.NORMAL);
        assertThat(names(vm)).containsExactly("Kim Koordinator");
        assertThat(vm.placeholderProperty().get()).isEqualTo("No peer mentors match the filter.");
    }

    @Test
    void searchFiltersAsYouTypeWithoutAskingTheStoreAgain() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        vm.searchProperty().set("m");
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Mira Eksempel", "Sofie Demo");
        vm.searchProperty().set("mi");
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Mira Eksempel");
        vm.searchProperty().set("  PRØV ");
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Jonas Prøvesen");
        vm.searchProperty().set("");
        assertThat(names(vm)).hasSize(5);
        assertThat(reader.asked).as("one read for the period, none per keystroke").hasSize(1);
    }

    @Test
    void theAssociationFilterKeepsMembersOfThatAssociation() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        vm.associationProperty().set(vm.associations().get(1)); // Nordby
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Jonas Prøvesen", "Mira Eksempel");
        vm.statusFilterProperty().set(StatusFilter.UNDERACTIVE);
        assertThat(names(vm)).containsExactly("Kim Koordinator");
        vm.show(StatusFilter.OVERLOADED);
        assertThat(vm.associationProperty().get()).isEqualTo(AssociationChoice.ALL);
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Jonas Prøvesen", "Mira Eksempel");
    }

    @Test
    void missingPriorDataIsBlankNotZeroAndNumbersFollowTheLocale() {
        TeamViewModel en = viewModel(Locale.ENGLISH);
        en.start();
        TeamLine sofie = line(en, "Sofie Demo");
        for (Column c : List.of(Column.YOY_SESSIONS, Column.YOY_HOURS, Column.YOY_PERCENT, Column.PRIOR_SESSIONS,
                Column.PRIOR_HOURS)) {
            assertThat(en.text(c, sofie)).as(c.name()).isEmpty();
        }
        TeamLine jonas = line(en, "Jonas Prøvesen");
        assertThat(en.text(Column.SESSIONS, jonas)).isEqualTo("1,234");
        assertThat(en.text(Column.HOURS, jonas)).isEqualTo("1,234.5");
        assertThat(en.text(Column.YOY_SESSIONS, jonas)).isEqualTo("+6");
        assertThat(en.text(Column.YOY_PERCENT, jonas)).as("prior 0: no percentage").isEmpty();
        assertThat(en.text(Column.PRIOR_SESSIONS, jonas)).as("a real 0 stays 0").isEqualTo("0");
        assertThat(en.text(Column.PRIOR_HOURS, jonas)).isEqualTo("0");
        TeamLine ase = line(en, "Åse \"Lille\" Berg, Kvist; jr.");
        assertThat(en.text(Column.YOY_HOURS, ase)).isEqualTo("-2.5");
        assertThat(en.text(Column.YOY_PERCENT, line(en, "Mira Eksempel"))).isEqualTo("+125%");
        assertThat(en.text(Column.STATUS, ase)).isEqualTo("Underactive");
        assertThat(en.text(Column.UNDERACTIVE_THRESHOLD, ase)).isEqualTo("4");
        assertThat(en.text(Column.OVERLOADED_THRESHOLD, en.rows().get(0))).isEqualTo("16");

        TeamViewModel nb = viewModel(Locale.forLanguageTag("nb"));
        nb.start();
        assertThat(nb.text(Column.YOY_SESSIONS, line(nb, "Sofie Demo"))).isEmpty();
        assertThat(nb.text(Column.SESSIONS, line(nb, "Jonas Prøvesen"))).isEqualTo("1\u00a0234");
        assertThat(nb.text(Column.HOURS, line(nb, "Jonas Prøvesen"))).isEqualTo("1\u00a0234,5");
        assertThat(nb.text(Column.YOY_HOURS, line(nb, "Åse \"Lille\" Berg, Kvist; jr."))).isEqualTo("\u22122,5");
        assertThat(nb.text(Column.YOY_PERCENT, line(nb, "Mira Eksempel"))).isEqualTo("+125\u00a0%");
        assertThat(nb.text(Column.STATUS, line(nb, "Sofie Demo"))).isEqualTo("Lite aktiv");
        assertThat(nb.periodText(new Period.Half(2024, 2))).isEqualTo("2. halvår 2024");
        // Norwegian collation: Å after Z
        assertThat(names(nb)).containsExactly("Kim Koordinator", "Jonas Prøvesen", "Mira Eksempel", "Sofie Demo",
                "Åse \"Lille\" Berg, Kvist; jr.");
    }

    @Test
    void noChangeIsAPlainZeroAndOnlyRealChangesCarryASign() {
        TeamFormat en = new TeamFormat(ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH));
        assertThat(en.countDelta(0)).isEqualTo("0");
        assertThat(en.hoursDelta(new java.math.BigDecimal("0.00"))).isEqualTo("0");
        assertThat(en.percentDelta(new java.math.BigDecimal("0.00"))).isEqualTo("0%");
        assertThat(en.countDelta(12345)).isEqualTo("+12,345");
        assertThat(en.countDelta(null)).isEmpty();
        assertThat(en.csvNumber(new java.math.BigDecimal("-1234.50"))).isEqualTo("-1234.50");
        TeamFormat nb = new TeamFormat(ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.forLanguageTag("nb")));
        assertThat(nb.countDelta(-12345)).isEqualTo("\u221212\u00a0345");
        assertThat(nb.csvNumber(new java.math.BigDecimal("-1234.50"))).isEqualTo("-1234,50");
        assertThat(nb.csvNumber(null)).isEmpty();
    }

    @Test
    void sortingByAColumnKeepsTheTeamRowFirstAndBlanksFirstAscending() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        vm.orderProperty().set(vm.comparator(Column.SESSIONS, false));
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Jonas Prøvesen", "Mira Eksempel", "Sofie Demo",
                "Åse \"Lille\" Berg, Kvist; jr.");
        vm.orderProperty().set(vm.comparator(Column.YOY_PERCENT, true));
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Jonas Prøvesen", "Sofie Demo",
                "Åse \"Lille\" Berg, Kvist; jr.", "Mira Eksempel");
        vm.orderProperty().set(vm.comparator(Column.STATUS, false));
        assertThat(names(vm).subList(0, 3)).containsExactly("Kim Koordinator", "Jonas Prøvesen", "Mira Eksempel");
        vm.orderProperty().set(null);
        assertThat(names(vm).get(1)).isEqualTo("Åse \"Lille\" Berg, Kvist; jr.");
    }

    static final String EN_HEADER = "Row,Name,Local associations,Sessions,Hours,Change in sessions from last year,"
            + "Change in hours from last year,Change in sessions from last year (%),Sessions last year,Hours last year,"
            + "Status,Underactive below (sessions),Overloaded above (sessions)\r\n";

    @Test
    void exportsWhatIsShownAsEnglishCsvWithBomCommaAndPoint(@TempDir Path dir) throws Exception {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        String expected = "\uFEFF" + EN_HEADER
                + "Team,Kim Koordinator,Sørby,6,5.25,5,3.75,500.00,1,1.50,Underactive,8,16\r\n"
                + "Peer mentor,\"Åse \"\"Lille\"\" Berg, Kvist; jr.\",Sørby,0,0.00,-3,-2.50,-100.00,3,2.50,Underactive,4,8\r\n"
                + "Peer mentor,Jonas Prøvesen,Nordby,1234,1234.50,6,5.17,,0,0.00,Overloaded,4,8\r\n"
                + "Peer mentor,Mira Eksempel,\"Nordby, Sørby\",9,7.83,5,4.00,125.00,4,3.83,Overloaded,4,8\r\n"
                + "Peer mentor,Sofie Demo,Sørby,2,1.08,,,,,,Underactive,4,8\r\n";
        byte[] bytes = csv(vm);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(bytes).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));

        dialogs.saveAs = dir.resolve("team.csv");
        vm.export();
        assertThat(dialogs.suggestedName).isEqualTo("team-2025-Q1.csv");
        assertThat(Files.readAllBytes(dialogs.saveAs)).isEqualTo(bytes);
        assertThat(vm.messageProperty().get()).isEqualTo("Exported 5 rows to team.csv.");
    }

    @Test
    void exportsTheFilteredSortedRowsAsNorwegianCsvWithSemicolonAndDecimalComma(@TempDir Path dir) throws Exception {
        TeamViewModel vm = viewModel(Locale.forLanguageTag("nb"));
        vm.start();
        String all = new String(csv(vm), StandardCharsets.UTF_8);
        assertThat(all).contains("\r\nLikeperson;Mira Eksempel;Nordby, Sørby;9;7,83;5;4,00;125,00;4;3,83;Overbelastet;4;8\r\n");

        vm.statusFilterProperty().set(StatusFilter.UNDERACTIVE);
        vm.orderProperty().set(vm.comparator(Column.SESSIONS, false));
        String expected = "\uFEFF"
                + "Rad;Navn;Lokallag;Økter;Timer;Endring i økter fra i fjor;Endring i timer fra i fjor;"
                + "Endring i økter fra i fjor (%);Økter i fjor;Timer i fjor;Status;Lite aktiv under (økter);"
                + "Overbelastet over (økter)\r\n"
                + "Team;Kim Koordinator;Sørby;6;5,25;5;3,75;500,00;1;1,50;Lite aktiv;8;16\r\n"
                + "Likeperson;Sofie Demo;Sørby;2;1,08;;;;;;Lite aktiv;4;8\r\n"
                + "Likeperson;\"Åse \"\"Lille\"\" Berg, Kvist; jr.\";Sørby;0;0,00;-3;-2,50;-100,00;3;2,50;Lite aktiv;4;8\r\n";
        byte[] bytes = csv(vm);
        assertThat(bytes).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));

        dialogs.saveAs = dir.resolve("team-nb.csv");
        vm.export();
        assertThat(Files.readAllBytes(dialogs.saveAs)).isEqualTo(bytes);
        assertThat(vm.messageProperty().get()).isEqualTo("Eksporterte 3 rader til team-nb.csv.");
    }

    @Test
    void aNameASpreadsheetWouldRunAsAFormulaIsExportedAsText() throws Exception {
        reader.mentors.clear();
        reader.teams.clear();
        reader.mentors.add(new org.impactdesk.domain.StoredLine("pm-6", "user-x", null, "=HYPERLINK(\"http://x\")", 5,
                new java.math.BigDecimal("-0.00"), -2, new java.math.BigDecimal("-1.50"), null, 7, null, "normal", 4, 8));
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        String csv = new String(csv(vm), StandardCharsets.UTF_8);
        assertThat(csv).endsWith("\r\nPeer mentor,\"'=HYPERLINK(\"\"http://x\"\")\",,5,0.00,-2,-1.50,,7,,Normal,4,8\r\n");
    }

    @Test
    void exportCancelledInTheDialogWritesNothing() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        vm.export();
        assertThat(dialogs.suggestedName).isEqualTo("team-2025-Q1.csv");
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aPlainFirstVisitStartsTheScreenAndLaterPlainVisitsKeepWhatIsShown() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.visit(null, null);
        assertThat(reader.asked).containsExactly("quarterly 2025 1");
        vm.statusFilterProperty().set(StatusFilter.OVERLOADED);

        vm.visit(null, null);
        assertThat(reader.asked).as("nothing read again").containsExactly("quarterly 2025 1");
        assertThat(vm.statusFilterProperty().get()).isEqualTo(StatusFilter.OVERLOADED);

        vm.visit(new Period.Quarter(2024, 4), null);
        assertThat(reader.asked).containsExactly("quarterly 2025 1", "quarterly 2024 4");
        assertThat(vm.statusFilterProperty().get()).as("a tile's period without a filter shows all").isEqualTo(StatusFilter.ALL);
    }

    @Test
    void anInitialStatusFilterFromHomeStartsTheScreenFiltered() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.show(StatusFilter.UNDERACTIVE);
        assertThat(vm.statusFilterProperty().get()).isEqualTo(StatusFilter.UNDERACTIVE);
        assertThat(names(vm)).containsExactly("Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.", "Sofie Demo");

        TeamViewModel other = viewModel(Locale.ENGLISH);
        other.show(new Period.Half(2024, 2), StatusFilter.OVERLOADED);
        assertThat(other.periodProperty().get()).isEqualTo(new Period.Half(2024, 2));
        assertThat(reader.asked).endsWith("half_year 2024 2");
        assertThat(names(other)).containsExactly("Kim Koordinator", "Jonas Prøvesen", "Mira Eksempel");
    }

    @Test
    void pickingAnotherPeriodReadsItAndOpeningAMentorHandsTheShellTheMentorAndYear() {
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        vm.periodProperty().set(new Period.Quarter(2024, 4));
        assertThat(reader.asked).containsExactly("quarterly 2025 1", "quarterly 2024 4");

        vm.selectedProperty().set(vm.rows().get(0));
        assertThat(vm.canOpenProperty().get()).as("the team row is not a mentor").isFalse();
        vm.openSelected();
        assertThat(opened).isEmpty();
        vm.selectedProperty().set(line(vm, "Mira Eksempel"));
        assertThat(vm.canOpenProperty().get()).isTrue();
        vm.openSelected();
        assertThat(opened).containsExactly("pm-1 2024");
    }

    @Test
    void aFailedLoadSaysWhatWentWrong() {
        reader.failure = new IllegalStateException("database closed");
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        assertThat(vm.errorProperty().get()).isEqualTo("Could not load the team table: database closed");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.canExportProperty().get()).isFalse();
    }

    @Test
    void anEmptyPeriodSaysSo() {
        reader.mentors.clear();
        reader.teams.clear();
        TeamViewModel vm = viewModel(Locale.ENGLISH);
        vm.start();
        assertThat(vm.placeholderProperty().get()).startsWith("No summaries are stored for Q1 2025.");
        assertThat(vm.canExportProperty().get()).isFalse();
    }

    static byte[] csv(TeamViewModel vm) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vm.writeCsv(out);
        return out.toByteArray();
    }

    @Test
    void mentorsOfTheSameNameInTheSameAssociationShowTheirIdAndNorwegianSortsÅLast() {
        reader.mentors.add(new org.impactdesk.domain.StoredLine("pm-5", "user-jonas-2", null, "Jonas Prøvesen", 3,
                new java.math.BigDecimal("2.00"), null, null, null, null, null, "normal", 4, 8));
        reader.mentors.add(new org.impactdesk.domain.StoredLine("pm-6", "user-jonas-3", null, "Jonas Prøvesen", 5,
                new java.math.BigDecimal("4.00"), null, null, null, null, null, "normal", 4, 8));
        reader.memberships.add(new org.impactdesk.domain.Membership("pm-5", "la-1", "Nordby"));
        reader.memberships.add(new org.impactdesk.domain.Membership("pm-6", "la-2", "Sørby"));
        TeamViewModel vm = viewModel(Locale.forLanguageTag("nb"));
        vm.start();

        List<String> shown = vm.rows().stream().filter(l -> !l.isTeam()).map(l -> vm.text(Column.NAME, l)).toList();
        // Jonas in Nordby twice (pm-2, pm-5): the id; the one in Sørby is apart by the association column
        assertThat(shown).containsExactly("Jonas Prøvesen (pm-2)", "Jonas Prøvesen (pm-5)", "Jonas Prøvesen",
                "Mira Eksempel", "Sofie Demo", "Åse \"Lille\" Berg, Kvist; jr.");
        assertThat(vm.rows().stream().filter(l -> !l.isTeam()).map(TeamLine::associationNames).toList().subList(0, 3))
                .containsExactly("Nordby", "Nordby", "Sørby");
    }
}
