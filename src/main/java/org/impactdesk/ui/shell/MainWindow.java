package org.impactdesk.ui.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.FxDialogService;
import org.impactdesk.ui.fx.TaskRunner;
import org.impactdesk.ui.fx.Themes;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.fx.WindowControls;
import org.impactdesk.ui.signin.SignInView;
import org.impactdesk.ui.signin.SignInViewModel;
/**
 * The one window: sign in first (importing the demo bundle into an empty database), then the
 * shell with the screens of the {@link ScreenRegistry}. A language change rebuilds the shell
 * (the signed-in user and the screen shown stay); the theme switches in place. The sign-in screen
 * is built on the FX thread as the window opens; the shell's FXML is loaded into a detached node
 * on a worker and attached on the FX thread, and each screen is built on its first visit (see
 * {@link ShellView}). CSS and layout happen on the FX thread only, as JavaFX does them.
 */
public final class MainWindow implements WindowControls {

    /**
     * What the window is built from (assembled in App). {@code changes}: where changes made elsewhere
     * are looked for (null: not looked for); {@code readAs}: told who is signed in (their user id, null
     * at sign-out), so that on a team database the screens' reads run as that person's role;
     * {@code opener}: behind the sign-in screen's "Open database…" (null: no such action).
     */
    public record Setup(ScreenRegistry registry, SignInViewModel.Directory directory, SignInViewModel.FirstRun firstRun,
                        String databaseFile, Supplier<Optional<Instant>> lastSync, Function<Actor, ZoneId> zones,
                        WindowPrefs prefs, TaskRunner tasks, org.impactdesk.service.changes.ChangeWatch changes,
                        java.util.function.Consumer<String> readAs, DatabaseOpener opener) {

        public Setup(ScreenRegistry registry, SignInViewModel.Directory directory, SignInViewModel.FirstRun firstRun,
                     String databaseFile, Supplier<Optional<Instant>> lastSync, Function<Actor, ZoneId> zones,
                     WindowPrefs prefs, TaskRunner tasks, org.impactdesk.service.changes.ChangeWatch changes,
                     java.util.function.Consumer<String> readAs) {
            this(registry, directory, firstRun, databaseFile, lastSync, zones, prefs, tasks, changes, readAs, null);
        }

        /** The same parts, with "Open database…" opening through {@code opener}. */
        public Setup withOpener(DatabaseOpener opener) {
            return new Setup(registry, directory, firstRun, databaseFile, lastSync, zones, prefs, tasks, changes, readAs, opener);
        }

        public Setup(ScreenRegistry registry, SignInViewModel.Directory directory, SignInViewModel.FirstRun firstRun,
                     String databaseFile, Supplier<Optional<Instant>> lastSync, Function<Actor, ZoneId> zones,
                     WindowPrefs prefs, TaskRunner tasks) {
            this(registry, directory, firstRun, databaseFile, lastSync, zones, prefs, tasks, null, user -> { });
        }
    }

    private final Stage stage;
    /** Replaced when another database is opened ({@link #openDatabase}). */
    private Setup setup;
    private final DialogService dialogs;
    private Locale locale;
    /** The theme: applied to the scene and remembered whenever it changes, whoever changes it. */
    private final javafx.beans.property.BooleanProperty dark = new javafx.beans.property.SimpleBooleanProperty(this, "dark");
    private Actor actor;
    private String autoSignIn;
    private ScreenId startScreen;
    private ShellView shell;
    private SignInView signIn;

    public MainWindow(Stage stage, Setup setup, Locale locale, boolean dark) {
        this.stage = stage;
        this.setup = setup;
        this.locale = locale;
        this.dark.set(dark);
        this.dark.addListener((obs, old, now) -> {
            this.setup.prefs().dark(now);
            if (stage.getScene() != null) {
                Themes.setDark(stage.getScene(), now);
            }
        });
        this.dialogs = new FxDialogService(() -> stage);
    }

    /** The screen shown after sign-in instead of Home (the screenshot and benchmark tools). */
    public MainWindow startScreen(ScreenId screen) {
        this.startScreen = screen;
        return this;
    }

    /** Signs this user in as soon as the list of users is loaded (--as on the command line). */
    public MainWindow autoSignIn(String userId) {
        this.autoSignIn = userId;
        return this;
    }

