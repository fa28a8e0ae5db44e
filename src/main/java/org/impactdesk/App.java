package org.impactdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
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
import org.impactdesk.ui.team.TeamView;
import org.impactdesk.ui.team.TeamViewModel;
import org.impactdesk.sync.BundleImporter;
import org.impactdesk.sync.BundleSyncGateway;
import org.impactdesk.sync.SyncGateway;
import org.impactdesk.ui.TaskRunner;
import org.impactdesk.ui.home.HomeView;
import org.impactdesk.ui.home.HomeViewModel;
import org.impactdesk.ui.mentor.MentorView;
import org.impactdesk.ui.mentor.MentorViewModel;
import org.impactdesk.ui.settings.SettingsView;
import org.impactdesk.ui.settings.SettingsViewModel;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.ScreenRegistry;
import org.impactdesk.ui.shell.WindowPrefs;
import org.impactdesk.ui.sync.SyncView;
import org.impactdesk.ui.sync.SyncViewModel;
import org.impactdesk.ui.signin.SignInViewModel;
import org.impactdesk.ui.wrapped.WrappedView;
import org.impactdesk.ui.wrapped.WrappedViewModel;
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
            this.achievements = new AchievementService(database.jdbi(), Clock.systemUTC());
            this.generation = new GenerationService(database, new LogNotificationSender(), List.of(achievementEvaluation),
                    Clock.systemUTC(), locale);
            this.mentors = new MentorService(new MentorSummaryDao(database.jdbi()), new EnginePreview(generation));
            this.team = new TeamService(database.jdbi().onDemand(TeamDao.class), Clock.systemUTC());
            org.impactdesk.store.ShareDao shareDao = new org.impactdesk.store.ShareDao(database.jdbi());
            this.wrapped = new org.impactdesk.wrapped.DbWrappedSource(new org.impactdesk.store.WrappedDao(database.jdbi()),
                    shareDao, new org.impactdesk.share.ShareService(shareDao),
                    new org.impactdesk.wrapped.GenerationPreview(generation));
            this.actors = new ActorDao(database.jdbi());
            this.home = new HomeService(new HomeDao(database.jdbi()), summaries, organizations, Clock.systemUTC());
            this.settings = new SettingsService(organizations, database.path());
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
     * The window's screens, registered in one place. To add a screen: build its ViewModel from
     * {@code s} (services) and {@code ctx} (actor, language, task runner, dialogs, navigator),
     * load its View with {@code ctx.loader()}, and wrap the root in a {@link Screen} (menu commands
     * optional). Visibility: a predicate on the signed-in actor. Screens are built off the FX
     * thread on first use (see ShellView): a factory must not show windows.
     *
     */
    public static ScreenRegistry screens(Services s) {
        ScreenRegistry r = new ScreenRegistry();
        r.register(ScreenId.HOME, ctx -> home(s, ctx));
        r.register(ScreenId.SYNC, ctx -> sync(s, ctx));
        // a peer mentor has no team: Team is for coordinators and admins
        r.register(ScreenId.TEAM, a -> a.scope().kind() != org.impactdesk.access.Scope.Kind.SELF, ctx -> team(s, ctx));
        r.register(ScreenId.MENTOR, ctx -> mentor(s, ctx));
        r.register(ScreenId.WRAPPED, ctx -> wrapped(s, ctx));
        r.register(ScreenId.ACHIEVEMENTS, Actor::isAdmin, ctx -> achievements(s, ctx));
        r.register(ScreenId.SETTINGS, Actor::isAdmin, ctx -> settings(s, ctx));
        return r;
    }

    static Screen home(Services s, ScreenContext ctx) {
        HomeViewModel vm = new HomeViewModel(s.home, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.formats(),
                s.zoneOf(ctx.actor()), ctx.navigator());
        HomeView view = new HomeView(vm);
        return Screen.of(ctx.loader().load(HomeView.FXML, view))
                .onShow(req -> vm.show(req.period()))
                .onRefresh(vm::refresh)
                .build();
    }

    static Screen sync(Services s, ScreenContext ctx) {
        SyncViewModel vm = new SyncViewModel(s.sync, ctx.actor(), ctx.tasks(), ctx.dialogs(), ctx.bundle(),
                s.zoneOf(ctx.actor()), ctx.dataChanged());
        SyncView view = new SyncView(vm);
        var root = ctx.loader().load(SyncView.FXML, view);
        // for the screenshots: -Dimpactdesk.previewBundle=PATH previews that bundle on the first visit (nothing is written)
        String[] preview = {System.getProperty("impactdesk.previewBundle")};
        return Screen.of(root)
                .onShow(req -> {
                    if (req.intent() == NavigationRequest.Intent.IMPORT) {
                        vm.chooseFile();
                    } else if (preview[0] != null) {
                        String path = preview[0];
                        preview[0] = null;
                        try {
                            vm.choose(java.nio.file.Path.of(path));
                        } catch (java.nio.file.InvalidPathException e) {
                            // a screenshot run's typo: the screen opens without a preview
                        }
                    }
                })
                .onRefresh(vm::refreshHistory)
                .build();
    }

    static Screen team(Services s, ScreenContext ctx) {
        TeamViewModel vm = new TeamViewModel(s.team, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.dialogs(),
                (pm, year) -> ctx.navigator().navigate(NavigationRequest.to(ScreenId.MENTOR).withMentor(pm, year)));
        TeamView view = new TeamView(vm);
        var root = ctx.loader().load(TeamView.FXML, view);
        boolean[] started = {false};
        return Screen.of(root)
                .onShow(req -> {
                    // Home's tiles carry a period and an outlier filter; a plain visit keeps what is shown
                    TeamViewModel.StatusFilter filter = req.status() == null ? TeamViewModel.StatusFilter.ALL
                            : TeamViewModel.StatusFilter.valueOf(req.status().name());
                    if (req.period() != null) {
                        vm.show(req.period(), filter);
                    } else if (req.status() != null) {
                        vm.show(filter);
                    } else if (!started[0]) {
                        vm.start();
                    }
                    started[0] = true;
                })
                .onRefresh(vm::reload)
                .onExport(vm::export)
                .onSearch(view::focusSearch)
                .build();
    }

    static Screen achievements(Services s, ScreenContext ctx) {
        AchievementsViewModel vm = new AchievementsViewModel(s.achievements, ctx.actor(), ctx.tasks(), ctx.bundle());
        AchievementsView view = new AchievementsView(vm);
        var root = ctx.loader().load(AchievementsView.FXML, view);
        vm.load();
        return Screen.of(root)
                .onRefresh(vm::load)
                .search(view.searchField())
                .build();
    }

    static Screen mentor(Services s, ScreenContext ctx) {
        ZoneId zone = s.zoneOf(ctx.actor());
        MentorViewModel vm = new MentorViewModel(s.mentors, ctx.actor(), ctx.tasks(), ctx.bundle(), zone,
                () -> LocalDate.now(zone), (pm, year) -> ctx.navigator().navigate(
                        NavigationRequest.to(ScreenId.WRAPPED).withMentor(pm, year)));
        MentorView view = new MentorView(vm);
        var root = ctx.loader().load(MentorView.FXML, view);
        // opened from the navigation without a mentor: show the first one in scope (a peer mentor: their own)
        vm.mentors().addListener((javafx.collections.ListChangeListener<org.impactdesk.mentor.MentorRef>) c -> {
            // after the list's own update (which ignores selection changes while it applies them)
            javafx.application.Platform.runLater(() -> {
                if (vm.selectedMentorProperty().get() == null && vm.overviewProperty().get() == null
                        && !vm.busyProperty().get() && !vm.mentors().isEmpty()) {
                    vm.selectedMentorProperty().set(vm.mentors().stream()
                            .filter(m -> m.peerMentorId().equals(ctx.actor().peerMentorId())).findFirst()
                            .orElse(vm.mentors().get(0)));
                }
            });
        });
        vm.loadMentors();
        return Screen.of(root)
                .onShow(req -> {
                    if (req.peerMentorId() != null) {
                        if (req.year() != null) {
                            vm.openMentor(req.peerMentorId(), req.year());
                        } else {
                            vm.openMentor(req.peerMentorId());
                        }
                    }
                })
                .onRefresh(() -> {
                    vm.loadMentors();
                    vm.reload();
                })
                .search(root.lookup("#mentorPicker"))
                .build();
    }

    static Screen wrapped(Services s, ScreenContext ctx) {
        WrappedViewModel vm = new WrappedViewModel(s.wrapped, ctx.tasks(), ctx.dialogs(), ctx.actor(), ctx.locale(),
                ctx.bundle(), () -> Year.now(s.zoneOf(ctx.actor())).getValue());
        WrappedView view = new WrappedView(vm);
        var root = ctx.loader().load(WrappedView.FXML, view);
        // the first mentor and year chosen by the list: show them at once (later choices wait for Show)
        boolean[] shown = {false};
        vm.yearProperty().addListener((o, a, year) -> {
            if (!shown[0] && year != null && vm.mentorProperty().get() != null) {
                shown[0] = true;
                vm.load();
            }
        });
        vm.loadMentors();
        return Screen.of(root)
                .onShow(req -> {
                    if (req.peerMentorId() != null) {
                        vm.open(req.peerMentorId(), req.year() != null ? req.year() : Year.now().getValue() - 1);
                    }
                })
                .onRefresh(vm::load)
                .onDispose(view::stop)
                .build();
    }

    static Screen settings(Services s, ScreenContext ctx) {
        SettingsViewModel vm = new SettingsViewModel(s.settings, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.formats());
        SettingsView view = new SettingsView(vm);
        var root = ctx.loader().load(SettingsView.FXML, view);
        vm.load();
        return Screen.of(root)
                .onRefresh(vm::revert)
                .search(view.searchField())
                .build();
    }

    /** The window's parts: screens, who may sign in, the first-run import, the status bar's sources. */
    static MainWindow.Setup window(Services s, WindowPrefs prefs, TaskRunner tasks) {
        return new MainWindow.Setup(screens(s), s.actors::signInCandidates, firstRun(s),
                s.settings.databaseFile().toAbsolutePath().toString(), s.home::lastSync, s::zoneOf, prefs, tasks)
                .withWarmUp(List.of(org.impactdesk.ui.shell.ShellView.FXML, HomeView.FXML, SyncView.FXML, TeamView.FXML,
                                MentorView.FXML, WrappedView.FXML, AchievementsView.FXML, SettingsView.FXML),
                        List.of(HomeView::warmUpSample, org.impactdesk.ui.mentor.MentorView::warmUpSample,
                                org.impactdesk.ui.shell.WarmUp::tableSample));
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
