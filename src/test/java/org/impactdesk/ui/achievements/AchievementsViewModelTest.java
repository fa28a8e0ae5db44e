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
        vm.select(vm.catalogProperty().get().badges().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow());
    }

    @Test
    void theCatalogIsGroupedByCategoryInSortOrder() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        assertThat(vm.tenants()).extracting(AchievementsViewModel.Tenant::label).containsExactly("Nordby Network");
        assertThat(vm.entries()).filteredOn(AchievementsViewModel.Entry::isHeader).extracting(AchievementsViewModel.Entry::title)
                .containsExactly("Getting started (1)", "Activities (4)", "Hours (3)", "People supported (3)", "Streaks (2)",
                        "Events (2)", "Year in review (1)");
        assertThat(vm.selectedProperty().get().key()).isEqualTo("first_activity");
        assertThat(vm.entries().get(1).detail()).isEqualTo("first_activity · Activities 1 · 10 points · platform");
    }

    @Test
    void aGlobalAdminChoosesTheTenant() {
        AchievementsViewModel vm = vm(AchievementFixture.GINA, Locale.ENGLISH);
        assertThat(vm.tenants()).extracting(AchievementsViewModel.Tenant::label)
                .containsExactly("Platform badges only", "Platform + Nordby Network", "Platform + Sørby Friends");
        assertThat(vm.readOnlyProperty().get()).isFalse();
        vm.newBadge();
        assertThat(vm.ownerProperty().get()).isEqualTo("Platform badge: every organisation");
        vm.tenantProperty().set(vm.tenants().get(2));
        vm.newBadge();
        assertThat(vm.ownerProperty().get()).isEqualTo("Badge of Sørby Friends");
    }

    @Test
    void liveValidationPerFieldErrorsBlockWarningsDoNot() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        vm.newBadge();
        assertThat(vm.canSaveProperty().get()).isFalse(); // empty key, name, description
        assertThat(vm.severityProperty(Field.KEY).get()).isEqualTo(Severity.ERROR);
        vm.keyProperty().set("visits");
        vm.nameProperty().set("Visits");
        vm.descriptionProperty().set("Visits.");
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.thresholdProperty().set("");
        assertThat(vm.messageProperty(Field.THRESHOLD).get()).isEqualTo("Error: a count trigger needs a threshold.");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.thresholdProperty().set("3");
        vm.iconUrlProperty().set("ftp://x/y.png");
        assertThat(vm.severityProperty(Field.ICON_URL).get()).isEqualTo(Severity.WARNING);
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.pointsProperty().set("-2");
        assertThat(vm.messageProperty(Field.POINTS).get()).isEqualTo("Error: points cannot be negative.");
        vm.pointsProperty().set("2");
        vm.repeatableProperty().set(true);
        assertThat(vm.severityProperty(Field.REPEAT_PERIOD).get()).isEqualTo(Severity.ERROR);
        vm.repeatPeriodProperty().set(vm.repeatPeriods().get(4)); // monthly
        assertThat(vm.messageProperty(Field.REPEAT_PERIOD).get()).isEmpty();
        vm.repeatableProperty().set(false);
        assertThat(vm.repeatPeriodProperty().get().code()).isEmpty();
        vm.keyProperty().set("first_activity"); // only the platform has it: allowed in the organisation
        assertThat(vm.messageProperty(Field.KEY).get()).isEmpty();
        vm.save();
        assertThat(vm.statusProperty().get()).isEqualTo("Saved Visits; 1 award made.");
        vm.newBadge();
        vm.keyProperty().set("first_activity");
        assertThat(vm.messageProperty(Field.KEY).get()).isEqualTo("Error: this organisation already has a badge with key first_activity.");
    }

    @Test
    void messagesInNorwegian() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.forLanguageTag("nb"));
        vm.newBadge();
        vm.keyProperty().set("X y");
        assertThat(vm.messageProperty(Field.KEY).get()).startsWith("Feil: nøkkelen må ha 2-64 tegn");
        select(vm, "first_activity");
        assertThat(vm.readOnlyReasonProperty().get()).startsWith("Skrivebeskyttet: dette er et plattformmerke");
        assertThat(vm.previewTextProperty().get()).isEqualTo("2 personer av 2 likepersoner du har tilgang til, ville fått det.");
    }

    @Test
    void platformBadgesAreReadOnlyForAnOrgAdminAndDuplicateIntoTheOrganisation() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        select(vm, "ten_hours");
        assertThat(vm.readOnlyProperty().get()).isTrue();
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.canReorderProperty().get()).isFalse();
        vm.duplicate();
        assertThat(vm.readOnlyProperty().get()).isFalse();
        assertThat(vm.keyProperty().get()).isEqualTo("ten_hours_copy");
        assertThat(vm.nameProperty().get()).isEqualTo("10 hours (copy)");
        assertThat(vm.thresholdProperty().get()).isEqualTo("10");
        vm.save();
        assertThat(db.jdbi().onDemand(AchievementDao.class).forTenant("org-1"))
                .anyMatch(a -> a.key().equals("ten_hours_copy") && "org-1".equals(a.organizationId()));
        assertThat(vm.selectedProperty().get().key()).isEqualTo("ten_hours_copy");
        assertThat(vm.readOnlyProperty().get()).isFalse();
    }

    @Test
    void deactivateReactivateAndUndo() {
        AchievementsViewModel vm = vm(AchievementFixture.GINA, Locale.ENGLISH);
        select(vm, "three_day_streak");
        vm.toggleActive();
        assertThat(vm.selectedProperty().get().active()).isFalse();
        assertThat(vm.activeToggleTextProperty().get()).isEqualTo("Reactivate");
        assertThat(vm.previewTextProperty().get()).startsWith("Inactive: not evaluated");
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo: deactivate three_day_streak");
        vm.undo();
        assertThat(vm.selectedProperty().get().active()).isTrue();
        assertThat(vm.lastChangeProperty().get()).isNull();
        vm.toggleActive();
        vm.toggleActive();
        assertThat(vm.statusProperty().get()).isEqualTo("Reactivated 3 days in a row; 2 awards made.");
    }

    @Test
    void moveUpAndDownWithinTheCategory() {
        AchievementsViewModel vm = vm(AchievementFixture.GINA, Locale.ENGLISH);
        select(vm, "ten_activities");
        vm.moveUp(); // already first: nothing
        assertThat(vm.lastChangeProperty().get()).isNull();
        vm.moveDown();
        assertThat(vm.entries()).filteredOn(e -> !e.isHeader() && e.category().equals("activities"))
                .extracting(e -> e.badge().key())
                .containsExactly("fifty_activities", "ten_activities", "hundred_activities", "monthly_regular");
        assertThat(vm.selectedProperty().get().key()).isEqualTo("ten_activities");
        vm.searchProperty().set("ten");
        assertThat(vm.canReorderProperty().get()).as("no reorder in a filtered list").isFalse();
    }

    @Test
    void manualAwardsFromTheEditor() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        vm.newBadge();
        vm.keyProperty().set("kind_words");
        vm.nameProperty().set("Kind words");
        vm.descriptionProperty().set("Thanked by a contact.");
        vm.triggerTypeProperty().set(vm.triggerTypes().stream().filter(c -> c.code().equals("manual")).findFirst().orElseThrow());
        assertThat(vm.messageProperty(Field.THRESHOLD).get()).startsWith("Warning:");
        vm.thresholdProperty().set("");
        assertThat(vm.previewTextProperty().get()).startsWith("Manual badge");
        vm.save();
        assertThat(vm.manualAwardShownProperty().get()).isTrue();
        assertThat(vm.mentors()).extracting(m -> m.displayName()).containsExactly("Jonas Prøvesen", "Mira Eksempel");
        vm.awardToProperty().set(vm.mentors().get(1));
        vm.award();
        assertThat(vm.statusProperty().get()).isEqualTo("Awarded Kind words to Mira Eksempel.");
        assertThat(vm.awardsTextProperty().get()).isEqualTo("1 award in your scope.");
        vm.award();
        assertThat(vm.errorProperty().get()).isEqualTo("Error: already awarded for this period.");
    }

    @Test
    void iconPreviewIsABundledAssetOrAPlaceholder() {
        AchievementsViewModel vm = vm(AchievementFixture.ADA, Locale.ENGLISH);
        select(vm, "first_event");
        assertThat(vm.iconAssetProperty().get()).isEqualTo("/badges/first_event.png");
        vm.duplicate();
        vm.iconUrlProperty().set("https://cdn.example.org/x.png");
        assertThat(vm.iconAssetProperty().get()).isNull();
        assertThat(vm.iconNoteProperty().get()).startsWith("Web images are not loaded");
        assertThat(vm.iconInitialsProperty().get()).isEqualTo("FE");
        vm.iconUrlProperty().set("badges/nothing_here.png");
        assertThat(vm.iconNoteProperty().get()).isEqualTo("No bundled asset badges/nothing_here.png: a placeholder is shown.");
    }

    @Test
    void modulesTheBadgeNeedsAndWhoHasThem() {
        AchievementsViewModel vm = vm(AchievementFixture.GINA, Locale.ENGLISH);
        vm.newBadge();
        assertThat(vm.modulesTextProperty().get()).startsWith("No module needed");
        vm.requiresModuleProperty().set(AchievementFixture.MODULE);
        assertThat(vm.modulesTextProperty().get()).isEqualTo("Needs module achievements-gamification: enabled for Nordby Network.");
        vm.requiresModuleProperty().set("certification-training");
        assertThat(vm.modulesTextProperty().get()).startsWith("Needs module certification-training: no organisation has it enabled");
        assertThat(vm.severityProperty(Field.REQUIRES_MODULE).get()).isEqualTo(Severity.WARNING);
    }
}
