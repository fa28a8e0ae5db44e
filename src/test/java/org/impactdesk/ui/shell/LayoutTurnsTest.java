package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Off-thread styling and a layout pass never overlap (the turn), and a worker that cannot get the turn gives up. */
class LayoutTurnsTest {

    @org.junit.jupiter.api.BeforeEach
    void theTurnIsFree() {
        // the lock is static and the FX tests run in the same JVM: each case starts with it free
        assertThat(LayoutTurns.offFxThread(() -> { }, 5_000)).as("the turn is free").isTrue();
    }

    @Test
    void aLayoutPassWaitsForTheWorkersStylingAndAWorkerWaitsForTheLayoutPass() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicBoolean workerStyling = new AtomicBoolean();
        Thread worker = workerHoldingTheTurnUntil(finish, workerStyling);

        Thread pass = Thread.ofPlatform().start(() -> {
            LayoutTurns.take(); // what a scene's pre-layout listener does
            overlapped.set(workerStyling.get());
            LayoutTurns.give();
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pass.getState() != Thread.State.WAITING && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(pass.getState()).as("the layout pass waits while the worker styles").isEqualTo(Thread.State.WAITING);
        finish.countDown();
        worker.join(5_000);
        pass.join(5_000);
        assertThat(overlapped).isFalse();
    }

    @Test
    void aWorkerThatDoesNotGetTheTurnInTimeLeavesTheStylingToTheAttach() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread fx = Thread.ofPlatform().start(() -> {
            LayoutTurns.take();
            held.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LayoutTurns.give();
        });
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ran = new AtomicBoolean();

        assertThat(LayoutTurns.offFxThread(() -> ran.set(true), 30)).isFalse();
        assertThat(ran).isFalse();

        release.countDown();
        fx.join(5_000);
        assertThat(LayoutTurns.offFxThread(() -> ran.set(true), 1_000)).isTrue();
        assertThat(ran).isTrue();
    }

    @Test
    void takingTwiceAndGivingOnceReturnsTheTurn() throws Exception {
        Thread fx = Thread.ofPlatform().start(() -> {
            LayoutTurns.take();
            LayoutTurns.take(); // a pass that threw skipped its give: the next take is a no-op
            LayoutTurns.give();
        });
        fx.join(5_000);
        assertThat(LayoutTurns.offFxThread(() -> { }, 100)).isTrue();
    }

    @Test
    void aPassOverAnInertSceneDoesNotWaitForTheWorkerButAnyOtherSceneDoes() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        javafx.scene.layout.StackPane empty = new javafx.scene.layout.StackPane();
        LayoutTurns.markInert(empty);
        javafx.scene.Scene inert = new javafx.scene.Scene(empty);
        javafx.scene.Scene withText = new javafx.scene.Scene(new javafx.scene.layout.StackPane(new javafx.scene.control.Label("x")));
        CountDownLatch finish = new CountDownLatch(1);
        Thread worker = workerHoldingTheTurnUntil(finish);

        AtomicBoolean inertPassed = new AtomicBoolean();
        Thread inertPass = pass(inert, inertPassed);
        inertPass.join(2_000);
        assertThat(inertPassed).as("the inert scene's pass ran while the worker styled").isTrue();

