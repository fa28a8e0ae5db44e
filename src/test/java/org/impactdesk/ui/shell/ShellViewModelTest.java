package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.scene.layout.Pane;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;

/** The shell's ViewModel without the toolkit: which screens, navigation, status bar. */
class ShellViewModelTest {
    static final Actor KIM = new Actor("user-kim", "Kim Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    final ResourceBundle en = ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH);
    final List<NavigationRequest> shown = new ArrayList<>();

    ScreenRegistry registry() {
        ScreenRegistry r = new ScreenRegistry();
        ScreenRegistry.ScreenFactory none = ctx -> Screen.of(new Pane()).build();
        r.register(ScreenId.SETTINGS, Actor::isAdmin, none);
        r.register(ScreenId.MENTOR, none);
        r.register(ScreenId.HOME, none);
        return r;
    }

    ShellViewModel vm(Actor actor, Optional<Instant> lastSync) {
        ShellViewModel vm = new ShellViewModel(registry(), actor, new SameThreadTaskRunner(), en,
                new Formats(Locale.ENGLISH), ZoneId.of("Europe/Oslo"), "/data/db.mv.db", () -> lastSync);
        vm.setPresenter(shown::add);
        return vm;
    }

    /** A change log as another desktop fills it: {@link #write} adds a change from elsewhere. */
    static final class FakeChangeWatch implements org.impactdesk.service.changes.ChangeWatch {
        final List<org.impactdesk.domain.DataChange> elsewhere = new ArrayList<>();
        long newest;
        int looks;
        final List<String> askedFor = new ArrayList<>();

        void write(Instant at, String by, String what) {
            elsewhere.add(new org.impactdesk.domain.DataChange(++newest, at, by, what));
        }

        @Override
        public long newest() {
            return newest;
        }

        @Override
        public Optional<org.impactdesk.domain.DataChange> changedElsewhereAfter(long seen, String userId) {
            looks++;
            askedFor.add(userId);
            return elsewhere.stream().filter(c -> c.id() > seen).reduce((a, b) -> b);
        }
    }

    @Test
    void aChangeMadeElsewhereShowsWhenAndByWhomUntilRefreshReloadsTheScreens() {
        FakeChangeWatch log = new FakeChangeWatch();
        log.write(Instant.parse("2026-03-02T07:00:00Z"), "Ada Admin", "import"); // before this window loaded: not news
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        ShellViewModel vm = new ShellViewModel(registry(), KIM, tasks, en, new Formats(Locale.ENGLISH), ZoneId.of("Europe/Oslo"),
                "/data/db.mv.db", Optional::empty, log);
        int[] reloads = {0};
        vm.setReloader(() -> reloads[0]++);
        vm.start();
        vm.startWatching();
        vm.checkForChanges();
        assertThat(vm.changedElsewhereProperty().get()).as("nothing new since the window loaded").isFalse();

        log.write(Instant.parse("2026-03-02T08:15:00Z"), "Ada Admin", "import");
        assertThat(tasks.pending()).as("the half-minute look").singleElement()
                .satisfies(t -> assertThat(t.delay()).isEqualTo(java.time.Duration.ofSeconds(30)));
        tasks.fireScheduled();
        assertThat(vm.changedElsewhereProperty().get()).isTrue();
        assertThat(vm.changedTextProperty().get())
                .isEqualTo("Changed elsewhere at 09:15 by Ada Admin (an import): what you see may be out of date.");
        assertThat(log.askedFor).as("the changes of everyone's data and of the signed-in person's own (their notes)")
                .containsOnly("user-kim");
        assertThat(tasks.pending()).as("it keeps looking").hasSize(1);

        vm.refreshChanged();
        assertThat(reloads[0]).isEqualTo(1);
        assertThat(vm.changedElsewhereProperty().get()).isFalse();
        assertThat(vm.changedTextProperty().get()).isEmpty();
        vm.checkForChanges();
        assertThat(vm.changedElsewhereProperty().get()).as("the refreshed view includes that change").isFalse();

        vm.stopWatching();
        assertThat(tasks.pending()).as("no look after the shell is gone").isEmpty();
    }

    @Test
    void theBannerSpeaksNorwegian() {
        FakeChangeWatch log = new FakeChangeWatch();
        ShellViewModel vm = new ShellViewModel(registry(), KIM, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.forLanguageTag("nb")), new Formats(Locale.forLanguageTag("nb")),
                ZoneId.of("Europe/Oslo"), "/data/db.mv.db", Optional::empty, log);
        vm.start();
        log.write(Instant.parse("2026-03-02T13:05:00Z"), "Kim Koordinator", "generation");
        vm.checkForChanges();
        assertThat(vm.changedTextProperty().get())
                .isEqualTo("Endret et annet sted kl. 14:05 av Kim Koordinator (nye oppsummeringer): det du ser, kan være utdatert.");
    }

