package org.impactdesk.ui.achievements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.domain.Problem.Field;
import org.impactdesk.domain.Problem.Severity;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.service.catalog.AchievementService.Organization;
import org.impactdesk.service.catalog.AchievementService.Preview;
import org.impactdesk.ui.achievements.AchievementListViewModel.Entry;
import org.impactdesk.ui.achievements.AchievementListViewModel.Tenant;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;

/**
 * The Achievements ViewModel (list, form and awards) without the toolkit or a database: a
 * same-thread task runner over a {@link FakeAchievementService}. What saving awards, the preview's
 * evaluation and the refusals in the database are {@code AchievementServiceTest}'s; the screen on a
 * real database is {@code AchievementsViewFxTest}'s.
 */
class AchievementsViewModelTest {
    static final Actor GINA = new Actor("user-gina", "Gina Global", null, Set.of(Role.GLOBAL_ADMIN), null);
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    static final String MODULE = "achievements-gamification";

    final FakeAchievementService service = new FakeAchievementService();
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    AchievementsViewModelTest() {
        service.organizations.add(new Organization("org-1", "Nordby Network"));
        service.organizations.add(new Organization("org-2", "Sørby Friends"));
        service.modules.put("org-1", Set.of(MODULE));
        service.add(null, "first_activity", "First step", "getting_started", TriggerType.ACTIVITY_COUNT, 1, 10,
                "badges/first_activity.png");
        service.add(null, "ten_activities", "10 activities", "activities", TriggerType.ACTIVITY_COUNT, 10, 10, null);
        service.add(null, "fifty_activities", "50 activities", "activities", TriggerType.ACTIVITY_COUNT, 50, 20, null);
        service.add(null, "hundred_activities", "100 activities", "activities", TriggerType.ACTIVITY_COUNT, 100, 30, null);
        service.add(null, "ten_hours", "10 hours", "hours", TriggerType.HOURS_TOTAL, 10, 10, null);
        service.add(null, "three_day_streak", "3 days in a row", "streaks", TriggerType.STREAK_DAYS, 3, 10, null);
        service.add(null, "first_event", "First event", "events", TriggerType.EVENTS_ATTENDED, 1, 10,
                "badges/first_event.png");
        service.add("org-1", "nordby_regular", "Nordby regular", "activities", TriggerType.ACTIVITY_COUNT, 5, 40, null);
        service.add("org-2", "sorby_welcome", "Sørby welcome", "special", TriggerType.MANUAL, null, 10, null);
        service.mentors.add(new MentorChoice("pm-2", "user-jonas", "Jonas Prøvesen", "org-1", "Fjordlys Bergen"));
        service.mentors.add(new MentorChoice("pm-1", "user-mira", "Mira Eksempel", "org-1", "Fjordlys Bergen"));
    }