        AtomicBoolean textPassed = new AtomicBoolean();
        Thread textPass = pass(withText, textPassed);
        assertThat(awaitWaitingForTurn(textPass)).isTrue();
        assertThat(textPassed).as("a scene with text waits for the worker").isFalse();
        finish.countDown();
        worker.join(5_000);
        textPass.join(5_000);
        assertThat(textPassed).isTrue();
    }

    @Test
    void aSceneWithNothingToRestyleOrLayOutPassesWithoutTheTurnAndAnyChangeBelowMakesItWait() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        javafx.scene.control.Button deep = new javafx.scene.control.Button("deep");
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(new javafx.scene.layout.VBox(deep));
        javafx.scene.control.Label top = new javafx.scene.control.Label("top");
        javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.VBox(top, scroll), 300, 200);
        org.testfx.api.FxToolkit.setupStage(stage -> {
            stage.setScene(scene);
            stage.show();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> LayoutTurns.PendingPasses.none(scene))).as("after a pulse").isTrue();

        // a button's hover look (Modena's .button:hover): its CSS must be applied again
        onFx(() -> deep.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("hover"), true));
        assertThat(onFx(() -> LayoutTurns.PendingPasses.none(scene))).as("a state change deep inside a scroll pane").isFalse();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> LayoutTurns.PendingPasses.none(scene))).isTrue();

        onFx(() -> deep.setText("a longer text inside the scroll pane's unmanaged viewport"));
        assertThat(onFx(() -> LayoutTurns.PendingPasses.none(scene))).as("new text deep inside").isFalse();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        onFx(() -> top.setRotate(10));
        assertThat(onFx(() -> LayoutTurns.PendingPasses.none(scene))).as("a turned node: no CSS or layout").isTrue();

        // while a worker styles, a pass over the clean scene runs (checked and run in one FX step,
        // so no pulse comes between); a scene with work waits (a scene never shown: nothing cleans it)
        CountDownLatch finish = new CountDownLatch(1);
        Thread worker = workerHoldingTheTurnUntil(finish);
        boolean cleanPassed = onFx(() -> {
            if (!LayoutTurns.PendingPasses.none(scene)) {
                return false; // something made it dirty meanwhile: this pass would wait, not what is tested
            }
            LayoutTurns.takeFor(scene);
            LayoutTurns.give();
            return true;
        });
        assertThat(cleanPassed).as("the clean scene's pass ran while the worker styled").isTrue();
        javafx.scene.Scene unstyled = onFx(() -> new javafx.scene.Scene(new javafx.scene.layout.StackPane(new javafx.scene.control.Label("new"))));
        AtomicBoolean dirtyPassed = new AtomicBoolean();
        Thread dirtyPass = pass(unstyled, dirtyPassed);
        assertThat(awaitWaitingForTurn(dirtyPass)).isTrue();
        assertThat(dirtyPassed).as("a scene with work waits for the worker").isFalse();
        finish.countDown();
        worker.join(5_000);
        dirtyPass.join(5_000);
        assertThat(dirtyPassed).isTrue();
    }

    /** Whether {@code t} comes to wait for the turn within 5 s. */
    private static boolean awaitWaitingForTurn(Thread t) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!LayoutTurns.waitsForTurn(t) && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return LayoutTurns.waitsForTurn(t);
    }

    /** A pane that notes, at each layout, whether a worker held the turn then. */
    static final class NotingPane extends javafx.scene.layout.StackPane {
        final java.util.List<Boolean> workerInTurnAtLayout = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final AtomicBoolean workerInTurn;

        NotingPane(AtomicBoolean workerInTurn, javafx.scene.Node child) {
            super(child);
            this.workerInTurn = workerInTurn;
        }

        @Override
        protected void layoutChildren() {
            workerInTurnAtLayout.add(workerInTurn.get());
            super.layoutChildren();
        }
    }

    @Test
    void aWindowsShowAndAKeyPressLayOutOnlyWhileNoWorkerStyles() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        onFx(LayoutTurns::install);
        Thread fx = onFx(Thread::currentThread);
        AtomicBoolean workerInTurn = new AtomicBoolean();
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        NotingPane pane = onFx(() -> new NotingPane(workerInTurn, new javafx.scene.layout.VBox(new javafx.scene.control.Label("a popup's text"), field)));
        javafx.stage.Stage window = onFx(() -> {
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(pane, 200, 100));
            return stage;
        });
        for (String which : java.util.List.of("first show", "a later show")) {
            pane.workerInTurnAtLayout.clear();
            CountDownLatch finish = new CountDownLatch(1);
            Thread worker = workerHoldingTheTurnUntil(finish, workerInTurn);
            java.util.concurrent.Future<Void> shown = org.testfx.util.WaitForAsyncUtils.asyncFx(window::show);
            awaitWaitingForTurn(fx);
            assertThat(shown.isDone()).as(which + ": waits for the worker's turn").isFalse();
            finish.countDown();
            shown.get(5, TimeUnit.SECONDS);
            worker.join(5_000);
            assertThat(pane.workerInTurnAtLayout).as(which + ": laid out, never while the worker styled").isNotEmpty().containsOnly(false);
            if (which.equals("first show")) {
                onFx(window::hide);
            }
        }

        // typing: the key is handled (the field's text laid out at once) holding the turn
        java.util.List<Boolean> workerInTurnAtKey = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        onFx(() -> field.addEventHandler(javafx.scene.input.KeyEvent.KEY_TYPED, e -> workerInTurnAtKey.add(workerInTurn.get())));
        CountDownLatch finish = new CountDownLatch(1);
        Thread worker = workerHoldingTheTurnUntil(finish, workerInTurn);
        java.util.concurrent.Future<Void> typed = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> javafx.event.Event.fireEvent(field,
                new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED, "k", "k", javafx.scene.input.KeyCode.UNDEFINED,
                        false, false, false, false)));
        awaitWaitingForTurn(fx);
        assertThat(typed.isDone()).as("a key waits for the worker's turn").isFalse();
        finish.countDown();
        typed.get(5, TimeUnit.SECONDS);
        worker.join(5_000);
        assertThat(workerInTurnAtKey).containsExactly(false);
        onFx(window::hide);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(LayoutTurns.offFxThread(() -> { }, 1_000)).as("the FX thread gave the turn back").isTrue();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** A worker that has taken the turn (it holds it when this returns) and keeps it until {@code finish}. */
    private static Thread workerHoldingTheTurnUntil(CountDownLatch finish) throws InterruptedException {
        return workerHoldingTheTurnUntil(finish, new AtomicBoolean());
    }

    /** As above; {@code inTurn} is true while the worker holds the turn (set and cleared inside it). */
    private static Thread workerHoldingTheTurnUntil(CountDownLatch finish, AtomicBoolean inTurn) throws InterruptedException {
        CountDownLatch styling = new CountDownLatch(1);
        Thread worker = Thread.ofPlatform().start(() -> LayoutTurns.offFxThread(() -> {
            inTurn.set(true);
            styling.countDown();
            try {
                finish.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inTurn.set(false);
        }, 1_000));
        assertThat(styling.await(5, TimeUnit.SECONDS)).as("the worker took the turn").isTrue();
        return worker;
    }

    /** A thread doing what a scene's pre- and post-layout listeners do around its pass; {@code passed} once it got through. */
    private static Thread pass(javafx.scene.Scene scene, AtomicBoolean passed) {
        return Thread.ofPlatform().start(() -> {
            LayoutTurns.takeFor(scene);
            passed.set(true);
            LayoutTurns.give();
        });
    }
}
