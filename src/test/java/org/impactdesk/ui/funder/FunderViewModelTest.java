package org.impactdesk.ui.funder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.junit.jupiter.api.Test;

/** The Funder report ViewModel against a fake service, without the toolkit. */
class FunderViewModelTest {
    static final Actor ADMIN = new Actor("u-admin", "Ada", "org-1", Set.of(Role.ORG_ADMIN), null);
    static final Actor COORDINATOR = new Actor("u-coord", "Kim", "org-2", Set.of(Role.COORDINATOR), null);
    final FakeFunderReportService service = new FakeFunderReportService();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final List<String> navigations = new ArrayList<>();

    FunderViewModel vm(Actor actor, Locale locale) {
        return new FunderViewModel(service, actor, new SameThreadTaskRunner(), dialogs,
                ResourceBundle.getBundle("i18n.messages", locale), new Formats(locale), 2026, () -> navigations.add("settings"));
    }

    @Test
    void theFirstVisitShowsLastYearOfTheUsersOrganisation() {
        FunderViewModel vm = vm(COORDINATOR, Locale.ENGLISH);
        vm.load();
        assertThat(vm.organizationProperty().get().id()).isEqualTo("org-2");
        assertThat(vm.yearTextProperty().get()).isEqualTo("2025");
        assertThat(service.calls).containsExactly("org-2 2025");
        assertThat(vm.figureRows()).extracting(FunderViewModel.FigureRow::name).containsExactly("Tromsø", "Total");
        assertThat(vm.figureRows().get(1).total()).isTrue();
        assertThat(vm.figureRows().get(1).figures().individualCount()).isEqualTo(1);
        assertThat(vm.statusProperty().get()).isEqualTo("Final: the year is closed. Your local associations only.");
        assertThat(vm.atRiskProperty().get()).isEmpty();
        assertThat(vm.canExportProperty().get()).isTrue();
        assertThat(vm.mayOpenSettingsProperty().get()).isFalse();
        vm.openSettings();
        assertThat(navigations).isEmpty();
    }

    @Test
    void aReasonOpensItsActivitiesWithoutContacts() {
        FunderViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.load();
        assertThat(vm.reasonRows()).extracting(FunderViewModel.ReasonRow::reason).containsExactly(FunderReason.values());
        // the first reason that can be acted on and has activities is open at once
        assertThat(vm.selectedReasonProperty().get()).isEqualTo(FunderReason.NOT_APPROVED);
        assertThat(vm.listTitleProperty().get()).isEqualTo("Not approved: 1 activity");
        vm.selectedReasonProperty().set(FunderReason.SAME_DAY_DUPLICATE);
        assertThat(vm.activityRows()).singleElement().satisfies(r -> {
            assertThat(r.mentor()).isEqualTo("Astrid Mentor");
            assertThat(r.type()).isEqualTo("Home visit");
            assertThat(r.reason()).isEqualTo("Same person the same day");
            assertThat(r.date()).isEqualTo(java.time.LocalDate.of(2025, 2, 3));
            assertThat(r.toString()).doesNotContain("c-1");
        });
        assertThat(vm.listTitleProperty().get()).isEqualTo("Same person the same day: 1 activity");
        assertThat(vm.warnings()).containsExactly(
                "The activity type “Knitting club” (knitting) has no funder category: its activities are not counted.");
        vm.openSettings();
        assertThat(navigations).containsExactly("settings");
    }

    @Test
    void theOpenYearIsAForecastWithTheActivitiesAtRisk() {
        FunderViewModel vm = vm(ADMIN, Locale.forLanguageTag("nb-NO"));
        vm.load();
        vm.yearTextProperty().set("2026");
        assertThat(service.calls).containsExactly("org-1 2025", "org-1 2026");
        assertThat(vm.statusProperty().get()).startsWith("Prognose: 2026 er ennå ikke avsluttet.");
        // a2 (same day), a3 (no category), a4 (pending): three can still be corrected
        assertThat(vm.atRiskProperty().get()).startsWith("I faresonen: 3 aktiviteter");
        assertThat(vm.warnings()).singleElement().asString().contains("«Strikkeklubb»");
    }

    @Test
    void aBadYearIsSaidBesideTheFieldAndLoadsNothing() {
        FunderViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.load();
        vm.yearTextProperty().set("20x5");
        assertThat(vm.yearErrorProperty().get()).isEqualTo("The year must be from 2000 to 2100, not “20x5”.");
        vm.yearTextProperty().set("1999");
        assertThat(vm.yearErrorProperty().get()).contains("1999");
        assertThat(service.calls).containsExactly("org-1 2025");
        vm.yearTextProperty().set("2024");
        assertThat(vm.yearErrorProperty().get()).isEmpty();
        assertThat(service.calls).containsExactly("org-1 2025", "org-1 2024");
    }

    @Test
    void aFailedLoadIsShownAndExportsAskWhereThenLog() {
        FunderViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.load();
        dialogs.saveAs = Path.of("/tmp/funder-test.xlsx");
        vm.exportXlsx();
        assertThat(service.exported).containsExactly(Path.of("/tmp/funder-test.xlsx"));
        assertThat(vm.messageProperty().get()).startsWith("Exported funder-test.xlsx (SHA-256 abababababab");
        dialogs.saveAs = null;
        vm.exportPdf();
        assertThat(service.exported).hasSize(1);
        assertThat(vm.suggestedFileName("pdf")).isEqualTo("funder-report-org-1-2025.pdf");

        service.fail = true;
        vm.reload();
        assertThat(vm.errorProperty().get()).isEqualTo("Could not make the funder report: not yours");
    }
}