    AchievementsViewModel vm(Actor actor, Locale locale) {
        AchievementsViewModel vm = new AchievementsViewModel(service, actor, new SameThreadTaskRunner(), dialogs,
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale));
        vm.load();
        return vm;
    }

    void select(AchievementsViewModel vm, String key) {
        vm.list().select(service.badge(key).id());
    }

    static List<String> keys(AchievementsViewModel vm, String category) {
        return vm.list().entries().stream().filter(e -> !e.isHeader() && e.category().equals(category))
                .map(e -> e.badge().key()).toList();
    }

    @Test
    void aFirstVisitReadsTheCatalogOnceAndFillsTheTenantChoiceFromIt() {
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        assertThat(service.calls.stream().filter(c -> c.startsWith("catalog ")).toList())
                .as("the tenant choice comes from the same read as the catalog").hasSize(1);
        assertThat(vm.list().tenants()).isNotEmpty();
    }

    @Test
    void theFirstBadgesPreviewWaitsForTheCatalogOnlyNotForThePeopleOfTheAwardPicker() {
        org.impactdesk.ui.fx.HeldTaskRunner tasks = new org.impactdesk.ui.fx.HeldTaskRunner();
        AchievementsViewModel vm = new AchievementsViewModel(service, ADA, tasks, dialogs,
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.forLanguageTag("nb")));
        vm.load();
        assertThat(tasks.started()).as("both start before anything lands")
                .containsExactlyInAnyOrder("achievement-mentors", "achievement-catalog");
        tasks.land("achievement-catalog");
        assertThat(vm.list().selectedProperty().get().key()).isEqualTo("first_activity");
        assertThat(tasks.started()).contains("achievement-preview");
        assertThat(vm.awards().mentors()).isEmpty();
        tasks.landAll();
        assertThat(vm.awards().mentors()).extracting(MentorChoice::displayName)
                .as("sorted on the worker, in the reader's order").containsExactly("Jonas Prøvesen", "Mira Eksempel");
    }

    @Test
    void theCatalogIsGroupedByCategoryInSortOrder() {
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        assertThat(vm.list().tenants()).extracting(Tenant::label).containsExactly("Nordby Network");
        assertThat(vm.list().entries()).filteredOn(Entry::isHeader).extracting(Entry::title)
                .containsExactly("Getting started (1)", "Activities (4)", "Hours (1)", "Streaks (1)", "Events (1)");
        assertThat(keys(vm, "activities"))
                .containsExactly("ten_activities", "fifty_activities", "hundred_activities", "nordby_regular");
        assertThat(vm.list().selectedProperty().get().key()).isEqualTo("first_activity");
        assertThat(vm.list().entries().get(1).detail()).isEqualTo("first_activity · Activities 1 · 10 points · platform");
        assertThat(vm.list().entries()).filteredOn(e -> !e.isHeader() && e.editable()).extracting(e -> e.badge().key())
                .as("an org admin edits their own badges only").containsExactly("nordby_regular");
    }

    @Test
    void searchFiltersTheListAndCountsPerCategory() {
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        vm.list().searchProperty().set("  TEN ");  // keys, names, and the trigger label "Events atTENded"
        assertThat(vm.list().entries()).filteredOn(Entry::isHeader).extracting(Entry::title)
                .containsExactly("Activities (1)", "Hours (1)", "Events (1)");
        vm.list().searchProperty().set("streak"); // the key
        assertThat(keys(vm, "streaks")).containsExactly("three_day_streak");
        vm.list().searchProperty().set("");
        assertThat(vm.list().entries()).filteredOn(Entry::isHeader).hasSize(5);
    }

    @Test
    void aGlobalAdminChoosesTheTenant() {
        AchievementsViewModel vm = vm(GINA, Locale.ENGLISH);
        assertThat(vm.list().tenants()).extracting(Tenant::label)
                .containsExactly("Platform badges only", "Platform + Nordby Network", "Platform + Sørby Friends");
        assertThat(vm.form().readOnlyProperty().get()).isFalse();
        vm.form().newBadge();
        assertThat(vm.form().ownerProperty().get()).isEqualTo("Platform badge: every organisation");
        vm.list().tenantProperty().set(vm.list().tenants().get(2));
        assertThat(service.calls).contains("catalog org-2");
        assertThat(vm.list().entries()).extracting(e -> e.isHeader() ? null : e.badge().key()).contains("sorby_welcome")
                .doesNotContain("nordby_regular");
        vm.form().newBadge();
        assertThat(vm.form().ownerProperty().get()).isEqualTo("Badge of Sørby Friends");
    }

    @Test
    void liveValidationPerFieldErrorsBlockWarningsDoNot() {
        service.awardsPerEvaluation = 1;
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        AchievementFormViewModel form = vm.form();
        form.newBadge();
        assertThat(form.canSaveProperty().get()).isFalse(); // empty key, name, description
        assertThat(form.severityProperty(Field.KEY).get()).isEqualTo(Severity.ERROR);
        form.keyProperty().set("visits");
        form.nameProperty().set("Visits");
        form.descriptionProperty().set("Visits.");
        assertThat(form.canSaveProperty().get()).isTrue();
        form.thresholdProperty().set("");
        assertThat(form.messageProperty(Field.THRESHOLD).get()).isEqualTo("Error: a count trigger needs a threshold.");
        assertThat(form.canSaveProperty().get()).isFalse();
        form.thresholdProperty().set("3");
        form.iconUrlProperty().set("ftp://x/y.png");
        assertThat(form.severityProperty(Field.ICON_URL).get()).isEqualTo(Severity.WARNING);
        assertThat(form.canSaveProperty().get()).isTrue();
        form.pointsProperty().set("-2");
        assertThat(form.messageProperty(Field.POINTS).get()).isEqualTo("Error: points cannot be negative.");
        form.pointsProperty().set("2");
        assertThat(form.repeatPeriods()).extracting(c -> c.label()).containsExactly("Once only");
        form.repeatableProperty().set(true);
        assertThat(form.severityProperty(Field.REPEAT_PERIOD).get()).isEqualTo(Severity.ERROR);
        // a repeatable badge is not offered "Once only"
        assertThat(form.repeatPeriods()).extracting(c -> c.label())
                .containsExactly("Every year", "Every half year", "Every quarter", "Every month");
        form.repeatPeriodProperty().set(form.repeatPeriods().get(3)); // monthly
        assertThat(form.messageProperty(Field.REPEAT_PERIOD).get()).isEmpty();
        form.repeatableProperty().set(false);
        assertThat(form.repeatPeriodProperty().get().code()).isEmpty();
        form.keyProperty().set("first_activity"); // only the platform has it: allowed in the organisation
        assertThat(form.messageProperty(Field.KEY).get()).isEmpty();
        form.save();
        assertThat(service.calls).contains("save first_activity");
        assertThat(vm.statusProperty().get()).isEqualTo("Saved Visits; 1 award made.");
        assertThat(vm.list().selectedProperty().get().name()).as("the saved badge is selected").isEqualTo("Visits");
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo: create first_activity");
        form.newBadge();
        form.keyProperty().set("first_activity");
        assertThat(form.messageProperty(Field.KEY).get()).isEqualTo("Error: this organisation already has a badge with key first_activity.");
    }

    @Test
    void aSaveThatWouldAwardSaysHowManyAndAsksFirstDecliningSavesNothing() {
        service.awardsPerEvaluation = 516;
        service.computed = new Preview(Preview.Status.COMPUTED, 600, 516, 516, 0, List.of("Mira Eksempel"), List.of());
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        select(vm, "nordby_regular");
        vm.form().thresholdProperty().set("1");
        int badges = service.badges.size();
        dialogs.confirmAnswer = false;

        vm.form().save();

        assertThat(dialogs.confirmations).containsExactly("Saving Nordby regular awards it now: 516 new awards to 516 peer"
                + " mentors. Awards are seen by the mentors at once. Save and award?");
        assertThat(service.calls).noneMatch(c -> c.startsWith("save"));
        assertThat(service.awards).isEmpty();
        assertThat(service.badges).hasSize(badges);
        assertThat(service.badge("nordby_regular").threshold()).as("the stored badge is unchanged").isEqualTo(5);
        assertThat(vm.form().thresholdProperty().get()).as("the edit stays in the form").isEqualTo("1");
        assertThat(vm.statusProperty().get())
                .isEqualTo("Not saved: Nordby regular is unchanged and nothing was awarded. Your edits are still in the form.");
        assertThat(vm.lastChangeProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();

        dialogs.confirmAnswer = true;
        vm.form().save();
        assertThat(dialogs.confirmations).hasSize(2);
        assertThat(service.calls).contains("save nordby_regular");
        assertThat(service.awards).hasSize(516);
        assertThat(service.badge("nordby_regular").threshold()).isEqualTo(1);
        assertThat(vm.statusProperty().get()).isEqualTo("Saved Nordby regular; 516 awards made.");
    }

    @Test
    void aSaveThatAwardsNothingDoesNotAsk() {
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        select(vm, "nordby_regular");
        vm.form().nameProperty().set("Nordby regular guest");
        dialogs.confirmAnswer = false;
        vm.form().save();
        assertThat(dialogs.confirmations).isEmpty();
        assertThat(service.badge("nordby_regular").name()).isEqualTo("Nordby regular guest");
        AchievementsViewModel nb = vm(ADA, Locale.forLanguageTag("nb"));
        service.computed = new Preview(Preview.Status.COMPUTED, 3, 1, 1, 0, List.of("Mira Eksempel"), List.of());
        select(nb, "nordby_regular");
        nb.form().pointsProperty().set("20");
        nb.form().save();
        assertThat(dialogs.confirmations).containsExactly("Lagrer du Nordby regular guest, tildeles det nå: 1 ny tildeling"
                + " til 1 likeperson. Likepersonene ser tildelingene med en gang. Lagre og tildele?");
        assertThat(service.badge("nordby_regular").points()).as("declined").isEqualTo(10);
    }

    @Test
    void aSaveTheServiceRefusesShowsItsProblemsAndKeepsTheForm() {
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        vm.form().newBadge();
        vm.form().keyProperty().set("home_visits");
        vm.form().nameProperty().set("Home visits");
        vm.form().descriptionProperty().set("Visits at home.");
        // meanwhile someone else saved a badge with that key
        service.add("org-1", "home_visits", "Home visits", "activities", TriggerType.ACTIVITY_COUNT, 3, 50, null);
        vm.form().save();
        assertThat(vm.errorProperty().get()).isEqualTo("Error: this organisation already has a badge with key home_visits.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.form().nameProperty().get()).isEqualTo("Home visits");
        assertThat(vm.lastChangeProperty().get()).isNull();
    }

    @Test
    void metadataThatIsNotJsonSaysWhereAndWhyInTheUsersLanguageNotTheParsersEnglish() {
        AchievementsViewModel nb = vm(ADA, Locale.forLanguageTag("nb"));
        nb.form().newBadge();
        nb.form().metadataProperty().set("{\"period\": calendar_year}");
        assertThat(nb.form().messageProperty(Field.METADATA).get()).isEqualTo("Feil: ikke gyldig JSON på linje 1, "
                + "kolonne 12: ordet «calendar_year» er ingen verdi: skriv tekst i doble anførselstegn "
                + "(bare true, false og null står uten).");
        assertThat(nb.form().canSaveProperty().get()).isFalse();
        nb.form().metadataProperty().set("{\"period\": \"calendar_year\",\n \"activity_type\": \"home_visit\"");
        assertThat(nb.form().messageProperty(Field.METADATA).get()).startsWith("Feil: ikke gyldig JSON på linje 2,")
                .contains("teksten slutter før JSON-en er fullstendig");

        AchievementsViewModel en = vm(ADA, Locale.ENGLISH);
        en.form().newBadge();
        en.form().metadataProperty().set("{period: \"calendar_year\"}");
        assertThat(en.form().messageProperty(Field.METADATA).get()).isEqualTo("Error: not valid JSON at line 1, column 2: "
                + "found “p” where a name in double quotes should start (a comma before a closing brace, or a name "
                + "without quotes?).");
        assertThat(en.form().messageProperty(Field.METADATA).get()).doesNotContain("Unexpected", "code 112");
    }

    @Test
    void theNorwegianNameIsEditedBesideTheEnglishOneAndNamesTheBadgeInNorwegian() {
        Achievement first = service.badge("first_activity");
        service.badges.put(first.id(), new Achievement(first.id(), first.organizationId(), first.key(), first.name(),
                "Første steg", first.description(), first.iconUrl(), first.category(), first.triggerType(), first.threshold(),
                first.metadata(), first.points(), first.repeatable(), first.repeatPeriod(), first.active(),
                first.requiresModule(), first.sortOrder(), first.createdAt(), first.updatedAt()));
        AchievementsViewModel nb = vm(ADA, Locale.forLanguageTag("nb"));
        assertThat(nb.list().entries()).filteredOn(e -> !e.isHeader() && e.badge().key().equals("first_activity"))
                .extracting(AchievementListViewModel.Entry::title).containsExactly("Første steg");
        select(nb, "first_activity");
        assertThat(nb.form().nameProperty().get()).isEqualTo(first.name());
        assertThat(nb.form().nameNbProperty().get()).isEqualTo("Første steg");
        assertThat(nb.form().formTitleProperty().get()).contains("Første steg");
        AchievementsViewModel en = vm(ADA, Locale.ENGLISH);
        assertThat(en.list().entries()).filteredOn(e -> !e.isHeader() && e.badge().key().equals("first_activity"))
                .extracting(AchievementListViewModel.Entry::title).containsExactly(first.name());

        en.form().newBadge();
        en.form().keyProperty().set("walks");
        en.form().nameProperty().set("Walker");
        en.form().nameNbProperty().set("x".repeat(201));
        assertThat(en.form().messageProperty(Field.NAME_NB).get()).isEqualTo("Error: at most 200 characters.");
        assertThat(en.form().canSaveProperty().get()).isFalse();
        en.form().nameNbProperty().set("  Turgåer ");
        en.form().descriptionProperty().set("Walks.");
        assertThat(en.form().canSaveProperty().get()).isTrue();
        assertThat(en.form().draft().toAchievement(java.time.Instant.EPOCH, java.time.Instant.EPOCH).nameNb())
                .isEqualTo("Turgåer");
    }

    @Test
    void messagesInNorwegian() {
        service.computed = new Preview(Preview.Status.COMPUTED, 2, 2, 2, 0, List.of("Jonas Prøvesen", "Mira Eksempel"),
                List.of());
        AchievementsViewModel vm = vm(ADA, Locale.forLanguageTag("nb"));
        vm.form().newBadge();
        vm.form().keyProperty().set("X y");
        assertThat(vm.form().messageProperty(Field.KEY).get()).startsWith("Feil: nøkkelen må ha 2-64 tegn");
        select(vm, "first_activity");
        assertThat(vm.form().readOnlyReasonProperty().get()).startsWith("Skrivebeskyttet: dette er et plattformmerke");
        assertThat(vm.awards().previewTextProperty().get()).isEqualTo("2 personer av 2 likepersoner du har tilgang til, ville fått det.");
    }

    /**
     * The sample of who would earn a badge is the first names in the chosen language's order, as
     * every other name list: in Norwegian Å after Z (so Åse is not among the first five), in
     * English Å with A.
     */
    @Test
    void thePreviewsSampleNamesAreTheFirstInTheChosenLanguagesOrder() {
        service.computed = new Preview(Preview.Status.COMPUTED, 9, 7, 7, 0,
                List.of("Åse Ødegård", "Zacharias Berg", "Carl Dahl", "Bodil Bø", "Anders Aas", "Dina Eik", "Erik Fjell"),
                List.of());
        AchievementsViewModel nb = vm(ADA, Locale.forLanguageTag("nb"));
        select(nb, "ten_activities");
        assertThat(nb.awards().previewSampleProperty().get())
                .isEqualTo("For eksempel: Anders Aas, Bodil Bø, Carl Dahl, Dina Eik, Erik Fjell, …");
        AchievementsViewModel en = vm(ADA, Locale.ENGLISH);
        select(en, "ten_activities");
        assertThat(en.awards().previewSampleProperty().get())
                .isEqualTo("For example: Anders Aas, Åse Ødegård, Bodil Bø, Carl Dahl, Dina Eik, …");
    }

    @Test
    void thePreviewIsAskedAgainOnlyWhenWhatItDependsOnChanges() {
        service.computed = new Preview(Preview.Status.COMPUTED, 7, 3, 2, 1, List.of("Ada", "Bo", "Cy"), List.of("Sørby Friends"));
        AchievementsViewModel vm = vm(GINA, Locale.ENGLISH);
        select(vm, "ten_activities");
        long asked = service.calls.stream().filter(c -> c.startsWith("preview")).count();
        assertThat(vm.awards().previewTextProperty().get()).isEqualTo("3 people of 7 peer mentors in your scope would earn it. "
                + "1 already holds it; saving would make 2 new awards. Not available in Sørby Friends (module not enabled).");
        assertThat(vm.awards().previewSampleProperty().get()).isEqualTo("For example: Ada, Bo, Cy");

        vm.form().nameProperty().set("Ten activities!");
        vm.form().descriptionProperty().set("Another text.");
        assertThat(service.calls.stream().filter(c -> c.startsWith("preview")).count()).isEqualTo(asked);
        vm.form().thresholdProperty().set("12");
        assertThat(service.calls.stream().filter(c -> c.startsWith("preview")).count()).isEqualTo(asked + 1);
        vm.form().thresholdProperty().set("");
        assertThat(vm.awards().previewTextProperty().get()).startsWith("Fix the errors first");
    }

    @Test
    void platformBadgesAreReadOnlyForAnOrgAdminAndDuplicateIntoTheOrganisation() {
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        select(vm, "ten_hours");
        assertThat(vm.form().readOnlyProperty().get()).isTrue();
        assertThat(vm.form().canSaveProperty().get()).isFalse();
        assertThat(vm.list().canReorderProperty().get()).isFalse();
        vm.form().duplicate();
        assertThat(vm.form().readOnlyProperty().get()).isFalse();
        assertThat(vm.list().selectedProperty().get()).isNull();
        assertThat(vm.form().keyProperty().get()).isEqualTo("ten_hours_copy");
        assertThat(vm.form().nameProperty().get()).isEqualTo("10 hours (copy)");
        assertThat(vm.form().thresholdProperty().get()).isEqualTo("10");
        assertThat(vm.awards().awardsTextProperty().get()).startsWith("Not saved yet");
        vm.form().save();
        assertThat(service.badge("ten_hours_copy").organizationId()).isEqualTo("org-1");
        assertThat(vm.list().selectedProperty().get().key()).isEqualTo("ten_hours_copy");
        assertThat(vm.form().readOnlyProperty().get()).isFalse();
    }

    @Test
    void deactivateReactivateAndUndo() {
        service.awardsPerEvaluation = 2;
        AchievementsViewModel vm = vm(GINA, Locale.ENGLISH);
        select(vm, "three_day_streak");
        vm.form().toggleActive();
        assertThat(vm.list().selectedProperty().get().active()).isFalse();
        assertThat(vm.form().activeToggleTextProperty().get()).isEqualTo("Reactivate");
        assertThat(vm.awards().previewTextProperty().get()).startsWith("Inactive: not evaluated");
        assertThat(vm.undoTextProperty().get()).isEqualTo("Undo: deactivate three_day_streak");
        vm.undo();
        assertThat(service.calls).contains("undo DEACTIVATED three_day_streak");
        assertThat(vm.list().selectedProperty().get().active()).isTrue();
        assertThat(vm.lastChangeProperty().get()).isNull();
        vm.form().toggleActive();
        vm.form().toggleActive();
        assertThat(vm.statusProperty().get()).isEqualTo("Reactivated 3 days in a row; 2 awards made.");
        assertThat(vm.awards().awardsTextProperty().get()).isEqualTo("2 awards in your scope.");
    }

    @Test
    void aReactivationThatWouldAwardAsksFirstToo() {
        AchievementsViewModel vm = vm(GINA, Locale.ENGLISH);
        select(vm, "three_day_streak");
        vm.form().toggleActive(); // deactivating never awards: no question
        assertThat(dialogs.confirmations).isEmpty();
        service.awardsPerEvaluation = 7;
        service.computed = new Preview(Preview.Status.COMPUTED, 40, 7, 7, 0, List.of(), List.of());
        dialogs.confirmAnswer = false;
        vm.form().toggleActive();
        assertThat(dialogs.confirmations).containsExactly("Reactivating 3 days in a row awards it now: 7 new awards to 7"
                + " peer mentors. Awards are seen by the mentors at once. Reactivate and award?");
        assertThat(service.badge("three_day_streak").active()).isFalse();
        assertThat(service.awards).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Not reactivated: 3 days in a row stays inactive and nothing was awarded.");
        dialogs.confirmAnswer = true;
        vm.form().toggleActive();
        assertThat(service.badge("three_day_streak").active()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Reactivated 3 days in a row; 7 awards made.");
    }

    @Test
    void moveUpAndDownWithinTheCategoryAndUndoTheMove() {
        AchievementsViewModel vm = vm(GINA, Locale.ENGLISH);
        select(vm, "ten_activities");
        vm.list().moveUp(); // already first: nothing
        assertThat(vm.lastChangeProperty().get()).isNull();
        assertThat(service.calls).noneMatch(c -> c.startsWith("move"));
        vm.list().moveDown();
        assertThat(keys(vm, "activities")).containsExactly("fifty_activities", "ten_activities", "hundred_activities");
        assertThat(vm.list().selectedProperty().get().key()).isEqualTo("ten_activities");
        assertThat(vm.statusProperty().get()).isEqualTo("Moved 10 activities to place 2.");
        vm.undo();
        assertThat(keys(vm, "activities")).containsExactly("ten_activities", "fifty_activities", "hundred_activities");
        vm.list().searchProperty().set("ten");
        assertThat(vm.list().canReorderProperty().get()).as("no reorder in a filtered list").isFalse();
        assertThat(vm.list().canDrop(service.badge("ten_activities"), service.badge("fifty_activities"))).isFalse();
        vm.list().searchProperty().set("");
        assertThat(vm.list().canDrop(service.badge("ten_activities"), service.badge("fifty_activities"))).isTrue();
        assertThat(vm.list().canDrop(service.badge("ten_activities"), service.badge("ten_hours"))).isFalse();
    }

    @Test
    void manualAwardsFromTheEditor() {
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        AchievementFormViewModel form = vm.form();
        form.newBadge();
        form.keyProperty().set("kind_words");
        form.nameProperty().set("Kind words");
        form.descriptionProperty().set("Thanked by a contact.");
        form.triggerTypeProperty().set(form.triggerTypes().stream().filter(c -> c.code().equals("manual")).findFirst().orElseThrow());
        assertThat(form.messageProperty(Field.THRESHOLD).get()).startsWith("Warning:");
        form.thresholdProperty().set("");
        assertThat(vm.awards().previewTextProperty().get()).startsWith("Manual badge");
        form.save();
        AchievementAwardsViewModel awards = vm.awards();
        assertThat(awards.manualAwardShownProperty().get()).isTrue();
        assertThat(awards.canAwardProperty().get()).as("nobody chosen yet").isFalse();
        assertThat(awards.mentors()).extracting(MentorChoice::displayName).containsExactly("Jonas Prøvesen", "Mira Eksempel");
        awards.awardToProperty().set(awards.mentors().get(1));
        awards.award();
        assertThat(service.calls).contains("award kind_words to user-mira");
        assertThat(vm.statusProperty().get()).isEqualTo("Awarded Kind words to Mira Eksempel.");
        assertThat(awards.awardsTextProperty().get()).isEqualTo("1 award in your scope.");
        awards.award();
        assertThat(vm.errorProperty().get()).isEqualTo("Error: already awarded for this period.");
    }

    @Test
    void iconPreviewIsABundledAssetOrAPlaceholder() {
        AchievementsViewModel vm = vm(ADA, Locale.ENGLISH);
        select(vm, "first_event");
        assertThat(vm.form().iconAssetProperty().get()).isEqualTo("/badges/first_event.png");
        vm.form().duplicate();
        vm.form().iconUrlProperty().set("https://cdn.example.org/x.png");
        assertThat(vm.form().iconAssetProperty().get()).isNull();
        assertThat(vm.form().iconNoteProperty().get()).startsWith("Web images are not loaded");
        assertThat(vm.form().iconInitialsProperty().get()).isEqualTo("FE");
        vm.form().iconUrlProperty().set("badges/nothing_here.png");
        assertThat(vm.form().iconNoteProperty().get()).isEqualTo("No bundled asset badges/nothing_here.png: a placeholder is shown.");
        vm.form().nameProperty().set("");
        assertThat(vm.form().iconInitialsProperty().get()).as("the key's initials without a name").isEqualTo("FE");
    }

    @Test
    void modulesTheBadgeNeedsAndWhoHasThem() {
        AchievementsViewModel vm = vm(GINA, Locale.ENGLISH);
        vm.form().newBadge();
        assertThat(vm.form().modulesTextProperty().get()).startsWith("No module needed");
        vm.form().requiresModuleProperty().set(MODULE);
        assertThat(vm.form().modulesTextProperty().get()).isEqualTo("Needs module achievements-gamification: enabled for Nordby Network.");
        vm.form().requiresModuleProperty().set("certification-training");
        assertThat(vm.form().modulesTextProperty().get()).startsWith("Needs module certification-training: no organisation has it enabled");
        assertThat(vm.form().severityProperty(Field.REQUIRES_MODULE).get()).isEqualTo(Severity.WARNING);
    }
}
