package org.impactdesk.ui.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.ui.DialogService;
import org.impactdesk.ui.FxDialogService;
import org.impactdesk.ui.Formats;
import org.impactdesk.ui.TaskRunner;
import org.impactdesk.ui.Themes;
import org.impactdesk.ui.ViewLoader;
import org.impactdesk.ui.signin.SignInView;
import org.impactdesk.ui.signin.SignInViewModel;

/**
 * The one window: sign in first (importing the demo bundle into an empty database), then the
 * shell with the screens of the {@link ScreenRegistry}. A language change rebuilds the shell
 * (the signed-in user and the screen shown stay); the theme switches in place. The sign-in screen
 * and the shell are built off the FX thread and swapped in as the scene's root in one step, so
 * the window answers while they are built.
 */
public final class MainWindow implements WindowControls {

    /** What the window is built from (assembled in App). */
    public record Setup(ScreenRegistry registry, SignInViewModel.Directory directory, SignInViewModel.FirstRun firstRun,
                        String databaseFile, Supplier<Optional<Instant>> lastSync, Function<Actor, ZoneId> zones,
                        WindowPrefs prefs, TaskRunner tasks, List<String> warmUpViews,
                        List<Supplier<? extends javafx.scene.Node>> warmUpSamples) {

        /** Without a background warm-up (tests). */
        public Setup(ScreenRegistry registry, SignInViewModel.Directory directory, SignInViewModel.FirstRun firstRun,
                     String databaseFile, Supplier<Optional<Instant>> lastSync, Function<Actor, ZoneId> zones,
                     WindowPrefs prefs, TaskRunner tasks) {
            this(registry, directory, firstRun, databaseFile, lastSync, zones, prefs, tasks, List.of(), List.of());
        }

        /**
         * The same with a warm-up: before the sign-in screen lands (while the window's first,
         * inert screen is shown; while the sign-in list is shown when the window already had a
         * scene), a worker loads every screen's
         * FXML without its controller and the {@code samples} (nodes the screens make in code), and
         * styles them in throwaway scenes (see {@link WarmUp}).
         */
        public Setup withWarmUp(List<String> views, List<Supplier<? extends javafx.scene.Node>> samples) {
            return new Setup(registry, directory, firstRun, databaseFile, lastSync, zones, prefs, tasks, List.copyOf(views),
                    List.copyOf(samples));
        }
    }

    private final Stage stage;
    private final Setup setup;
    private final DialogService dialogs;
    private Locale locale;
    private boolean dark;
    private Actor actor;
    private String autoSignIn;
    private ScreenId startScreen;
    private ShellView shell;
    private SignInView signIn;

