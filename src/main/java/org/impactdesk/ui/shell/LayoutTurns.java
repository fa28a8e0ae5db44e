package org.impactdesk.ui.shell;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Off-thread styling and the FX thread's CSS and layout take turns. JavaFX's control skins
 * measure text with one shared text layout ({@code com.sun.javafx.scene.control.skin.Utils}), so
 * laying out labels on a worker while the FX thread lays out its scenes corrupts it (seen as an
 * {@code ArrayIndexOutOfBoundsException} in {@code PrismTextLayout.layout}). Every window's scene
 * takes the turn before its layout pass and gives it back after, and so does a window's show and
 * input that lays out on the spot; a worker styles only while it
 * holds the turn, and a worker that cannot get it in time leaves its graph to be styled when
 * attached. The FX thread may thus wait for the rest of one worker's pass, never for a crash.
 * A scene whose root is {@linkplain #markInert inert} (no text at all, such as the window's
 * first, empty screen) lays out without the turn, so the window opens and animates while the
 * first screens are styled.
 */
public final class LayoutTurns {
    private static final ReentrantLock TURN = new ReentrantLock();
    private static final Object INERT = new Object();
    private static boolean installed;

    private LayoutTurns() {
    }

    /** Guards every window's scene, now and later (call on the FX thread, once). */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        Window.getWindows().forEach(w -> guard(w, false));
        // JavaFX lists a window while showing it: after WINDOW_SHOWING, before it sizes its scene
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(w -> guard(w, w.isShowing()));
            }
        });
    }

    /**
     * Guards {@code w}'s scenes, and its shows: {@code Window.show} sizes the scene (CSS, preferred
     * sizes, layout: a popup's or a dialog's labels measured) outside any pulse, so the FX thread
     * holds the turn from WINDOW_SHOWING to WINDOW_SHOWN. {@code showingNow}: {@code w} is in its
     * first show, past its WINDOW_SHOWING.
     */
    private static void guard(Window w, boolean showingNow) {
        if (w.getProperties().putIfAbsent(LayoutTurns.class, Boolean.TRUE) == null) {
            w.addEventFilter(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> takeForShow(w));
            w.addEventFilter(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> {
                // only a turn its show took (an enclosing take, e.g. a click's, gives its own back)
                if (w.getProperties().remove(SHOW_TOOK) != null) {
                    give();
                }
            });
            w.sceneProperty().addListener((o, was, now) -> {
                if (now != null) {
                    guard(now);
                }
            });
            if (showingNow) {
                takeForShow(w);
            }
        }
        if (w.getScene() != null) {
            guard(w.getScene());
        }
    }

    private static final Object SHOW_TOOK = new Object();

    private static void takeForShow(Window w) {
        if (!isInert(w.getScene()) && !TURN.isHeldByCurrentThread()) {
            take();
            w.getProperties().put(SHOW_TOOK, Boolean.TRUE);
        }
    }

    /**
     * Input that can lay out or measure text on the spot, outside a pulse: a click or key opening a
     * combo box's popup (sized before it is shown), typing, scrolling a list (new cells made at
     * once). The FX thread handles it holding the turn and gives it back once the event is done.
     * Mouse moves only change hover states, which the next pulse applies.
     */
    private static void takeForInput(Scene s, javafx.event.Event e) {
        if (HOVER_ONLY.contains(e.getEventType()) || isInert(s) || TURN.isHeldByCurrentThread()) {
            return;
        }
        take();
        javafx.application.Platform.runLater(LayoutTurns::give);
    }

    private static final java.util.Set<javafx.event.EventType<?>> HOVER_ONLY = java.util.Set.of(
            javafx.scene.input.MouseEvent.MOUSE_MOVED, javafx.scene.input.MouseEvent.MOUSE_ENTERED,
            javafx.scene.input.MouseEvent.MOUSE_EXITED, javafx.scene.input.MouseEvent.MOUSE_ENTERED_TARGET,
            javafx.scene.input.MouseEvent.MOUSE_EXITED_TARGET);

    /** Whether thread {@code t} is waiting for the turn (tests). */
    static boolean waitsForTurn(Thread t) {
        return TURN.hasQueuedThread(t);
    }

    private static void guard(Scene s) {
        if (s.getProperties().putIfAbsent(LayoutTurns.class, Boolean.TRUE) != null) {
            return;
        }
        s.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> takeForInput(s, e));
        s.addPreLayoutPulseListener(() -> takeFor(s));
        // a pass that threw skips this listener: the next pass's "take" is then a no-op, and its "give" returns the turn
        s.addPostLayoutPulseListener(LayoutTurns::give);
    }

    /**
     * {@code root} holds no text (no control, label or text node, now or later): a scene showing
     * it measures no text in its CSS and layout passes, so it needs no turn.
     */
    public static void markInert(javafx.scene.Parent root) {
        root.getProperties().put(INERT, Boolean.TRUE);
    }

    static boolean isInert(Scene s) {
        return s != null && s.getRoot() != null && s.getRoot().getProperties().get(INERT) == Boolean.TRUE;
    }

    /**
     * The FX thread takes the turn before {@code s}'s CSS and layout pass, unless {@code s} is
     * inert or its pass has nothing to do: a pulse that only moves an animation (a spinning
     * progress indicator while a screen is styled on a worker) then does not wait for the worker.
     */
    static void takeFor(Scene s) {
        if (!isInert(s) && !PendingPasses.none(s)) {
            take();
        }
    }

    /**
     * Whether a scene's next CSS and layout passes have any work. JavaFX keeps that in its nodes'
     * package-private flags; a change anywhere below marks every parent up to the root (CSS
     * UPDATE, layout DIRTY_BRANCH), so the root's two flags tell. Read reflectively; where they
     * cannot be read, every pass counts as having work (the turn is taken, as before).
     */
    static final class PendingPasses {
        private static final java.lang.reflect.Field CSS = field(javafx.scene.Node.class, "cssFlag");
        private static final java.lang.reflect.Field LAYOUT = field(javafx.scene.Parent.class, "layoutFlag");

        private PendingPasses() {
        }

        static boolean none(Scene s) {
            javafx.scene.Parent root = s == null ? null : s.getRoot();
            if (root == null || CSS == null || LAYOUT == null) {
                return false;
            }
            try {
                return isClean(CSS.get(root)) && isClean(LAYOUT.get(root));
            } catch (IllegalAccessException | RuntimeException e) {
                return false;
            }
        }

        private static boolean isClean(Object flag) {
            return flag instanceof Enum<?> e && "CLEAN".equals(e.name());
        }

        private static java.lang.reflect.Field field(Class<?> owner, String name) {
            try {
                java.lang.reflect.Field f = owner.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }

    /** The FX thread takes the turn (once, however often asked). */
    static void take() {
        if (!TURN.isHeldByCurrentThread() && !TURN.tryLock()) {
            long waitFrom = System.nanoTime();
            TURN.lock();
            FX_WAIT_NANOS.add(System.nanoTime() - waitFrom);
        }
    }

    /** How long the FX thread has waited for workers' turns so far (for the window probe). */
    private static final java.util.concurrent.atomic.LongAdder FX_WAIT_NANOS = new java.util.concurrent.atomic.LongAdder();

    public static long fxThreadWaitNanos() {
        return FX_WAIT_NANOS.sum();
    }

    /** The FX thread gives the turn back. */
    static void give() {
        while (TURN.isHeldByCurrentThread()) {
            TURN.unlock();
        }
    }

    /** The FX thread runs {@code work} (e.g. a snapshot, which lays its scene out) holding the turn. */
    public static void onFxThread(Runnable work) {
        boolean had = TURN.isHeldByCurrentThread();
        take();
        try {
            work.run();
        } finally {
            if (!had) {
                give();
            }
        }
    }

    /** A worker runs {@code work} holding the turn; false (and {@code work} not run) when it did not get it in time. */
    public static boolean offFxThread(Runnable work, long timeoutMillis) {
        boolean got;
        try {
            got = TURN.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (!got) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            TURN.unlock();
        }
    }
}
