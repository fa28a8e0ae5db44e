package org.impactdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.settings.SettingsViewModel.Field;
import org.impactdesk.ui.settings.SettingsViewModel.ModuleRow;
import org.junit.jupiter.api.Test;

/**
 * The Settings ViewModel without the toolkit or a database, over a {@link FakeSettingsService}
 * holding the example organisation. What saving writes and who may is {@code StoredSettingsServiceTest}'s.
 */
class SettingsViewModelTest {
    static final Locale NB = Locale.forLanguageTag("nb-NO");
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    static final Actor KIM = new Actor("user-kim", "Kim Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    static final Actor GINA = new Actor("user-gina", "Gina Global", null, Set.of(Role.GLOBAL_ADMIN), null);

    final FakeSettingsService service = new FakeSettingsService();

    SettingsViewModelTest() {
        // the example organisation: an hourly rate and quarterly thresholds of its own, the rest at the defaults
        service.add(new OrganizationSettings("org-1", "Example Peer Network (demo)", ZoneId.of("Europe/Oslo"),
                new BigDecimal("380.00"), null, null, null, 4, 8, null, null, true));
    }

    SettingsViewModel vm(Actor actor, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(ViewLoader.BUNDLE, locale);
        SettingsViewModel vm = new SettingsViewModel(service, actor, new SameThreadTaskRunner(), bundle,
                new Formats(locale));
        vm.load();
        return vm;
    }

    @Test
    void onATeamDatabaseShowsTheServerAndDatabaseNotAFileNamedNull() {
        service.database = org.impactdesk.domain.DatabaseLocation.ofServer("db.example.org:5432", "impactdesk", "anna");
        assertThat(vm(ADA, Locale.ENGLISH).databaseFileProperty().get())
                .isEqualTo("postgresql://anna@db.example.org:5432/impactdesk").doesNotContain("null");
    }

    @Test
    void loadsTheOrganisationInTheChosenLocale() {
        SettingsViewModel vm = vm(ADA, NB);
        assertThat(vm.selectedProperty().get().id()).isEqualTo("org-1");
        assertThat(vm.valueProperty(Field.HOURLY_RATE).get()).isEqualTo("380,00");
        assertThat(vm.valueProperty(Field.QUARTERLY_UNDERACTIVE).get()).isEqualTo("4");
        assertThat(vm.valueProperty(Field.QUARTERLY_OVERLOADED).get()).isEqualTo("8");
        assertThat(vm.valueProperty(Field.HALF_YEAR_UNDERACTIVE).get()).isEmpty();
        assertThat(vm.promptProperty(Field.HALF_YEAR_UNDERACTIVE).get()).isEqualTo("standard 6");
        assertThat(vm.promptProperty(Field.HOURLY_RATE).get()).isEqualTo("standard 450,00");
        assertThat(vm.databaseFileProperty().get()).endsWith("db.mv.db");
        assertThat(vm.canSaveProperty().get()).isFalse();
    }

    @Test
    void overloadedMustExceedUnderactiveAndBlocksSaving() {
        SettingsViewModel vm = vm(ADA, Locale.ENGLISH);
        vm.valueProperty(Field.QUARTERLY_OVERLOADED).set("3");
        assertThat(vm.errorProperty(Field.QUARTERLY_OVERLOADED).get())
                .isEqualTo("Must be more than the underactive threshold (4)");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Fix the fields marked in red before saving.");
        assertThat(service.saves).as("nothing reaches the service").isEmpty();

        // an empty underactive field means the default (3): 3 is still not above it
        vm.valueProperty(Field.QUARTERLY_UNDERACTIVE).set("");
        assertThat(vm.errorProperty(Field.QUARTERLY_OVERLOADED).get()).contains("(3)");
        vm.valueProperty(Field.QUARTERLY_OVERLOADED).set("12");
        assertThat(vm.errorProperty(Field.QUARTERLY_OVERLOADED).get()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void badNumbersAreExplainedBesideTheirField() {
        SettingsViewModel vm = vm(ADA, NB);
        vm.valueProperty(Field.HOURLY_RATE).set("12x");
        vm.valueProperty(Field.SOCIAL_VALUE_MULTIPLIER).set("-1");
        vm.valueProperty(Field.COST_SAVING_PER_CONTACT).set("1,234");
        vm.valueProperty(Field.CURRENCY).set("kr");
        vm.valueProperty(Field.HALF_YEAR_UNDERACTIVE).set("2,5");
        assertThat(vm.errorProperty(Field.HOURLY_RATE).get()).isEqualTo("«12x» er ikke et tall");
        assertThat(vm.errorProperty(Field.SOCIAL_VALUE_MULTIPLIER).get()).isEqualTo("Må være 0 eller mer");
        assertThat(vm.errorProperty(Field.COST_SAVING_PER_CONTACT).get()).isEqualTo("Høyst 2 desimaler");
        assertThat(vm.errorProperty(Field.CURRENCY).get()).contains("«kr»");
        assertThat(vm.errorProperty(Field.HALF_YEAR_UNDERACTIVE).get()).isEqualTo("«2,5» er ikke et heltall");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void savesValidSettingsTypedWithNorwegianGrouping() {
        SettingsViewModel vm = vm(ADA, NB);
        vm.valueProperty(Field.COST_SAVING_PER_CONTACT).set("1 500,50");      // plain space
        vm.valueProperty(Field.HOURLY_RATE).set("1\u00A0000");                // CLDR no-break space
        vm.valueProperty(Field.HALF_YEAR_OVERLOADED).set("90");
        vm.impactSummariesProperty().set(false);
        vm.newModuleProperty().set("certification-training");
        vm.addModule();
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.save();
        assertThat(service.saves).singleElement().satisfies(save -> {
            OrganizationSettings saved = save.settings();
            assertThat(saved.id()).isEqualTo("org-1");
            assertThat(saved.costSavingPerContact()).isEqualByComparingTo("1500.50");
            assertThat(saved.hourlyRate()).isEqualByComparingTo("1000.00");
            assertThat(saved.quarterlyUnderactiveSessions()).isEqualTo(4);
            assertThat(saved.halfYearOverloadedSessions()).isEqualTo(90);
            assertThat(saved.halfYearUnderactiveSessions()).isNull();
            assertThat(saved.currency()).isNull();
            assertThat(saved.impactSummaryEnabled()).isFalse();
            assertThat(save.modules()).containsExactly("certification-training");
        });
        assertThat(vm.messageProperty().get()).contains("lagret");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aRefusedSaveIsSaidAndKeepsTheEdits() {
        service.refuseSave = FakeSettingsService.refusal("org-1");
        SettingsViewModel vm = vm(ADA, Locale.ENGLISH);
        vm.valueProperty(Field.CURRENCY).set("EUR");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo(
                "Could not save or load the settings: Only an administrator of org-1 may change its settings.");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.valueProperty(Field.CURRENCY).get()).isEqualTo("EUR");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void knownModulesAreListedWithTheEnabledOnesTicked() {
        service.known.addAll(java.util.List.of("certification-training", "achievements-gamification"));
        service.enabled.put("org-1", new java.util.TreeSet<>(Set.of("achievements-gamification", "home-visits")));
        SettingsViewModel vm = vm(ADA, Locale.ENGLISH);
        assertThat(vm.modules()).extracting(ModuleRow::module)
                .containsExactly("achievements-gamification", "certification-training", "home-visits");
        assertThat(vm.enabledModules()).containsExactly("achievements-gamification", "home-visits");
        vm.modules().get(0).enabledProperty().set(false);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.enabledModules()).containsExactly("home-visits");
    }

    @Test
    void aGlobalAdminSwitchesBetweenOrganisations() {
        service.add(OrganizationSettings.defaults("org-2", "Sørby Friends"));
        SettingsViewModel vm = vm(GINA, Locale.ENGLISH);
        assertThat(vm.organizations()).extracting(SettingsViewModel.OrgChoice::id).containsExactly("org-1", "org-2");
        assertThat(vm.valueProperty(Field.HOURLY_RATE).get()).isEqualTo("380.00");
        vm.selectedProperty().set(vm.organizations().get(1));
        assertThat(vm.valueProperty(Field.HOURLY_RATE).get()).isEmpty();
        assertThat(vm.valueProperty(Field.QUARTERLY_UNDERACTIVE).get()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aModuleIdIsValidated() {
        SettingsViewModel vm = vm(ADA, Locale.ENGLISH);
        vm.newModuleProperty().set("Bad Module");
        vm.addModule();
        assertThat(vm.newModuleErrorProperty().get()).contains("“Bad Module” is not a module id");
        assertThat(vm.modules()).isEmpty();
    }

    @Test
    void aCoordinatorGetsNoForm() {
        SettingsViewModel vm = vm(KIM, Locale.ENGLISH);
        assertThat(vm.allowedProperty().get()).isFalse();
        assertThat(vm.organizations()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Only administrators can change settings.");
    }
}