    public MainWindow(Stage stage, Setup setup, Locale locale, boolean dark) {
        this.stage = stage;
        this.setup = setup;
        this.locale = locale;
        this.dark = dark;
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

    public void show() {
        setup.prefs().restore(stage);
        setup.prefs().watch(stage);
        java.util.ResourceBundle words = new ViewLoader(locale).bundle();
        stage.setTitle(words.getString("app.title"));
        stage.setOnHidden(e -> {
            generation++;
            stopStartupSpin();
            if (shell != null) {
                shell.dispose();
            }
            setup.prefs().flush();
        });
        if (stage.getScene() == null) {
            // the first scene holds no control and no text, only a spinner: the window appears
            // without waiting for Modena's CSS and the control classes, and lays out without the
            // turn (LayoutTurns) while the sign-in screen is built and the screens are warmed up
            // off the thread
            StackPane first = new StackPane(startupSpinner(words.getString("startup.opening")));
            first.setId(STARTUP_ID);
            first.getStyleClass().add("app-root");
            LayoutTurns.markInert(first);
            setRoot(first);
        }
        // from here a window's show holds the turn while it lays its scene out, unless the scene is inert
        LayoutTurns.install();
        if (LayoutTurns.isInert(stage.getScene())) {
            // the native window and its first frame first, so the sign-in build and the warm-up
            // do not compete with them for the cores
            stage.show();
            afterNextPulse(this::showSignIn);
        } else {
            showSignIn();
            stage.show();
        }
    }

    /** Turns the first screen's spinner until the sign-in screen replaces it. */
    private javafx.animation.Animation startupSpin;

    /**
     * A turning arc: a shape, no text, so the first screen stays inert (see LayoutTurns); {@code
     * spoken} is for screen readers only (accessible text is never laid out).
     */
    private javafx.scene.Node startupSpinner(String spoken) {
        javafx.scene.shape.Arc arc = new javafx.scene.shape.Arc(0, 0, 18, 18, 90, 270);
        arc.setType(javafx.scene.shape.ArcType.OPEN);
        arc.getStyleClass().add("startup-spinner");
        arc.setAccessibleRole(javafx.scene.AccessibleRole.PROGRESS_INDICATOR);
        arc.setAccessibleText(spoken);
        javafx.animation.RotateTransition spin = new javafx.animation.RotateTransition(javafx.util.Duration.seconds(1.1), arc);
        spin.setByAngle(360);
        spin.setCycleCount(javafx.animation.Animation.INDEFINITE);
        spin.setInterpolator(javafx.animation.Interpolator.LINEAR);
        spin.play();
        startupSpin = spin;
        // stops once the first screen leaves the window, whoever replaces it
        arc.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                stopStartupSpin();
            }
        });
        return arc;
    }

    private void stopStartupSpin() {
        if (startupSpin != null) {
            startupSpin.stop();
            startupSpin = null;
        }
    }

    /** Whether the first screen's arc still turns (tests). */
    boolean startupSpinning() {
        return startupSpin != null && startupSpin.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    /** The id of the empty first scene's root, shown until the sign-in screen is built. */
    public static final String STARTUP_ID = "startupScreen";

    /**
     * Bumped by every change of what the window shows (sign in, sign out, language, close): a
     * build that lands for an older one is dropped.
     */
    private int generation;

    private void showSignIn() {
        actor = null;
        int gen = ++generation;
        Locale loc = locale;
        String remembered = autoSignIn != null ? autoSignIn : setup.prefs().lastUser();
        Prestyle.Look look = look();
        boolean dk = dark;
        // the first time, while the empty first screen is shown (it needs no turn, so the window
        // never waits for the warm-up's styling), every screen is warmed up before the sign-in lands
        boolean warm = !warmedUp && !setup.warmUpViews().isEmpty() && LayoutTurns.isInert(stage.getScene());
        warmedUp |= warm;
        offThread("build-sign-in", () -> {
            ViewLoader loader = new ViewLoader(loc);
            SignInViewModel vm = new SignInViewModel(setup.directory(), setup.firstRun(), setup.tasks(), loader.bundle(),
                    remembered, this::signIn);
            SignInView view = new SignInView(vm, this);
            Prestyle.asRoot(loader.load(SignInView.FXML, view), look, dk);
            if (warm && !javafx.application.Platform.isFxApplicationThread()) {
                // (not in the fallback that rebuilds a failed build on the FX thread: it would freeze the window)
                WarmUp.run(setup.warmUpViews(), setup.warmUpSamples(), loader.bundle(), look);
            }
            return view;
        }, view -> {
            if (gen != generation) {
                return;
            }
            present(view.root(), null, view);
            SignInViewModel vm = view.viewModel();
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
            if (!warmedUp && !setup.warmUpViews().isEmpty()) {
                vm.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends SignInViewModel.State> o,
                                        SignInViewModel.State a, SignInViewModel.State now) {
                        if (now == SignInViewModel.State.READY && !warmedUp) {
                            o.removeListener(this);
                            warmUp();
                        }
                    }
                });
            }
        });
    }

    private boolean warmedUp;

    /**
     * Once per window, after the sign-in list is shown, when the window had a scene already (so
     * the warm-up did not run before the sign-in screen): warms every screen on a worker.
     */
    private void warmUp() {
        warmedUp = true;
        Prestyle.Look look = look();
        java.util.ResourceBundle bundle = new ViewLoader(locale).bundle();
        setup.tasks().run("warm-up", p -> WarmUp.run(setup.warmUpViews(), setup.warmUpSamples(), bundle, look),
                org.impactdesk.ui.TaskRunner.Callbacks.of(n -> { }, e -> { }));
    }

    /** Opens the shell for {@code who}: every screen built from here on carries this actor. */
    public void signIn(Actor who) {
        this.actor = who;
        if (who.userId() != null) {
            setup.prefs().lastUser(who.userId());
        }
        NavigationRequest first = startScreen == null ? null : NavigationRequest.to(startScreen);
        startScreen = null;
        showShell(first);
    }

    /**
     * Builds the shell for the signed-in actor on a worker thread (FXML, menus, navigation, status
     * bar and the first screen, styled and laid out in a throwaway scene) and swaps it in as the
     * scene's root in one step; the screen shown so far stays until then. {@code first}: the
     * screen to open (null: Home or the first screen the actor may see).
     */
    private void showShell(NavigationRequest first) {
        int gen = ++generation;
        Actor who = actor;
        Locale loc = locale;
        Prestyle.Look look = look();
        boolean dk = dark;
        offThread("build-shell", () -> buildShell(who, loc, first, look, dk), built -> {
            if (gen != generation) {
                built.dispose();
                return;
            }
            // three steps, a pulse apart, so no single pulse does all of it: the menu bar's skin
            // (FX thread only), then the shell attached (its CSS and layout), then the first screen
            built.prepareMenus();
            afterNextPulse(() -> {
                if (gen != generation) {
                    built.dispose();
                    return;
                }
                present(built.root(), built, null);
                afterNextPulse(() -> {
                    if (gen != generation) {
                        return;
                    }
                    if (built.viewModel().currentProperty().get() == null) {
                        built.viewModel().start(first);
                    } else {
                        built.viewModel().refreshStatus(); // the user already picked a screen
                    }
                });
            });
        });
    }

    private ShellView buildShell(Actor who, Locale loc, NavigationRequest first, Prestyle.Look look, boolean dk) {
        ViewLoader loader = new ViewLoader(loc);
        ShellViewModel vm = new ShellViewModel(setup.registry(), who, setup.tasks(), loader.bundle(),
                new Formats(loc), setup.zones().apply(who), setup.databaseFile(), setup.lastSync());
        ShellView[] self = new ShellView[1];
        ScreenContext context = new ScreenContext(who, loader, setup.tasks(), dialogs, vm, () -> {
            if (self[0] != null) {
                self[0].dataChanged();
            }
        });
        ShellView view = self[0] = new ShellView(vm, setup.registry(), context, this, setup.prefs(), this::showSignIn,
                stage::close);
        Parent root = loader.load(ShellView.FXML, view);
        ScreenId firstScreen = vm.firstScreen(first);
        if (firstScreen != null) {
            view.prebuild(firstScreen);
        }
        view.prestyle(look, dk);
        return view;
    }

    /** Runs {@code r} once the next pulse (CSS, layout, render of what was changed so far) has passed. */
    static void afterNextPulse(Runnable r) {
        new javafx.animation.AnimationTimer() {
            int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    r.run();
                }
            }
        }.start();
    }

    /** The current scene's style sheets, theme and size, for styling a graph built off the thread. */
    private Prestyle.Look look() {
        Scene scene = stage.getScene();
        return Prestyle.Look.of(scene, scene == null ? stage.getWidth() : scene.getWidth(),
                scene == null ? stage.getHeight() : scene.getHeight());
    }

    /**
     * Runs {@code build} on the task runner and {@code land} with its result on the FX thread. A
     * build that a control refuses off the FX thread is redone on it.
     */
    private <T> void offThread(String name, java.util.function.Supplier<T> build, java.util.function.Consumer<T> land) {
        setup.tasks().run(name, p -> build.get(), org.impactdesk.ui.TaskRunner.Callbacks.of(land, failure -> {
            java.util.logging.Logger log = java.util.logging.Logger.getLogger(MainWindow.class.getName());
            log.log(java.util.logging.Level.FINE, name + " off the FX thread failed, built on it", failure);
            T built;
            try {
                built = build.get();
            } catch (RuntimeException e) {
                log.log(java.util.logging.Level.WARNING, name + " failed", e);
                if (signIn != null && actor != null) {
                    // the shell: back to the list, saying why
                    signIn.viewModel().openFailed(e.getMessage() == null ? e.toString() : e.getMessage());
                    actor = null;
                    return;
                }
                throw e;
            }
            land.accept(built);
        }));
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
        Themes.apply(scene, dark);
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
    public boolean isDark() {
        return dark;
    }

    @Override
    public void setDark(boolean dark) {
        this.dark = dark;
        setup.prefs().dark(dark);
        if (stage.getScene() != null) {
            Themes.setDark(stage.getScene(), dark);
        }
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
