package org.impactdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.impactdesk.achievement.AchievementEvaluation;
import org.impactdesk.achievement.AchievementService;
import org.impactdesk.cli.CliException;
import org.impactdesk.cli.ExitCode;
import javafx.application.Application;
import org.impactdesk.access.Actor;
import org.impactdesk.cli.ImpactDeskCommand;
import org.impactdesk.demo.DemoLoader;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.home.HomeService;
import org.impactdesk.mentor.EnginePreview;
import org.impactdesk.mentor.MentorService;
import org.impactdesk.settings.SettingsService;
import org.impactdesk.share.ShareService;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.HomeDao;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.ShareDao;
import org.impactdesk.store.SummaryReadDao;
import org.impactdesk.store.TeamDao;
import org.impactdesk.store.WrappedDao;
import org.impactdesk.summary.GenerationService;
import org.impactdesk.summary.LogNotificationSender;
import org.impactdesk.team.TeamService;
import org.impactdesk.ui.achievements.AchievementsView;
import org.impactdesk.ui.achievements.AchievementsViewModel;
import org.impactdesk.sync.BundleImporter;
import org.impactdesk.sync.BundleSyncGateway;
import org.impactdesk.sync.SyncGateway;
import org.impactdesk.ui.TaskRunner;
import org.impactdesk.ui.home.HomeScreen;
import org.impactdesk.ui.mentor.MentorScreen;
import org.impactdesk.ui.settings.SettingsScreen;
import org.impactdesk.ui.sync.SyncScreen;
import org.impactdesk.ui.team.TeamScreen;
import org.impactdesk.ui.wrapped.WrappedScreen;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.ScreenRegistry;
import org.impactdesk.ui.shell.WindowPrefs;
import org.impactdesk.ui.signin.SignInViewModel;
import org.impactdesk.wrapped.DbWrappedSource;
import org.impactdesk.wrapped.WrappedSource;

/** Composition root: builds the object graph by hand, in one place. */
public final class App {
    private App() {
    }

    /**
     * Everything built on one open database, for the window and the command line alike.
     * Each feature adds its services here (constructed in order of dependency).
     */
    public static final class Services implements AutoCloseable {
        public final Database database;
        public final OrganizationDao organizations;
        public final SummaryReadDao summaries;
        public final GenerationService generation;
        /** The Mentor screen's scoped reads of stored summaries (and the engine's preview of an open year). */
        public final MentorService mentors;
        /** Awards badges: as the generation listener, before each run (so summaries list the awards) and when an annual summary is ready. */
        public final AchievementEvaluation achievementEvaluation;
        /** The Achievements editor's service (catalog, validation, save, reorder, preview, manual awards, undo). */
        public final AchievementService achievements;
        /** The Team screen's scoped reads of stored periodic rows (outliers, YoY, team rows). */
        public final TeamService team;
        /** The Wrapped previewer's data: stored payloads, the engine's preview of an open year, share export. */
        public final org.impactdesk.wrapped.WrappedSource wrapped;
        /** Who may sign in to the window. */
        public final ActorDao actors;
        /** Home tiles: stored periodic figures in the signed-in user's scope. */
        public final HomeService home;
        /** Settings screen: organisation settings and modules, admins only. */
        public final SettingsService settings;
        /** Sync from export bundles (import command, and the Sync screen through {@link #sync}). */
        public final BundleImporter importer;
        /** The Sync screen's port: preview, import, regeneration of stale summaries, import history. */
        public final SyncGateway sync;
        /** Opens an empty database on data/demo (import + generation of the closed periods); the window calls loadIfEmpty. */
        public final DemoLoader demo;

        public Services(Database database) {
            this(database, Locale.ENGLISH);
        }

