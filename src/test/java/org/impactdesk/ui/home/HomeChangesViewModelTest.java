package org.impactdesk.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamChanges;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.home.HomeViewModel.ChangeGroup;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.ScreenId;
import org.junit.jupiter.api.Test;

/** Home's "since the last sync" lists, each opening Team limited to its mentors. */
class HomeChangesViewModelTest {
    static final Period Q4 = new Period.Quarter(2025, 4);
    static final Period Q3 = new Period.Quarter(2025, 3);
    static final Instant SYNC = Instant.parse("2026-01-08T09:30:00Z");

    final FakeHomeService service = new FakeHomeService(LocalDate.of(2026, 1, 10));
    final List<NavigationRequest> requests = new ArrayList<>();
    final List<Period> asked = new ArrayList<>();

    static MentorRef m(String id, String name) {
        return new MentorRef(id, "user-" + id, name, "org-1");
    }

    HomeViewModel vm(Actor actor, Locale locale) {
        service.stored.put(HomeService.PeriodKind.QUARTER, List.of(Q4, Q3));
        HomeViewModel vm = new HomeViewModel(service, null, (a, p) -> {
            asked.add(p);
            return new TeamChanges(p, Q3, SYNC,
                    List.of(m("pm-1", "Mira"), m("pm-2", "Jonas"), m("pm-3", "Sofie"), m("pm-4", "Åse"), m("pm-5", "Per")),
                    List.of(), List.of(m("pm-6", "Olga")), List.of(m("pm-7", "Nils")), List.of(m("pm-3", "Sofie")));
        }, actor, new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new Formats(locale),
                ZoneId.of("Europe/Oslo"), requests::add);
        vm.load();
        return vm;
    }

    @Test
    void theListsNameTheirMentorsAndOpenTeamLimitedToThem() {
        HomeViewModel vm = vm(HomeViewModelTest.KIM, Locale.ENGLISH);
        assertThat(asked).containsExactly(Q4);
        assertThat(vm.changesTitleProperty().get()).startsWith("Since the last sync (").endsWith("): Q4 2025 against Q3 2025");
        assertThat(vm.changes()).extracting(ChangeGroup::title).containsExactly("Newly underactive (5)",
                "Newly overloaded (0)", "Back to normal (1)", "New mentors (1)", "Followed up in Q3 2025, still flagged (1)");
        // by name in English (Å sorts with A), not in the order the service read them
        assertThat(vm.changes()).extracting(ChangeGroup::names).containsExactly("Åse, Jonas, Mira and 2 more", "nobody",
                "Olga", "Nils", "Sofie");

        vm.open(vm.changes().get(0));
        NavigationRequest r = requests.get(0);
        assertThat(r.screen()).isEqualTo(ScreenId.TEAM);
        assertThat(r.period()).isEqualTo(Q4);
        assertThat(r.mentors().label()).isEqualTo("Newly underactive");
        assertThat(r.mentors().peerMentorIds()).containsExactlyInAnyOrder("pm-1", "pm-2", "pm-3", "pm-4", "pm-5");
        vm.open(vm.changes().get(1));
        assertThat(requests).as("an empty list opens nothing").hasSize(1);
    }

    @Test
    void inNorwegian() {
        HomeViewModel vm = vm(HomeViewModelTest.KIM, Locale.forLanguageTag("nb-NO"));
        assertThat(vm.changesTitleProperty().get()).startsWith("Siden siste synkronisering (");
        assertThat(vm.changes().get(0).title()).isEqualTo("Nylig lite aktive (5)");
        // Å after Z in Norwegian
        assertThat(vm.changes().get(0).names()).isEqualTo("Jonas, Mira, Per og 2 til");
    }

