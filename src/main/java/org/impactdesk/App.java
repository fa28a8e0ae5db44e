package org.impactdesk;

import javafx.application.Application;
import org.impactdesk.access.Actor;
import org.impactdesk.cli.ImpactDeskCommand;
import org.impactdesk.service.Services;
import org.impactdesk.ui.achievements.AchievementsView;
import org.impactdesk.ui.alerts.AlertsScreen;
import org.impactdesk.ui.alerts.RetryLoop;
import org.impactdesk.ui.achievements.AchievementsViewModel;
import org.impactdesk.ui.fx.TaskRunner;
import org.impactdesk.ui.home.HomeScreen;
import org.impactdesk.ui.mentor.MentorScreen;
import org.impactdesk.ui.funder.FunderScreen;
import org.impactdesk.ui.settings.SettingsScreen;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.ScreenRegistry;
import org.impactdesk.ui.shell.WindowPrefs;
import org.impactdesk.ui.signin.SignInViewModel;
import org.impactdesk.ui.sync.SyncScreen;
import org.impactdesk.ui.team.TeamScreen;
import org.impactdesk.ui.wrapped.WrappedScreen;

/** Composition root: builds the object graph by hand, in one place. */
public final class App {
    private App() {
    }

    /**
     * The window's screens, registered in one place. To add a screen: give it a wiring class in
     * its {@code ui/<feature>} package that builds its ViewModel and loads its View with {@code
     * ctx.loader()} into a {@link Screen}, starting no load (the screen loads its data when shown).
     * Visibility: a predicate on the signed-in actor. A factory runs on a worker on the screen's
     * first visit (see ShellView): it must not touch the live scene or show windows.
     */
    public static ScreenRegistry screens(Services s) {
        ScreenRegistry r = new ScreenRegistry();
        r.register(ScreenId.HOME, ctx -> HomeScreen.create(s.home, s.alerts, s.followUps, s.digests, s.deliveryService,
                s.zoneOf(ctx.actor()), ctx));
        // importing is for coordinators and admins: a peer mentor gets no Sync (navigation, Ctrl+O, shortcuts)
        r.register(ScreenId.SYNC, a -> !a.isPeerMentorOnly(), ctx -> SyncScreen.create(s.sync, s.zoneOf(ctx.actor()),
                System.getProperty("impactdesk.previewBundle"), ctx));
        // a peer mentor has no team: Team is for coordinators and admins
        r.register(ScreenId.TEAM, a -> !a.isPeerMentorOnly(),
                ctx -> TeamScreen.create(s.team, s.followUps, System.getProperty("impactdesk.teamSelect"), ctx));
        r.register(ScreenId.MENTOR, ctx -> MentorScreen.create(s.mentors, s.zoneOf(ctx.actor()), ctx));
        r.register(ScreenId.WRAPPED, ctx -> WrappedScreen.create(s.wrapped, s.releases, s.deliveryService, s.zoneOf(ctx.actor()), ctx));
        r.register(ScreenId.FUNDER, a -> a.isAdmin() || a.has(org.impactdesk.access.Role.COORDINATOR),
                ctx -> FunderScreen.create(s.funder, s.zoneOf(ctx.actor()), ctx));
        r.register(ScreenId.ACHIEVEMENTS, Actor::isAdmin, ctx -> achievements(s, ctx));
        r.register(ScreenId.SETTINGS, Actor::isAdmin, ctx -> SettingsScreen.create(s.settings, s.funderSettings, s.deliveryService,
                System.getProperty("impactdesk.settingsSection"), ctx));
        // failed summary generations: admins only (they generate, so they act on failures)
        r.register(ScreenId.ALERTS, Actor::isAdmin, ctx -> AlertsScreen.create(s.alerts, s.zoneOf(ctx.actor()), ctx));
        return r;
    }

    static Screen achievements(Services s, ScreenContext ctx) {
        AchievementsViewModel vm = new AchievementsViewModel(s.achievements, ctx.actor(), ctx.tasks(), ctx.dialogs(), ctx.bundle());
        AchievementsView view = new AchievementsView(vm);
        var root = ctx.loader().load(AchievementsView.FXML, view);
        return Screen.of(root)
                .onFirstShow(vm::load)
                .onRefresh(vm::load)
                .search(view.searchField())
                .build();
    }

    /** The window's parts: screens, who may sign in, the first-run import, the status bar's sources. */
    static MainWindow.Setup window(Services s, WindowPrefs prefs, TaskRunner tasks) {
        return window(s, screens(s), directory(s), firstRun(s), prefs, tasks);
    }

    /** The window's parts with the screens, the sign-in list and the first run given (the window tests give their own). */
    public static MainWindow.Setup window(Services s, ScreenRegistry screens, SignInViewModel.Directory users,
            SignInViewModel.FirstRun firstRun, WindowPrefs prefs, TaskRunner tasks) {
        return new MainWindow.Setup(screens, users, firstRun, s.settings.database().text(),
                s.home::lastSync, s::zoneOf, prefs, tasks, s.changes, s.database::readAs);
    }

    /**
     * The window's retries of failed summaries while it is open (as the local operator, like the
     * January batch job), on the window's task runner; started by the window, stopped when it closes.
     */
    static RetryLoop retryLoop(Services s, TaskRunner tasks) {
        return new RetryLoop(s.alerts, tasks, Actor.localOperator(), java.time.Clock.systemUTC());
    }

    /** Who may sign in, with their organisations' names. */
    public static SignInViewModel.Directory directory(Services s) {
        return new SignInViewModel.Directory() {
            @Override
            public java.util.List<Actor> candidates() {
                return s.actors.signInCandidates();
            }

            @Override
            public java.util.Map<String, String> organizationNames() {
                return s.actors.organizationNames();
            }
        };
    }

    /** Opening the app on an empty database imports the demo bundle (data/demo) and generates its summaries. */
    static SignInViewModel.FirstRun firstRun(Services s) {
        return new DemoFirstRun(s.demo);
    }

    /** Opens the desktop window on the chosen database (a JavaFX Application: {@link DesktopApp}). */
    public static void openWindow(ImpactDeskCommand options) {
        options.privateDataFolder();
        // without --db (or IMPACT_DESK_DB): the database chosen last with "Open database…", if any
        String remembered = options.databaseChosen() ? null : WindowPrefs.forApp().lastDatabase();
        DesktopApp.openBeside(options, remembered); // the database opens while JavaFX starts
        Application.launch(DesktopApp.class, DesktopApp.arguments(options, remembered));
    }
}