        /** {@code locale}: the language of the texts generation stores (labels, headlines). */
        public Services(Database database, Locale locale) {
            this.database = database;
            this.organizations = new OrganizationDao(database.jdbi());
            this.summaries = new SummaryReadDao(database.jdbi());
            this.achievementEvaluation = new AchievementEvaluation(database.jdbi());
            this.achievements = new org.impactdesk.achievement.StoredAchievementService(database.jdbi(), Clock.systemUTC());
            this.generation = new GenerationService(database, new LogNotificationSender(), List.of(achievementEvaluation),
                    Clock.systemUTC(), locale);
            this.mentors = new org.impactdesk.mentor.StoredMentorService(new MentorSummaryDao(database.jdbi()), new EnginePreview(generation));
            this.team = new org.impactdesk.team.StoredTeamService(database.jdbi().onDemand(TeamDao.class), Clock.systemUTC());
            org.impactdesk.store.ShareDao shareDao = new org.impactdesk.store.ShareDao(database.jdbi());
            this.wrapped = new org.impactdesk.wrapped.DbWrappedSource(new org.impactdesk.store.WrappedDao(database.jdbi()),
                    shareDao, new org.impactdesk.share.ShareService(shareDao),
                    new org.impactdesk.wrapped.GenerationPreview(generation));
            this.actors = new ActorDao(database.jdbi());
            this.home = new org.impactdesk.home.StoredHomeService(new HomeDao(database.jdbi()), summaries, organizations, Clock.systemUTC());
            this.settings = new org.impactdesk.settings.StoredSettingsService(organizations, database.path());
            this.importer = new BundleImporter(database, Clock.systemUTC());
            this.sync = new BundleSyncGateway(database, importer, generation);
            this.demo = new DemoLoader(database, generation, Clock.systemUTC());
        }

        /** Opens (and migrates) the database at {@code path} and builds the services on it. */
        public static Services open(Path path) {
            return new Services(Database.open(path));
        }

        /** A user by id, for --as. */
        public java.util.Optional<Actor> actor(String userId) {
            return actors.find(userId);
        }

        @Override
        public void close() {
            database.close();
        }

        /** The organisation's time zone for an actor (Europe/Oslo without one). */
        public ZoneId zoneOf(Actor actor) {
            if (actor == null || actor.organizationId() == null) {
                return OrganizationSettings.DEFAULT_ZONE;
            }
            return organizations.find(actor.organizationId()).map(OrganizationSettings::zone)
                    .orElse(OrganizationSettings.DEFAULT_ZONE);
        }
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
        r.register(ScreenId.HOME, ctx -> HomeScreen.create(s.home, s.zoneOf(ctx.actor()), ctx));
        r.register(ScreenId.SYNC, ctx -> SyncScreen.create(s.sync, s.zoneOf(ctx.actor()),
                System.getProperty("impactdesk.previewBundle"), ctx));
        // a peer mentor has no team: Team is for coordinators and admins
        r.register(ScreenId.TEAM, a -> a.scope().kind() != org.impactdesk.access.Scope.Kind.SELF,
                ctx -> TeamScreen.create(s.team, ctx));
        r.register(ScreenId.MENTOR, ctx -> MentorScreen.create(s.mentors, s.zoneOf(ctx.actor()), ctx));
        r.register(ScreenId.WRAPPED, ctx -> WrappedScreen.create(s.wrapped, s.zoneOf(ctx.actor()), ctx));
        r.register(ScreenId.ACHIEVEMENTS, Actor::isAdmin, ctx -> achievements(s, ctx));
        r.register(ScreenId.SETTINGS, Actor::isAdmin, ctx -> SettingsScreen.create(s.settings, ctx));
        return r;
    }

    static Screen achievements(Services s, ScreenContext ctx) {
        AchievementsViewModel vm = new AchievementsViewModel(s.achievements, ctx.actor(), ctx.tasks(), ctx.bundle());
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
        return new MainWindow.Setup(screens(s), s.actors::signInCandidates, firstRun(s),
                s.settings.databaseFile().toAbsolutePath().toString(), s.home::lastSync, s::zoneOf, prefs, tasks);
    }

    /** Opening the app on an empty database imports the demo bundle (data/demo) and generates its summaries. */
    static SignInViewModel.FirstRun firstRun(Services s) {
        return new DemoFirstRun(s.demo);
    }

    /** Opens the desktop window on the chosen database (a JavaFX Application: {@link DesktopApp}). */
    public static void openWindow(ImpactDeskCommand options) {
        options.privateDataFolder();
        Application.launch(DesktopApp.class, DesktopApp.arguments(options));
    }
}