    /** Shows the window with the sign-in screen; its list of users loads off the FX thread. */
    public void show() {
        setup.prefs().restore(stage);
        setup.prefs().watch(stage);
        stage.setTitle(new ViewLoader(locale).bundle().getString("app.title"));
        // back to the window (from another desktop's window, a terminal): has the data changed elsewhere?
        stage.focusedProperty().addListener((o, was, now) -> {
            if (now && shell != null) {
                shell.viewModel().checkForChanges();
            }
        });
        stage.setOnHidden(e -> {
            generation++;
            if (shell != null) {
                shell.dispose();
            }
            setup.prefs().flush();
        });
        showSignIn();
        stage.show();
    }

    /**
     * Bumped by every change of what the window shows (sign in, sign out, language, close): a
     * shell that lands for an older one is dropped.
     */
    private int generation;

    private void showSignIn() {
        actor = null;
        setup.readAs().accept(null);
        generation++;
        ViewLoader loader = new ViewLoader(locale);
        String remembered = autoSignIn != null ? autoSignIn : setup.prefs().lastUser();
        SignInViewModel vm = new SignInViewModel(setup.directory(), setup.firstRun(), setup.tasks(), loader.bundle(),
                remembered, this::signIn);
        SignInView view = new SignInView(vm, this);
        loader.load(SignInView.FXML, view);
        view.showDatabase(setup.databaseFile() == null ? null
                        : org.impactdesk.domain.BundleText.format(loader.bundle(), "shell.status.database", setup.databaseFile()),
                setup.opener() == null ? null : this::openDatabase, databaseNotice);
        present(view.root(), null, view);
        if (autoSignIn != null) {
            String wanted = autoSignIn;
            vm.stateProperty().addListener((o, a, now) -> {
                if (now == SignInViewModel.State.READY && vm.selectedProperty().get() != null
                        && vm.selectedProperty().get().actor().userId().equals(wanted)) {
                    autoSignIn = null;
                    vm.signIn();
                }
            });
        }
        vm.start();
        if (!startupTraced && System.getProperty(STARTUP_TRACE) != null) {
            startupTraced = true;
            traceStartup(vm);
        }
    }

    /**
     * {@code -Dimpactdesk.startupTrace} (docs/startup.sh): once the first sign-in list is loaded and
     * a frame with it drawn, prints when (epoch ms, and ms since the JVM started) to stderr; with
     * the value {@code exit} the window then closes.
     */
    public static final String STARTUP_TRACE = "impactdesk.startupTrace";
    private boolean startupTraced;

