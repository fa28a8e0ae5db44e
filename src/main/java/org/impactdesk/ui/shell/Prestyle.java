package org.impactdesk.ui.shell;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * Styles and lays out a node graph built off the FX thread, in a throwaway scene that carries the
 * live scene's style sheets and theme class, so the controls' skins exist before the graph is
 * attached: the FX thread then only re-applies CSS and lays out instead of also creating every
 * skin. Nodes outside a live scene may be built and styled on any thread; a graph that will not
 * be styled off the FX thread is left as built (it is styled when attached).
 */
public final class Prestyle {

    /** The live scene's look, read on the FX thread before the work starts. */
    public record Look(List<String> sheets, List<String> rootClasses, double width, double height) {

        public static Look of(Scene live, double width, double height) {
            return new Look(live == null ? List.of() : List.copyOf(live.getStylesheets()),
                    live == null || live.getRoot() == null ? List.of() : List.copyOf(live.getRoot().getStyleClass()),
                    width > 0 ? width : 1000, height > 0 ? height : 700);
        }
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Prestyle.class.getName());

    /** How long a worker waits for its turn (see {@link LayoutTurns}) before leaving the styling to the attach. */
    static final long TURN_WAIT_MS = 2_000;

    private Prestyle() {
    }

    /** {@code root} will be a scene's root: styled as the root of a throwaway scene. */
    public static void asRoot(Parent root, Look look, boolean dark) {
        Scene scratch = null;
        try {
            scratch = new Scene(root, look.width(), look.height());
            scratch.getStylesheets().setAll(look.sheets());
            org.impactdesk.ui.Themes.setDark(scratch, dark);
            // two turns, so a layout pass of the live window waits for at most one of them
            if (LayoutTurns.offFxThread(root::applyCss, TURN_WAIT_MS)) {
                LayoutTurns.offFxThread(root::layout, TURN_WAIT_MS);
            }
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.FINE, "not styled off the FX thread, styled on attach", e);
        } finally {
            if (scratch != null) {
                scratch.setRoot(new Group());
            }
        }
    }

    /** {@code node} will sit inside the live root: styled inside a holder with the root's classes. */
    public static void inHolder(Parent node, Look look) {
        StackPane holder = new StackPane();
        holder.getStyleClass().addAll(look.rootClasses());
        Scene scratch = new Scene(holder, look.width(), look.height());
        scratch.getStylesheets().setAll(look.sheets());
        try {
            holder.getChildren().add(node);
            if (LayoutTurns.offFxThread(holder::applyCss, TURN_WAIT_MS)) {
                LayoutTurns.offFxThread(holder::layout, TURN_WAIT_MS);
            }
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.FINE, "not styled off the FX thread, styled on attach", e);
        } finally {
            holder.getChildren().clear();
        }
    }
}