    /**
     * The lists keep one order, whatever order the service read the mentors in: the kinds in a fixed
     * order (newly underactive, newly overloaded, back to normal, new mentors, still flagged), each
     * list by name with the language's Collator, and two mentors of one name by id and told apart.
     */
    @Test
    void theOrderIsTheSameWhateverOrderTheMentorsCameIn() {
        List<MentorRef> read = List.of(new MentorRef("pm-9", "u-9", "Kari Lie", "org-1", "Fjordlys Bergen"),
                m("pm-2", "Øystein Berg"), m("pm-5", "anders Dahl"), m("pm-1", "Zacharias Ek"),
                new MentorRef("pm-3", "u-3", "Kari Lie", "org-1", "Fjordlys Voss"));
        List<String> shown = new ArrayList<>();
        for (List<MentorRef> order : List.of(read, read.reversed())) {
            service.stored.put(HomeService.PeriodKind.QUARTER, List.of(Q4, Q3));
            HomeViewModel vm = new HomeViewModel(service, null, (a, p) -> new TeamChanges(p, Q3, SYNC, List.of(),
                    order, List.of(), List.of(), List.of()), HomeViewModelTest.KIM, new SameThreadTaskRunner(),
                    ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.forLanguageTag("nb-NO")),
                    new Formats(Locale.forLanguageTag("nb-NO")), ZoneId.of("Europe/Oslo"), requests::add);
            vm.load();
            shown.add(vm.changes().get(1).names());
        }
        assertThat(shown).containsOnly("anders Dahl, Kari Lie (Fjordlys Bergen), Kari Lie (Fjordlys Voss) og 2 til");

        HomeViewModel en = new HomeViewModel(service, null, (a, p) -> new TeamChanges(p, Q3, SYNC, List.of(), List.of(),
                read, List.of(), List.of()), HomeViewModelTest.KIM, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), new Formats(Locale.ENGLISH),
                ZoneId.of("Europe/Oslo"), requests::add);
        en.load();
        assertThat(en.changes()).extracting(ChangeGroup::title).containsExactly("Newly underactive (0)",
                "Newly overloaded (0)", "Back to normal (5)", "New mentors (0)", "Followed up in Q3 2025, still flagged (0)");
        assertThat(en.changes().get(2).names()).isEqualTo("anders Dahl, Kari Lie (Fjordlys Bergen), Kari Lie (Fjordlys Voss) and 2 more");
    }

    @Test
    void theListsAreReadBesideTheFiguresNotAfterThem() {
        service.stored.put(HomeService.PeriodKind.QUARTER, List.of(Q4, Q3));
        org.impactdesk.ui.fx.HeldTaskRunner tasks = new org.impactdesk.ui.fx.HeldTaskRunner();
        HomeViewModel vm = new HomeViewModel(service, null, (a, p) -> {
            asked.add(p);
            return new TeamChanges(p, Q3, SYNC, List.of(m("pm-1", "Mira")), List.of(), List.of(), List.of(), List.of());
        }, HomeViewModelTest.KIM, tasks, ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), new Formats(Locale.ENGLISH),
                ZoneId.of("Europe/Oslo"), requests::add);
        vm.load();
        assertThat(tasks.started()).as("both started before either landed").contains("home-periods", "home-changes");
        tasks.landAll();
        assertThat(asked).as("the last closed quarter, told on the worker").containsExactly(Q4);
        assertThat(vm.changes()).extracting(ChangeGroup::title).startsWith("Newly underactive (1)");
        assertThat(vm.titleProperty().get()).contains("Q4 2025");
        // a period change reads its lists beside its figures too
        vm.periodProperty().set(Q3);
        assertThat(tasks.started()).endsWith("home-changes", "home-figures");
        tasks.landAll();
        assertThat(asked).containsExactly(Q4, Q3);
    }

    @Test
    void aPeerMentorGetsNoLists() {
        HomeViewModel vm = vm(HomeViewModelTest.SOFIE, Locale.ENGLISH);
        assertThat(asked).isEmpty();
        assertThat(vm.changes()).isEmpty();
        assertThat(vm.changesTitleProperty().get()).isEmpty();
    }
}
