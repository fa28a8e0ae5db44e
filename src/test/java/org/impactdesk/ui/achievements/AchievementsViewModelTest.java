package org.impactdesk.ui.achievements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.achievement.AchievementFixture;
import org.impactdesk.achievement.StoredAchievementService;
import org.impactdesk.achievement.Problem.Field;
import org.impactdesk.achievement.Problem.Severity;
import org.impactdesk.store.AchievementDao;
import org.impactdesk.store.Database;
import org.impactdesk.ui.SameThreadTaskRunner;
import org.impactdesk.ui.ViewLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ViewModel without the toolkit: a same-thread task runner over a migrated H2 database. */
class AchievementsViewModelTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        AchievementFixture.write(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    AchievementsViewModel vm(org.impactdesk.access.Actor actor, Locale locale) {
        AchievementsViewModel vm = new AchievementsViewModel(new StoredAchievementService(db.jdbi(), Clock.systemUTC()), actor,
                new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, locale));
        vm.load();
        return vm;
    }

    void select(AchievementsViewModel vm, String key) {
        vm.list().select(vm.catalogProperty().get().badges().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow());
    }

    @Test
    void theCatalogIsGroupedByCategoryInSortOrder() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        assertThat(vm.list().tenants()).extracting(AchievementListViewModel.Tenant::label).containsExactly("Nordby Network");
        assertThat(vm.list().entries()).filteredOn(AchievementListViewModel.Entry::isHeader).extracting(AchievementListViewModel.Entry::title)
                .containsExactly("Getting started (1)", "Activities (4)", "Hours (3)", "People supported (3)", "Streaks (2)",
                        "Events (2)", "Year in review (1)");
        assertThat(vm.list().selectedProperty().get().key()).isEqualTo("first_activity");
        assertThat(vm.list().entries().get(1).detail()).isEqualTo("first_activity · Activities 1 · 10 points · platform");
    }

    @Test
    void aGlobalAdminChoosesTheTenant() {
        AchievementsViewModel vm = vm(AchievementFixture.GINA, Locale.ENGLISH);
        assertThat(vm.list().tenants()).extracting(AchievementListViewModel.Tenant::label)
                .containsExactly("Platform badges only", "Platform + Nordby Network", "Platform + Sørby Friends");
        assertThat(vm.form().readOnlyProperty().get()).isFalse();
        vm.form().newBadge();
        assertThat(vm.form().ownerProperty().get()).isEqualTo("Platform badge: every organisation");
        vm.list().tenantProperty().set(vm.list().tenants().get(2));
        vm.form().newBadge();
        assertThat(vm.form().ownerProperty().get()).isEqualTo("Badge of Sørby Friends");
    }

    @Test
    void liveValidationPerFieldErrorsBlockWarningsDoNot() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        vm.form().newBadge();
        assertThat(vm.form().canSaveProperty().get()).isFalse(); // empty key, name, description
        assertThat(vm.form().severityProperty(Field.KEY).get()).isEqualTo(Severity.ERROR);
        vm.form().keyProperty().set("visits");
        vm.form().nameProperty().set("Visits");
        vm.form().descriptionProperty().set("Visits.");
        assertThat(vm.form().canSaveProperty().get()).isTrue();
        vm.form().thresholdProperty().set("");
        assertThat(vm.form().messageProperty(Field.THRESHOLD).get()).isEqualTo("Error: a count trigger needs a threshold.");
        assertThat(vm.form().canSaveProperty().get()).isFalse();
        vm.form().thresholdProperty().set("3");
        vm.form().iconUrlProperty().set("ftp://x/y.png");
        assertThat(vm.form().severityProperty(Field.ICON_URL).get()).isEqualTo(Severity.WARNING);
        assertThat(vm.form().canSaveProperty().get()).isTrue();
        vm.form().pointsProperty().set("-2");
        assertThat(vm.form().messageProperty(Field.POINTS).get()).isEqualTo("Error: points cannot be negative.");
        vm.form().pointsProperty().set("2");
        vm.form().repeatableProperty().set(true);
        assertThat(vm.form().severityProperty(Field.REPEAT_PERIOD).get()).isEqualTo(Severity.ERROR);
        vm.form().repeatPeriodProperty().set(vm.form().repeatPeriods().get(4)); // monthly
        assertThat(vm.form().messageProperty(Field.REPEAT_PERIOD).get()).isEmpty();
        vm.form().repeatableProperty().set(false);
        assertThat(vm.form().repeatPeriodProperty().get().code()).isEmpty();
        vm.form().keyProperty().set("first_activity"); // only the platform has it: allowed in the organisation
        assertThat(vm.form().messageProperty(Field.KEY).get()).isEmpty();
        vm.form().save();
        assertThat(vm.statusProperty().get()).isEqualTo("Saved Visits; 1 award made.");
        vm.form().newBadge();
        vm.form().keyProperty().set("first_activity");
        assertThat(vm.form().messageProperty(Field.KEY).get()).isEqualTo("Error: this organisation already has a badge with key first_activity.");
    }

    @Test
    void messagesInNorwegian() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.forLanguageTag("nb"));
        vm.form().newBadge();
        vm.form().keyProperty().set("X y");
        assertThat(vm.form().messageProperty(Field.KEY).get()).startsWith("Feil: nøkkelen må ha 2-64 tegn");
        select(vm, "first_activity");
        assertThat(vm.form().readOnlyReasonProperty().get()).startsWith("Skrivebeskyttet: dette er et plattformmerke");
        assertThat(vm.awards().previewTextProperty().get()).isEqualTo("2 personer av 2 likepersoner du har tilgang til, ville fått det.");
    }

    @Test
    void platformBadgesAreReadOnlyForAnOrgAdminAndDuplicateIntoTheOrganisation() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        select(vm, "ten_hours");
        assertThat(vm.form().readOnlyProperty().get()).isTrue();
        assertThat(vm.form().canSaveProperty().get()).isFalse();
        assertThat(vm.list().canReorderProperty().get()).isFalse();
        vm.form().duplicate();
        assertThat(vm.form().readOnlyProperty().get()).isFalse();
        assertThat(vm.form().keyProperty().get()).isEqualTo("ten_hours_copy");
        assertThat(vm.form().nameProperty().get()).isEqualTo("10 hours (copy)");
        assertThat(vm.form().thresholdProperty().get()).isEqualTo("10");
        vm.form().save();
        assertThat(db.jdbi().onDemand(AchievementDao.class).forTenant("org-1"))
                .anyMatch(a -> a.key().equals("ten_hours_copy") && "org-1".equals(a.organizationId()));
        assertThat(vm.list().selectedProperty().get().key()).isEqualTo("ten_hours_copy");
        assertThat(vm.form().readOnlyProperty().get()).isFalse();
    }

    @Test
    void deactivateReactivateAndUndo() {
        AchievementsViewModel vm = vm(AchievementFixture.GINA, Locale.ENGLISH);
        select(vm, "three_day_streak");
        vm.form().toggleActive();
        assertThat(vm.list().selectedProperty().get().active()).isFalse();
        assertThat(vm.form().activeToggleTextProperty().get()).isEqualTo("Reactivate");
        assertThat(vm.awards().previewTextProperty().get()).startsWith("Inactive: not evaluated");
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo: deactivate three_day_streak");
        vm.undo();
        assertThat(vm.list().selectedProperty().get().active()).isTrue();
        assertThat(vm.lastChangeProperty().get()).isNull();
        vm.form().toggleActive();
        vm.form().toggleActive();
        assertThat(vm.statusProperty().get()).isEqualTo("Reactivated 3 days in a row; 2 awards made.");
    }

    @Test
    void moveUpAndDownWithinTheCategory() {
        AchievementsViewModel vm = vm(AchievementFixture.GINA, Locale.ENGLISH);
        select(vm, "ten_activities");
        vm.list().moveUp(); // already first: nothing
        assertThat(vm.lastChangeProperty().get()).isNull();
        vm.list().moveDown();
        assertThat(vm.list().entries()).filteredOn(e -> !e.isHeader() && e.category().equals("activities"))
                .extracting(e -> e.badge().key())
                .containsExactly("fifty_activities", "ten_activities", "hundred_activities", "monthly_regular");
        assertThat(vm.list().selectedProperty().get().key()).isEqualTo("ten_activities");
        vm.list().searchProperty().set("ten");
        assertThat(vm.list().canReorderProperty().get()).as("no reorder in a filtered list").isFalse();
    }

    @Test
    void manualAwardsFromTheEditor() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        vm.form().newBadge();
        vm.form().keyProperty().set("kind_words");
        vm.form().nameProperty().set("Kind words");
        vm.form().descriptionProperty().set("Thanked by a contact.");
        vm.form().triggerTypeProperty().set(vm.form().triggerTypes().stream().filter(c -> c.code().equals("manual")).findFirst().orElseThrow());
        assertThat(vm.form().messageProperty(Field.THRESHOLD).get()).startsWith("Warning:");
        vm.form().thresholdProperty().set("");
        assertThat(vm.awards().previewTextProperty().get()).startsWith("Manual badge");
        vm.form().save();
        assertThat(vm.awards().manualAwardShownProperty().get()).isTrue();
        assertThat(vm.awards().mentors()).extracting(m -> m.displayName()).containsExactly("Jonas Prøvesen", "Mira Eksempel");
        vm.awards().awardToProperty().set(vm.awards().mentors().get(1));
        vm.awards().award();
        assertThat(vm.statusProperty().get()).isEqualTo("Awarded Kind words to Mira Eksempel.");
        assertThat(vm.awards().awardsTextProperty().get()).isEqualTo("1 award in your scope.");
        vm.awards().award();
        assertThat(vm.errorProperty().get()).isEqualTo("Error: already awarded for this period.");
    }

    @Test
    void iconPreviewIsABundledAssetOrAPlaceholder() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        select(vm, "first_event");
        assertThat(vm.form().iconAssetProperty().get()).isEqualTo("/badges/first_event.png");
        vm.form().duplicate();
        vm.form().iconUrlProperty().set("https://cdn.example.org/x.png");
        assertThat(vm.form().iconAssetProperty().get()).isNull();
        assertThat(vm.form().iconNoteProperty().get()).startsWith("Web images are not loaded");
        assertThat(vm.form().iconInitialsProperty().get()).isEqualTo("FE");
        vm.form().iconUrlProperty().set("badges/nothing_here.png");
        assertThat(vm.form().iconNoteProperty().get()).isEqualTo("No bundled asset badges/nothing_here.png: a placeholder is shown.");
    }

    @Test
    void modulesTheBadgeNeedsAndWhoHasThem() {
        AchievementsViewModel vm = vm(AchievementFixture.GINA, Locale.ENGLISH);
        vm.form().newBadge();
        assertThat(vm.form().modulesTextProperty().get()).startsWith("No module needed");
        vm.form().requiresModuleProperty().set(AchievementFixture.MODULE);
        assertThat(vm.form().modulesTextProperty().get()).isEqualTo("Needs module achievements-gamification: enabled for Nordby Network.");
        vm.form().requiresModuleProperty().set("certification-training");
        assertThat(vm.form().modulesTextProperty().get()).startsWith("Needs module certification-training: no organisation has it enabled");
        assertThat(vm.form().severityProperty(Field.REQUIRES_MODULE).get()).isEqualTo(Severity.WARNING);
    }
}