    private void traceStartup(SignInViewModel vm) {
        vm.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends SignInViewModel.State> o,
                                SignInViewModel.State was, SignInViewModel.State now) {
                if (now != SignInViewModel.State.READY) {
                    return;
                }
                o.removeListener(this);
                new javafx.animation.AnimationTimer() {
                    private int frames;

                    @Override
                    public void handle(long t) {
                        if (++frames < 2) {
                            return; // the pulse that draws the filled list has run once the next one starts
                        }
                        stop();
                        System.err.printf("impact-desk startup: sign-in list shown at %d (epoch ms), %d ms after the JVM started%n",
                                System.currentTimeMillis(),
                                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                        if ("exit".equals(System.getProperty(STARTUP_TRACE))) {
                            stage.close();
                        }
                    }
                }.start();
            }
        });
    }

    /** Said under the database on the sign-in screen (why the remembered database did not open), or null. */
    private String databaseNotice;

    /** Says {@code text} under the database on the sign-in screen (e.g. why the last database did not open). */
    public MainWindow databaseNotice(String text) {
        this.databaseNotice = text;
        return this;
    }

    /**
     * The sign-in screen's "Open database…": a dialog for an H2 file or a team database; the chosen one
     * opens on a worker while this one stays in use, and once open the window shows its sign-in list
     * and the database open until then is closed. Bad input or a failure is said in the dialog.
     */
    public void openDatabase() {
        if (setup.opener() == null || actor != null) {
            return;
        }
        ViewLoader loader = new ViewLoader(locale);
        OpenDatabaseViewModel vm = new OpenDatabaseViewModel(setup.opener(), setup.tasks(), loader.bundle());
        new OpenDatabaseDialog(vm, loader.bundle(), stage).showAndWait(this::useDatabase);
    }

    /** Shows the sign-in list of the database just opened; the one open until now closes. */
    private void useDatabase(DatabaseOpener.Opened opened) {
        if (!stage.isShowing()) {
            opened.discard();
            return;
        }
        setup = opened.setup();
        databaseNotice = null;
        autoSignIn = null;
        opened.activate();
        showSignIn();
    }

    /** Opens the shell for {@code who}: every screen built from here on carries this actor. */
    public void signIn(Actor who) {
        this.actor = who;
        setup.readAs().accept(who.userId()); // before any screen of theirs loads
        if (who.userId() != null) {
            setup.prefs().lastUser(who.userId());
        }
        NavigationRequest first = startScreen == null ? null : NavigationRequest.to(startScreen);
        startScreen = null;
        showShell(first);
    }

    /**
     * Loads the shell for the signed-in actor (its FXML: menus, navigation, status bar) into a
     * detached node on a worker, then, on the FX thread, makes it the scene's root and opens
     * {@code first} (null: Home or the first screen the actor may see), which shows a placeholder
     * until that screen is built. The screen shown so far stays until the shell lands.
     */
    private void showShell(NavigationRequest first) {
        int gen = ++generation;
        Actor who = actor;
        Locale loc = locale;
        setup.tasks().run("build-shell", p -> buildShell(who, loc), org.impactdesk.ui.fx.TaskRunner.Callbacks.of(built -> {
            if (gen != generation) {
                return;
            }
            present(built.root(), built, null);
            built.viewModel().start(first);
            built.viewModel().startWatching();
        }, failure -> {
            if (gen != generation) {
                return;
            }
            java.util.logging.Logger.getLogger(MainWindow.class.getName())
                    .log(java.util.logging.Level.WARNING, "the window's shell could not be built", failure);
            actor = null;
            if (signIn != null) {
                // back to the list, saying why
                signIn.viewModel().openFailed(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        }));
    }

    private ShellView buildShell(Actor who, Locale loc) {
        ViewLoader loader = new ViewLoader(loc);
        ShellViewModel vm = new ShellViewModel(setup.registry(), who, setup.tasks(), loader.bundle(),
                new Formats(loc), setup.zones().apply(who), setup.databaseFile(), setup.lastSync(), setup.changes());
        ShellView[] self = new ShellView[1];
        ScreenContext context = new ScreenContext(who, loader, setup.tasks(), dialogs, vm, () -> {
            if (self[0] != null) {
                self[0].dataChanged();
            }
        });
        ShellView view = self[0] = new ShellView(vm, setup.registry(), context, this, setup.prefs(), this::showSignIn,
                stage::close);
        loader.load(ShellView.FXML, view);
        return view;
    }

    /** Shows {@code root}, the sign-in screen or a shell; the shell shown until now is disposed. */
    private void present(Parent root, ShellView nowShell, SignInView nowSignIn) {
        ShellView old = shell;
        shell = nowShell;
        signIn = nowSignIn;
        setRoot(root);
        if (old != null && old != nowShell) {
            old.dispose();
        }
    }

    private void setRoot(Parent root) {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root);
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
        Themes.apply(scene, dark.get());
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public void switchLanguage(Locale newLocale) {
        if (newLocale.getLanguage().equals(locale.getLanguage())) {
            return;
        }
        locale = newLocale;
        setup.prefs().saveLocale(newLocale);
        stage.setTitle(new ViewLoader(locale).bundle().getString("app.title"));
        if (actor != null) {
            // the new shell opens on the screen shown now, with what it showed (a menu command's intent dropped)
            NavigationRequest now = shell == null ? null : shell.shownRequest();
            showShell(now == null ? null : now.withIntent(NavigationRequest.Intent.SHOW));
        } else {
            showSignIn();
        }
    }

    @Override
    public javafx.beans.property.BooleanProperty darkProperty() {
        return dark;
    }

    public ShellView shell() {
        return shell;
    }

    public SignInView signInView() {
        return signIn;
    }

    public Stage stage() {
        return stage;
    }
}
