package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.impactdesk.App;
import org.impactdesk.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.ui.FxTaskRunner;
import org.impactdesk.ui.signin.SignInView;
import org.impactdesk.ui.signin.SignInViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new window's start: an inert first screen (no text, a turning arc) is shown at once, the
 * warm-up runs off the FX thread while it is up, and only then does the sign-in screen land.
 */
class MainWindowStartupFxTest {
    Path dir;
    Database db;
    FxTaskRunner tasks;
    Preferences prefsNode;
    MainWindow window;
    Stage stage;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        dir = Files.createTempDirectory("startup-fx");
        db = ExampleDatabase.create(dir);
        tasks = new FxTaskRunner();
        prefsNode = Preferences.userRoot().node("org/impactdesk-test/" + UUID.randomUUID());
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(30, TimeUnit.SECONDS);
        }
        tasks.close();
        db.close();
        prefsNode.removeNode();
        org.impactdesk.TestFiles.deleteTree(dir);
    }

    @Test
    void theFirstScreenIsInertAndTheSignInLandsAfterTheWarmUpRanOffTheFxThread() throws Exception {
        App.Services services = new App.Services(db);
        AtomicLong warmedAt = new AtomicLong();
        AtomicReference<Boolean> warmedOnFxThread = new AtomicReference<>();
        AtomicLong signInAt = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger warmUps = new java.util.concurrent.atomic.AtomicInteger();
        AtomicLong frames = new AtomicLong();
        AtomicLong framesWhileHeld = new AtomicLong(-1);
        AtomicReference<CountDownLatch> frameWatch = new AtomicReference<>();
        MainWindow.Setup setup = new MainWindow.Setup(App.screens(services), services.actors::signInCandidates,
                SignInViewModel.FirstRun.NONE, services.settings.databaseFile().toString(), services.home::lastSync,
                services::zoneOf, new WindowPrefs(prefsNode), tasks)
                .withWarmUp(List.of(SignInView.FXML), List.of(() -> {
                    warmUps.incrementAndGet();
                    warmedOnFxThread.set(javafx.application.Platform.isFxApplicationThread());
                    warmedAt.set(System.nanoTime());
                    // holding the turn as the warm-up's styling does: the inert window's pulses go on meanwhile
                    LayoutTurns.offFxThread(() -> {
                        long before = frames.get();
                        // held until five frames have passed (or 3 s): they can only pass if the window's pulses go on
                        CountDownLatch fiveFrames = new CountDownLatch(5);
                        frameWatch.set(fiveFrames);
                        try {
                            fiveFrames.await(3, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        frameWatch.set(null);
                        framesWhileHeld.set(frames.get() - before);
                    }, 5_000);
                    return new StackPane();
                }));
        AtomicReference<Parent> first = new AtomicReference<>();
        javafx.animation.AnimationTimer counter = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
                CountDownLatch watch = frameWatch.get();
                if (watch != null) {
                    watch.countDown();
                }
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            counter.start();
            stage = new Stage();
            window = new MainWindow(stage, setup, Locale.ENGLISH, false);
            window.show();
            first.set(stage.getScene().getRoot());
            stage.getScene().rootProperty().addListener((o, was, now) -> {
                if (now != null && !MainWindow.STARTUP_ID.equals(now.getId()) && signInAt.get() == 0) {
                    signInAt.set(System.nanoTime());
                }
            });
        }).get(30, TimeUnit.SECONDS);

        Parent startup = first.get();
        assertThat(startup.getId()).isEqualTo(MainWindow.STARTUP_ID);
        assertThat(LayoutTurns.isInert(stage.getScene())).as("the first screen takes no turn").isTrue();
        assertThat(startup.lookupAll("*")).as("no text on the first screen")
                .noneMatch(n -> n instanceof Labeled || n instanceof Text || n instanceof javafx.scene.control.TextInputControl)
                .anyMatch(n -> n instanceof Shape && n.getStyleClass().contains("startup-spinner"));

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> window.signInView() != null
                && window.signInView().viewModel().stateProperty().get() == SignInViewModel.State.READY).get());
        assertThat(warmedOnFxThread.get()).as("the warm-up ran on a worker").isFalse();
        assertThat(warmedAt.get()).as("the warm-up ran before the sign-in screen landed").isPositive()
                .isLessThan(signInAt.get());
        assertThat(LayoutTurns.isInert(stage.getScene())).as("the sign-in screen takes turns again").isFalse();
        assertThat(warmUps).as("one warm-up").hasValue(1);
        assertThat(framesWhileHeld.get()).as("frames while the warm-up held the turn").isGreaterThanOrEqualTo(5);
        assertThat(WaitForAsyncUtils.asyncFx(window::startupSpinning).get()).as("the arc stopped").isFalse();
        WaitForAsyncUtils.asyncFx(counter::stop).get();
    }
}