    @Test
    void theBannerNamesAFollowUpNoteAndAWrappedRelease() {
        FakeChangeWatch log = new FakeChangeWatch();
        ShellViewModel vm = new ShellViewModel(registry(), KIM, new SameThreadTaskRunner(), en, new Formats(Locale.ENGLISH),
                ZoneId.of("Europe/Oslo"), "/data/db.mv.db", Optional::empty, log);
        vm.start();
        log.write(Instant.parse("2026-03-02T13:05:00Z"), "Kim Koordinator", "follow_up");
        vm.checkForChanges();
        assertThat(vm.changedTextProperty().get())
                .isEqualTo("Changed elsewhere at 14:05 by Kim Koordinator (a follow-up note): what you see may be out of date.");
        ShellViewModel nb = new ShellViewModel(registry(), KIM, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.forLanguageTag("nb")), new Formats(Locale.forLanguageTag("nb")),
                ZoneId.of("Europe/Oslo"), "/data/db.mv.db", Optional::empty, log);
        nb.start();
        log.write(Instant.parse("2026-03-02T13:06:00Z"), "Ada Admin", "release");
        nb.checkForChanges();
        assertThat(nb.changedTextProperty().get())
                .isEqualTo("Endret et annet sted kl. 14:06 av Ada Admin (gjennomgang eller frigiving av Wrapped): det du ser, kan være utdatert.");
    }

    @Test
    void screensFollowTheRegistryOrderAndTheActorsRights() {
        assertThat(vm(KIM, Optional.empty()).screens()).containsExactly(ScreenId.HOME, ScreenId.MENTOR);
        assertThat(vm(ADA, Optional.empty()).screens()).containsExactly(ScreenId.HOME, ScreenId.MENTOR, ScreenId.SETTINGS);
    }

    @Test
    void startsAtHomeAndFillsTheStatusBar() {
        ShellViewModel vm = vm(KIM, Optional.of(Instant.parse("2026-03-02T08:15:00Z")));
        vm.start();
        assertThat(vm.currentProperty().get()).isEqualTo(ScreenId.HOME);
        assertThat(shown).containsExactly(NavigationRequest.to(ScreenId.HOME));
        assertThat(vm.userTextProperty().get()).isEqualTo("Signed in: Kim Koordinator (coordinator)");
        assertThat(vm.databaseTextProperty().get()).isEqualTo("Database: /data/db.mv.db");
        assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Last sync: Mar 2, 2026, 9:15\u202FAM");
    }

    @Test
    void aScreenTheActorMayNotSeeIsRefusedWithAMessage() {
        ShellViewModel vm = vm(KIM, Optional.empty());
        vm.start();
        vm.navigate(NavigationRequest.to(ScreenId.SETTINGS));
        assertThat(vm.currentProperty().get()).isEqualTo(ScreenId.HOME);
        assertThat(vm.messageProperty().get()).isEqualTo("Settings is not available to you in this build.");
        vm.navigate(NavigationRequest.to(ScreenId.TEAM));
        assertThat(vm.messageProperty().get()).isEqualTo("Team is not available to you in this build.");
        assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Last sync: never");
    }

    @Test
    void requestsCarryTheirFilterToThePresenter() {
        ShellViewModel vm = vm(ADA, Optional.empty());
        NavigationRequest r = NavigationRequest.to(ScreenId.MENTOR).withMentor("pm-1", 2025);
        vm.navigate(r);
        assertThat(shown).containsExactly(r);
        assertThat(vm.currentProperty().get()).isEqualTo(ScreenId.MENTOR);
    }
}
