package org.impactdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.App;
import org.impactdesk.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.ui.Formats;
import org.impactdesk.ui.SameThreadTaskRunner;
import org.impactdesk.ui.ViewLoader;
import org.impactdesk.ui.settings.SettingsViewModel.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings ViewModel without the toolkit, on the example database. */
class SettingsViewModelTest {
    static final Locale NB = Locale.forLanguageTag("nb-NO");
    @TempDir
    Path dir;
    Database db;
    App.Services services;

    @BeforeEach
    void open() {
        db = ExampleDatabase.create(dir);
        services = new App.Services(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    SettingsViewModel vm(org.impactdesk.access.Actor actor, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(ViewLoader.BUNDLE, locale);
        SettingsViewModel vm = new SettingsViewModel(services.settings, actor, new SameThreadTaskRunner(), bundle,
                new Formats(locale));
        vm.load();
        return vm;
    }

    @Test
    void loadsTheOrganisationInTheChosenLocale() {
        SettingsViewModel vm = vm(ExampleDatabase.ADA, NB);
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
        SettingsViewModel vm = vm(ExampleDatabase.ADA, Locale.ENGLISH);
        vm.valueProperty(Field.QUARTERLY_OVERLOADED).set("3");
        assertThat(vm.errorProperty(Field.QUARTERLY_OVERLOADED).get())
                .isEqualTo("Must be more than the underactive threshold (4)");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Fix the fields marked in red before saving.");
        assertThat(services.organizations.find("org-1").orElseThrow().quarterlyOverloadedSessions()).isEqualTo(8);

        // an empty underactive field means the default (3): 3 is still not above it
        vm.valueProperty(Field.QUARTERLY_UNDERACTIVE).set("");
        assertThat(vm.errorProperty(Field.QUARTERLY_OVERLOADED).get()).contains("(3)");
        vm.valueProperty(Field.QUARTERLY_OVERLOADED).set("12");
        assertThat(vm.errorProperty(Field.QUARTERLY_OVERLOADED).get()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void badNumbersAreExplainedBesideTheirField() {
        SettingsViewModel vm = vm(ExampleDatabase.ADA, NB);
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
        SettingsViewModel vm = vm(ExampleDatabase.ADA, NB);
        vm.valueProperty(Field.COST_SAVING_PER_CONTACT).set("1 500,50");      // plain space
        vm.valueProperty(Field.HOURLY_RATE).set("1\u00A0000");                // CLDR no-break space
        vm.valueProperty(Field.HALF_YEAR_OVERLOADED).set("90");
        vm.impactSummariesProperty().set(false);
        vm.newModuleProperty().set("certification-training");
        vm.addModule();
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.save();
        var saved = services.organizations.find("org-1").orElseThrow();
        assertThat(saved.costSavingPerContact()).isEqualByComparingTo("1500.50");
        assertThat(saved.hourlyRate()).isEqualByComparingTo("1000.00");
        assertThat(saved.halfYearOverloadedSessions()).isEqualTo(90);
        assertThat(saved.halfYearUnderactiveSessions()).isNull();
        assertThat(saved.impactSummaryEnabled()).isFalse();
        assertThat(services.organizations.enabledModules("org-1")).containsExactly("certification-training");
        assertThat(vm.messageProperty().get()).contains("lagret");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aModuleIdIsValidated() {
        SettingsViewModel vm = vm(ExampleDatabase.ADA, Locale.ENGLISH);
        vm.newModuleProperty().set("Bad Module");
        vm.addModule();
        assertThat(vm.newModuleErrorProperty().get()).contains("“Bad Module” is not a module id");
        assertThat(vm.modules()).isEmpty();
    }

    @Test
    void aCoordinatorGetsNoForm() {
        SettingsViewModel vm = vm(ExampleDatabase.KIM, Locale.ENGLISH);
        assertThat(vm.allowedProperty().get()).isFalse();
        assertThat(vm.organizations()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Only administrators can change settings.");
    }
}
