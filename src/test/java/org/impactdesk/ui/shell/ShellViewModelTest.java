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
