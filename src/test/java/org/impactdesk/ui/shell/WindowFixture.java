package org.impactdesk.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.impactdesk.App;
import org.impactdesk.service.Services;
import org.impactdesk.store.Database;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.signin.SignInViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window tests share: the services over the test's database, a task runner, a
 * throw-away preferences node, the window's parts as {@link App} makes them (without the
 * first-run demo import), and the steps a person takes in the window, each waiting until the
 * window has done what it asks: {@link #open(Stage)} the window, {@link #signIn(String)} through
 * the sign-in list, {@link #open(ScreenId)} a screen with its navigation button,
 * {@link #waitForData()} until every load has landed. Conditions are read on the FX thread
 * ({@link #await}), so no lookup walks a scene graph the FX thread is changing.
 */
public final class WindowFixture implements AutoCloseable {
    /** How long a step waits for the window (under load, a first visit builds a screen on a worker). */
    static final long WAIT_SECONDS = 120;

    public final Services services;
    public final FxTaskRunner tasks = new FxTaskRunner();
    public final Preferences prefs = Preferences.userRoot().node("org/impactdesk-test/" + UUID.randomUUID());
    private final FxRobot robot = new FxRobot();
    private MainWindow window;

    public WindowFixture(Database db) {
        this(new Services(db));
    }

    /** Over services the test built (its own mail settings, say). */
    public WindowFixture(Services services) {
        this.services = services;
    }

    /** The window with the app's screens. */
    public MainWindow.Setup setup() {
        return setup(App.screens(services));
    }

    /** The window with the screens given (a test may replace one). */
    public MainWindow.Setup setup(ScreenRegistry screens) {
        return setup(screens, App.directory(services));
    }

    public MainWindow.Setup setup(ScreenRegistry screens, SignInViewModel.Directory users) {
        return App.window(services, screens, users, SignInViewModel.FirstRun.NONE, new WindowPrefs(prefs), tasks);
    }

    // ---- opening and closing the window

    /** The window with the app's screens on {@code stage}, in English and light, showing its sign-in screen. */
    public MainWindow open(Stage stage) throws Exception {
        return open(stage, setup());
    }

    public MainWindow open(Stage stage, MainWindow.Setup setup) throws Exception {
        return open(stage, setup, w -> { }, w -> { });
    }

    /**
     * Makes the window on the FX thread, lets {@code beforeShow} set it up (an automatic sign-in,
     * the stage), shows it, and runs {@code afterShow} in the same FX task (a size to test at, what
     * the first frame holds).
     */
    public MainWindow open(Stage stage, MainWindow.Setup setup, Consumer<MainWindow> beforeShow,
                           Consumer<MainWindow> afterShow) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window = new MainWindow(stage, setup, Locale.ENGLISH, false);
            beforeShow.accept(window);
            window.show();
            afterShow.accept(window);
        }).get(30, TimeUnit.SECONDS);
        return window;
    }

    /** Opens the window (no one signed in) and sizes it to {@code width} x {@code height} once shown (1024x700: the smallest). */
    public MainWindow openAt(Stage stage, double width, double height) throws Exception {
        return open(stage, setup(), w -> { }, w -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    /** Work a test does in a window of another size. */
    @FunctionalInterface
    public interface SizedWork {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} with the open window sized to {@code width} x {@code height}, and puts its
     * size back after (the stage is shared by a class's tests).
     */
    public void atSize(double width, double height, SizedWork work) throws Exception {
        Stage stage = window.stage();
        double[] was = WaitForAsyncUtils.asyncFx(() -> {
            double[] size = {stage.getWidth(), stage.getHeight()};
            stage.setWidth(width);
            stage.setHeight(height);
            return size;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            work.run();
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                stage.setWidth(was[0]);
                stage.setHeight(was[1]);
            }).get(30, TimeUnit.SECONDS);
        }
    }

    public MainWindow window() {
        return window;
    }

    /**
     * Hides the window first (builds still landing, a shell a pulse after sign-in, are dropped, not
     * run on a closed runner), then closes the runner and drops the preferences.
     */
    @Override
    public void close() throws Exception {
        if (window != null) {
            MainWindow shown = window;
            WaitForAsyncUtils.asyncFx(() -> shown.stage().hide()).get(30, TimeUnit.SECONDS);
        }
        tasks.close();
        prefs.removeNode();
    }

    // ---- steps

    /** Waits for {@code condition}, checked on the FX thread; a timeout says what the window's labels say. */
    public void await(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + WAIT_SECONDS + " s; the window says: " + labels(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The sign-in list once it is ready: the names it shows, top to bottom. */
    public List<String> signInNames() throws Exception {
        await(() -> window.signInView() != null
                && window.signInView().viewModel().stateProperty().get() == SignInViewModel.State.READY);
        return onFx(() -> window.signInView().viewModel().shown().stream().map(c -> c.actor().displayName()).toList());
    }

    /**
     * Signs {@code userId} in as a person does: types their name into the sign-in list's filter,
     * checks that it chose them, presses Sign in, and waits until the main window shows its first
     * screen.
     */
    public void signIn(String userId) throws Exception {
        signInNames();
        String name = onFx(() -> window.signInView().viewModel().shown().stream()
                .filter(c -> userId.equals(c.actor().userId())).map(c -> c.actor().displayName()).findFirst()
                .orElseThrow(() -> new AssertionError(userId + " is not in the sign-in list")));
        robot.clickOn("#signInFilter").write(name);
        WaitForAsyncUtils.waitForFxEvents();
        await(() -> {
            SignInViewModel.Candidate chosen = window.signInView().viewModel().selectedProperty().get();
            return chosen != null && userId.equals(chosen.actor().userId());
        });
        robot.clickOn("#signInButton");
        awaitShell();
    }

    /** Until the main window is there (after a sign-in, an automatic one too) with its screen attached. */
    public void awaitShell() throws Exception {
        await(() -> window.shell() != null && attached(window.shell().viewModel().currentProperty().get()));
    }

    /** Opens {@code screen} with its navigation button and waits until it is built and in the window. */
    public void open(ScreenId screen) throws Exception {
        robot.clickOn("#nav-" + screen.name().toLowerCase(Locale.ROOT));
        await(() -> attached(screen));
    }

    /** Asks for {@code request} as a tile or another screen does (through the shell's ViewModel) and waits until it shows. */
    public void open(NavigationRequest request) throws Exception {
        robot.interact(() -> window.shell().viewModel().navigate(request));
        await(() -> attached(request.screen()));
    }

    /** Until no background work is left, twice: loads queued by landing results land too. */
    public void waitForData() throws Exception {
        await(() -> tasks.running() == 0);
        await(() -> tasks.running() == 0);
    }

    /** The node {@code query} finds, once it is in the scene (screens are built off the FX thread on first use). */
    public <T extends Node> T node(String query, Class<T> type) throws Exception {
        await(() -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }

    private boolean attached(ScreenId screen) {
        ShellView shell = window.shell();
        return shell != null && screen != null && shell.viewModel().currentProperty().get() == screen
                && shell.current() != null && shell.current().root().getScene() != null;
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** The window's non-blank label texts (for a timeout's message; empty when the FX thread does not answer). */
    private List<String> labels() {
        try {
            return onFx(() -> robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                    .filter(t -> t != null && !t.isBlank()).toList());
        } catch (Exception e) {
            return List.of();
        }
    }
}
